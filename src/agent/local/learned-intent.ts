import { readFileSync } from 'node:fs';
import { EMAIL_IN_TEXT } from '../../policy/email-in-text.ts';
import { hashedFeatures, linearClassifier, type LinearModel } from '../../text/hashed-linear.ts';
import { normalizeText } from '../normalize-text.ts';

/**
 * A small learned classifier over the user's own words: which tool a message asks for,
 * or none. The offline model consults it only where the hand-written cues are unsure or
 * find nothing (`classify.ts`), because cues written from one set of messages miss phrasings nobody
 * wrote down, while letter sequences ("factur", "請求", "टिकट") carry over.
 *
 * A linear model over hashed letter sequences (`src/text/hashed-linear.ts`), trained by
 * `evals/corpus/train-intent.ts`; a test checks the committed weights equal a fresh training run.
 */

export const LEARNED_LABELS = ['capture_lead', 'escalate_ticket', 'check_billing', 'none'] as const;
export type LearnedLabel = (typeof LEARNED_LABELS)[number];

const EMAIL = new RegExp(EMAIL_IN_TEXT.source, 'giu');
const URL_LIKE = /\bhttps?:\/\/\S+/giu;
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

/** The model's features of the user's own words. */
export function learnedFeatures(own: string, bits: number): Map<number, number> {
  return hashedFeatures(learnedText(own), bits);
}

export interface LearnedGuess {
  /** The most probable label, and its probability. */
  label: LearnedLabel;
  probability: number;
  /** Every label's probability (they sum to 1). */
  probabilities: Readonly<Record<LearnedLabel, number>>;
}

/** The model ready to score: the bytes decoded once. */
export function learnedClassifier(model: LinearModel): (own: string) => LearnedGuess {
  const score = linearClassifier(model);
  return (own) => {
    const p = score(learnedText(own));
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
    const probabilities = Object.fromEntries(LEARNED_LABELS.map((label, i) => [label, p[i]!])) as Record<LearnedLabel, number>;
    return { label: LEARNED_LABELS[best]!, probability: p[best]!, probabilities };
  };
}

export const LEARNED_MODEL_FILE = new URL('./intent-model.json', import.meta.url);

let committed: ((own: string) => LearnedGuess) | null = null;

/** The committed model's guess for the user's own words (read and decoded on first use). */
export function learnedGuess(own: string): LearnedGuess {
  committed ??= learnedClassifier(JSON.parse(readFileSync(LEARNED_MODEL_FILE, 'utf8')) as LinearModel);
  return committed(own);
}
