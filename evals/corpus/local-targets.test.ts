import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGS, loadCorpus } from './load.ts';
import { runCorpus } from './runner.ts';
import { pct, scoreRuns, type Ratio } from './score.ts';

/**
 * The offline `local` model on the held-out test split, through the real app (policy
 * included). Issue 8 aims at tool recall ≥ 90% and precision ≥ 98% overall and recall
 * ≥ 80% in every language; the dev split reaches that, the test split does not yet
 * (evals/README.md, "After"). Until it does, this holds what the test split reaches
 * today as a floor, so nothing slips back while the rules grow: raise the floors with
 * the figures, never lower them. The test split is only scored here, never tuned on.
 */

const RECALL_MIN = 0.62; // measured 66.2% (90/136); before the multilingual rules 22.1%
const PRECISION_MIN = 0.9; // measured 94.4% (85/90); before 81.8%
const LANG_RECALL_MIN = 0.45; // lowest language measured 50% (pt 5/10); before 0% (ja, vi)

const rate = (r: Ratio) => (r.of === 0 ? 1 : r.n / r.of);

// 171 lines through the app on two worker threads: about 40 s alone and over three
// minutes on a busy machine, so this test sets its own deadline rather than the suite's.
test('the local model keeps its recall and precision on the test split, in every language', { timeout: 600_000 }, async () => {
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
