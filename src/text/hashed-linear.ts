/**
 * A small linear classifier over hashed letter sequences, shared by the offline model's
 * learned intent fallback (`src/agent/local/learned-intent.ts`) and the triage's learned
 * severity reading (`src/tools/learned-severity.ts`).
 *
 * Multinomial logistic regression over character 1–4-grams of the prepared text (they work
 * in scripts without spaces between words, and survive typos and inflection) and whole words
 * where the script has spaces. Deterministic: a pure function of the text and the committed
 * weights, which `evals/corpus/linear-training.ts` trains.
 */

/** A committed model: one weight per label and hashed feature, quantised to signed bytes. */
export interface LinearModel {
  /** log2 of the number of feature buckets. */
  bits: number;
  /** A weight is its byte times `scale`. */
  scale: number;
  /** Per label, in the order of the labels the model was trained with. */
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

// Words exist only where the script puts spaces between them; in Chinese, Japanese and Thai a
// "word" would be a whole clause, and the character n-grams already cover them.
const SPACED_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{N}'_-]+/gu;

/** Hashed features of prepared text, each bucket with its count, L2-normalised so long messages do not shout. */
export function hashedFeatures(text: string, bits: number): Map<number, number> {
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

/** Probabilities of the labels (softmax over linear scores), one per bias, in the labels' order. */
export function scoreLabels(weightsOf: (label: number, bucket: number) => number, bias: readonly number[], features: Map<number, number>): number[] {
  const logits = bias.map((b, label) => {
    let z = b;
    for (const [bucket, value] of features) z += weightsOf(label, bucket) * value;
    return z;
  });
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The model ready to score prepared text: its bytes decoded once. */
export function linearClassifier(model: LinearModel): (text: string) => number[] {
  const bytes = model.weights.map((w) => Int8Array.from(Buffer.from(w, 'base64'), (b) => (b << 24) >> 24));
  const weightsOf = (label: number, bucket: number) => (bytes[label]![bucket] ?? 0) * model.scale;
  return (text) => scoreLabels(weightsOf, model.bias, hashedFeatures(text, model.bits));
}
