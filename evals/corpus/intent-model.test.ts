import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LEARNED_MODEL_FILE } from '../../src/agent/local/learned-intent.ts';
import { serialise, trainCommittedModel } from './train-intent.ts';

test('the committed learned intent model is what training on the dev split writes today', () => {
  const committed = readFileSync(LEARNED_MODEL_FILE, 'utf8');
  assert.ok(committed === serialise(trainCommittedModel()), 'the dev split or the training changed: run `npx tsx evals/corpus/train-intent.ts` and commit the model');
});
