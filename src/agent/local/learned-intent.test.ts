import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedFeatures, learnedGuess, learnedText, LEARNED_LABELS } from './learned-intent.ts';

test('the learned model reads addresses, links and digits as one token each, so it learns no person or number', () => {
  assert.equal(learnedText('Mail me: Maria.Gomez+x@Example.com or see https://a.example/b'), learnedText('mail me: z@y.example or see http://q.example'));
  assert.equal(learnedText('charged $249 on 12/03'), learnedText('charged $817 on 30/11'));
});

test('the learned features are L2-normalised counts in the model\'s buckets', () => {
  const features = learnedFeatures('我的发票在哪里？', 10);
  let norm = 0;
  for (const [bucket, value] of features) {
    assert.ok(bucket >= 0 && bucket < 1 << 10);
    norm += value * value;
  }
  assert.ok(Math.abs(norm - 1) < 1e-9);
});

test('the committed model gives one of its labels with a probability, the same every time', () => {
  for (const text of ['', 'x'.repeat(5000), 'The export page has been blank since this morning for all of us', 'thanks!']) {
    const guess = learnedGuess(text);
    assert.ok(LEARNED_LABELS.includes(guess.label));
    assert.ok(guess.probability >= 1 / LEARNED_LABELS.length && guess.probability <= 1);
    assert.deepEqual(learnedGuess(text), guess);
  }
});
