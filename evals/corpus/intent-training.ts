import { readFileSync } from 'node:fs';
import { learnedFeatures, LEARNED_LABELS, scoreLabels, type LearnedLabel, type LearnedModel } from '../../src/agent/local/learned-intent.ts';
import { userWords } from '../../src/agent/user-words.ts';
import type { CorpusLine } from './load.ts';

/**
 * Training for the learned intent fallback (`src/agent/local/learned-intent.ts`): the
 * examples it learns from and the optimiser. Shared by the cross-validation harness
 * (`intent-cv.ts`) and the script that writes the committed model (`train-intent.ts`),
 * so the model that is measured is the model that ships. Deterministic: examples are
 * visited in an order drawn from a fixed seed, and nothing reads the clock.
 */

export interface Example {
  id: string;
  text: string;
  label: LearnedLabel;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  /** L2 penalty per example visit. */
  l2: number;
  /** AdaGrad's base step. */
  rate: number;
  seed: number;
  /** Weigh each label's examples so every label counts as much in total (the corpus has far more tickets than anything else). */
  balance: boolean;
}

export const TRAIN_DEFAULTS: TrainOptions = { bits: 14, epochs: 15, l2: 1e-4, rate: 0.5, seed: 8, balance: true };

/**
 * What a corpus line teaches: its last turn, in the user's own words, labelled with the
 * tool the line expects (or none). The last turn is what the expectation is about and
 * what the local model classifies first.
 */
export function examplesOf(lines: readonly CorpusLine[]): Example[] {
  return lines.map((line) => ({ id: line.id, text: userWords(line.turns.at(-1) ?? ''), label: line.expect.tool ?? 'none' }));
}

/**
 * The older intent eval's dev file (evals/intent-dev.jsonl: one message and its tool), which
 * adds English chit-chat and requests. Its test file is never trained on.
 */
export function intentDevExamples(): Example[] {
  return readFileSync(new URL('../intent-dev.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((raw) => raw.trim() !== '')
    .map((raw, i) => {
      const row = JSON.parse(raw) as { text: string; tool: LearnedLabel | null };
      return { id: `intent-dev-${String(i).padStart(3, '0')}`, text: userWords(row.text), label: row.tool ?? 'none' };
    });
}

// mulberry32: a tiny seeded generator, so the visiting order is the same on every run.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Softmax regression by AdaGrad over the examples, then quantised to the committed form. */
export function trainIntentModel(examples: readonly Example[], options: Partial<TrainOptions> = {}): LearnedModel {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const size = 1 << o.bits;
  const k = LEARNED_LABELS.length;
  const w = new Float64Array(k * size);
  const g2 = new Float64Array(k * size);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k);
  const data = [...examples]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => ({ features: learnedFeatures(e.text, o.bits), label: LEARNED_LABELS.indexOf(e.label) }));
  const perLabel = LEARNED_LABELS.map((_, c) => data.filter((d) => d.label === c).length);
  const weightOf = (c: number) => (o.balance ? data.length / (k * Math.max(1, perLabel[c]!)) : 1);
  const next = random(o.seed);
  const weightsOf = (label: number, bucket: number) => w[label * size + bucket]!;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const { features, label } of shuffled(data, next)) {
      const p = scoreLabels(weightsOf, [...bias], features);
      const weight = weightOf(label);
      for (let c = 0; c < k; c++) {
        const err = weight * (p[c]! - (c === label ? 1 : 0));
        for (const [bucket, value] of features) {
          const i = c * size + bucket;
          const grad = err * value + o.l2 * w[i]!;
          g2[i]! += grad * grad;
          w[i]! -= (o.rate * grad) / Math.sqrt(g2[i]! + 1e-8);
        }
        b2[c]! += err * err;
        bias[c]! -= (o.rate * err) / Math.sqrt(b2[c]! + 1e-8);
      }
    }
  }
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : max / 127;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const weights = Array.from({ length: k }, (_, c) => {
    const bytes = new Int8Array(size);
    for (let b = 0; b < size; b++) bytes[b] = Math.round(w[c * size + b]! / scale);
    return Buffer.from(bytes.buffer).toString('base64');
  });
  return { bits: o.bits, scale: round(scale), bias: [...bias].map(round), weights };
}
