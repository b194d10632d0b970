import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGS, loadCorpus } from './load.ts';
import { runCorpus } from './runner.ts';
import { pct, scoreRuns, type Ratio } from './score.ts';

/**
 * Issue 8's targets for the offline `local` model, on the held-out test split, through
 * the real app (policy included): tool recall ≥ 90% and precision ≥ 98% overall, and
 * recall ≥ 80% in every language. The test split is only scored here, never tuned on.
 */

const RECALL_MIN = 0.9;
const PRECISION_MIN = 0.98;
const LANG_RECALL_MIN = 0.8;

const rate = (r: Ratio) => (r.of === 0 ? 1 : r.n / r.of);

// 171 lines through the app on two worker threads: about 40 s alone, longer when the
// machine is busy, so this test sets its own deadline rather than the suite default.
test('the local model reaches its recall and precision targets on the test split, in every language', { timeout: 300_000 }, async () => {
  const runs = await runCorpus(loadCorpus('test'), { model: 'local', concurrency: 2, threads: true });
  const { overall, byLang } = scoreRuns(runs);
  assert.ok(rate(overall.recall) >= RECALL_MIN, `recall ${pct(overall.recall)} (${overall.recall.n}/${overall.recall.of})`);
  assert.ok(rate(overall.precision) >= PRECISION_MIN, `precision ${pct(overall.precision)} (${overall.precision.n}/${overall.precision.of})`);
  for (const lang of LANGS) {
    const recall = byLang[lang]?.recall;
    assert.ok(recall !== undefined && recall.of > 0, `${lang} has lines in the test split`);
    assert.ok(rate(recall) >= LANG_RECALL_MIN, `${lang} recall ${pct(recall)} (${recall.n}/${recall.of})`);
  }
});
