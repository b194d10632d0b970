import { hashedFeatures, scoreLabels, type LinearModel } from '../../src/text/hashed-linear.ts';

/**
 * The optimiser for the committed linear models (`src/text/hashed-linear.ts`): the learned
 * intent fallback (`intent-training.ts`) and the triage's severity reading
 * (`train-severity.ts`). Deterministic: examples are visited in an order drawn from a fixed
 * seed, and nothing reads the clock.
 */

export interface LabelledText {
  id: string;
  /** Prepared as the model reads it. */
  text: string;
  /** Index into the model's labels. */
  label: number;
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

const TRAIN_DEFAULTS: TrainOptions = { bits: 14, epochs: 15, l2: 1e-4, rate: 0.5, seed: 8, balance: true };

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

/** Softmax regression over `labels` classes by AdaGrad, then quantised to the committed form. */
export function trainLinearModel(examples: readonly LabelledText[], labels: number, options: Partial<TrainOptions> = {}): LinearModel {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const size = 1 << o.bits;
  const k = labels;
  const w = new Float64Array(k * size);
  const g2 = new Float64Array(k * size);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k);
  const data = [...examples]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => ({ features: hashedFeatures(e.text, o.bits), label: e.label }));
  const perLabel = Array.from({ length: k }, (_, c) => data.filter((d) => d.label === c).length);
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
