import { readFileSync } from 'node:fs';
import { EMAIL_IN_TEXT } from '../../policy/email-in-text.ts';
import { normalizeText } from '../normalize-text.ts';

/**
 * A small learned classifier over the user's own words: which tool a message asks for,
 * or none. The offline model consults it only where the hand-written cues are unsure or
 * find nothing (`classify.ts`), because cues written from one set of messages miss phrasings nobody
 * wrote down, while letter sequences ("factur", "請求", "टिकट") carry over.
 *
 * Multinomial logistic regression over hashed features: character 1–4-grams of the
 * normalised text (they work in scripts without spaces between words, and survive typos
 * and inflection) and whole words where the script has spaces. Deterministic: a pure
 * function of the text and the committed weights. The weights are trained by
 * `evals/corpus/train-intent.ts` and a test checks they equal a fresh training run.
 */

export const LEARNED_LABELS = ['capture_lead', 'escalate_ticket', 'check_billing', 'none'] as const;
export type LearnedLabel = (typeof LEARNED_LABELS)[number];

/** The committed model: one weight per label and hashed feature, quantised to signed bytes. */
export interface LearnedModel {
  /** log2 of the number of feature buckets. */
  bits: number;
  /** A weight is its byte times `scale`. */
  scale: number;
  /** Per label, in LEARNED_LABELS order. */
  bias: number[];
  /** Per label, `2 ** bits` signed bytes, base64. */
  weights: string[];
}

// FNV-1a 32 over UTF-16 code units: fast, stable across platforms, and good enough to spread n-grams.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const EMAIL = new RegExp(EMAIL_IN_TEXT.source, 'giu');
const URL_LIKE = /\bhttps?:\/\/\S+/giu;
// Words exist only where the script puts spaces between them; in Chinese, Japanese and Thai a
// "word" would be a whole clause, and the character n-grams already cover them.
const SPACED_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{N}'_-]+/gu;
const MAX_CHARS = 2000;

/**
 * The text as the model reads it: normalised like the cue rules, with what varies from
 * message to message folded into one token each (an email address, a link, each digit), so
 * "x@y.example" and "0123" teach the model about addresses and numbers, not about one person.
 */
export function learnedText(own: string): string {
  return normalizeText(own.slice(0, MAX_CHARS).replace(EMAIL, ' \u2709 ').replace(URL_LIKE, ' \u2197 '))
    .replace(/\p{Nd}/gu, '0')
    .replace(/\s+/g, ' ');
}

/** Hashed features of the text, each bucket with its count, L2-normalised so long messages do not shout. */
export function learnedFeatures(own: string, bits: number): Map<number, number> {
  const text = learnedText(own);
  const mask = (1 << bits) - 1;
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const bucket = hash(feature) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  const chars = [...` ${text} `];
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (n === 1 && gram === ' ') continue;
      add(`c${gram}`);
    }
  }
  for (const word of text.match(SPACED_WORD) ?? []) add(`w${word}`);
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  norm = Math.sqrt(norm) || 1;
  for (const [bucket, c] of counts) counts.set(bucket, c / norm);
  return counts;
}

/** Probabilities of the labels (softmax over linear scores), in LEARNED_LABELS order. */
export function scoreLabels(weightsOf: (label: number, bucket: number) => number, bias: readonly number[], features: Map<number, number>): number[] {
  const logits = LEARNED_LABELS.map((_, label) => {
    let z = bias[label] ?? 0;
    for (const [bucket, value] of features) z += weightsOf(label, bucket) * value;
    return z;
  });
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface LearnedGuess {
  label: LearnedLabel;
  probability: number;
}

/** The model ready to score: the bytes decoded once. */
export function learnedClassifier(model: LearnedModel): (own: string) => LearnedGuess {
  const bytes = model.weights.map((w) => Int8Array.from(Buffer.from(w, 'base64'), (b) => (b << 24) >> 24));
  const weightsOf = (label: number, bucket: number) => (bytes[label]![bucket] ?? 0) * model.scale;
  return (own) => {
    const p = scoreLabels(weightsOf, model.bias, learnedFeatures(own, model.bits));
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
    return { label: LEARNED_LABELS[best]!, probability: p[best]! };
  };
}

export const LEARNED_MODEL_FILE = new URL('./intent-model.json', import.meta.url);

let committed: ((own: string) => LearnedGuess) | null = null;

/** The committed model's guess for the user's own words (read and decoded on first use). */
export function learnedGuess(own: string): LearnedGuess {
  committed ??= learnedClassifier(JSON.parse(readFileSync(LEARNED_MODEL_FILE, 'utf8')) as LearnedModel);
  return committed(own);
}
