import { writeFileSync } from 'node:fs';
import { LEARNED_MODEL_FILE } from '../../src/agent/local/learned-intent.ts';
import type { LinearModel } from '../../src/text/hashed-linear.ts';
import { examplesOf, intentDevExamples, trainIntentModel } from './intent-training.ts';
import { loadCorpus } from './load.ts';

/**
 * Writes the learned intent model the offline `local` model ships with
 * (src/agent/local/intent-model.json), trained on the corpus's dev split and
 * evals/intent-dev.jsonl only: the test splits are never trained on. Run after the dev split changes:
 * `npx tsx evals/corpus/train-intent.ts`. `corpus.test.ts` fails while the committed
 * model differs from what this writes.
 */

export function trainCommittedModel(): LinearModel {
  return trainIntentModel([...examplesOf(loadCorpus('dev')), ...intentDevExamples()]);
}

export function serialise(model: LinearModel): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = serialise(trainCommittedModel());
  writeFileSync(LEARNED_MODEL_FILE, text);
  console.log(`wrote ${LEARNED_MODEL_FILE.pathname} (${text.length} bytes)`);
}
