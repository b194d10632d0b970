import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideLocal } from './local-decide.ts';
import { LANGS, loadCorpus } from './load.ts';

/**
 * The offline `local` model's own decision on the held-out test split: which tool the
 * last turn asks for (or, for a reply that only supplies details, the earlier request it
 * completes, as the model continues it), and for a lead whether the name and email it
 * needs were found. The policy is not run here, so it takes milliseconds: the end-to-end
 * figures through the app come from `npm run eval:corpus -- --model local` (evals/README.md).
 *
 * Issue 8 aims at recall ≥ 90%, precision ≥ 98%, and ≥ 80% in every language; the dev
 * split reaches that, the test split does not yet. Until it does, this holds what the
 * test split reaches today as floors: raise them with the figures, never lower them.
 * The test split is only scored here, never tuned on.
 */

// Measured 2026-12-01 on the test split of 331 lines (279 expecting a tool), with the learned
// fallback (src/agent/local/classify.ts) after the rules were generalised from the 8nn dev lines,
// and after 22 test lines read while the fallback was designed were moved to dev and replaced
// by 27 freshly written ones (batch 8c). Before that swap: 87.5% (238/272), 96.7%, ar and hi 82.6%;
// rules alone: 85.3%, 95.5%, fr 77.3%; before the 8nn work: 83.5%, 94.6%.
const RECALL_MIN = 0.87; // measured 87.5% (244/279)
const PRECISION_MIN = 0.97; // measured 97.2% (244/251)
const LANG_RECALL_MIN = 0.8; // lowest language measured 80.0% (en 44/55)

test('the local model keeps its tool recall and precision on the test split, in every language', () => {
  const lines = loadCorpus('test');
  const decided = lines.map((line) => ({ line, tool: decideLocal(line) }));
  const rate = (ok: number, of: number) => (of === 0 ? 1 : ok / of);
  const recall = (subset: typeof decided) => {
    const expecting = subset.filter(({ line }) => line.expect.tool !== null);
    return { ok: expecting.filter(({ line, tool }) => tool === line.expect.tool).length, of: expecting.length };
  };
  const all = recall(decided);
  const called = decided.filter(({ tool }) => tool !== null);
  const right = called.filter(({ line, tool }) => tool === line.expect.tool).length;
  assert.ok(rate(all.ok, all.of) >= RECALL_MIN, `recall ${all.ok}/${all.of}`);
  assert.ok(rate(right, called.length) >= PRECISION_MIN, `precision ${right}/${called.length}`);
  for (const lang of LANGS) {
    const r = recall(decided.filter(({ line }) => line.lang === lang));
    assert.ok(r.of > 0, `${lang} has lines in the test split`);
    assert.ok(rate(r.ok, r.of) >= LANG_RECALL_MIN, `${lang} recall ${r.ok}/${r.of}`);
  }
});
