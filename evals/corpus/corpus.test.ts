import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { scoreConversation } from '../../src/agent/confidence-estimate.ts';
import { LEARNED_MODEL_FILE } from '../../src/agent/local/learned-intent.ts';
import { userWords } from '../../src/agent/user-words.ts';
import { TOOL_REGISTRY } from '../../src/tools/index.ts';
import { SEVERITY_MODEL_FILE } from '../../src/tools/learned-severity.ts';
import { offTestThread } from '../off-test-thread.ts';
import { decideLocal } from './local-decide.ts';
import { LANGS, loadCorpus, parseCorpus, splitOf, type CorpusLine } from './load.ts';
import type { LineRun, runCorpusBatches } from './runner.ts';
import { scoreLine, scoreRuns, type Ratio } from './score.ts';
import { serialise, trainCommittedModel } from './train-intent.ts';
import { trainCommittedSeverityModel } from './train-severity.ts';

/**
 * The realistic corpus (evals/corpus): its format, its runner, the learned intent model
 * trained on its dev split, and issue 8's targets on its TEST split. One file, so one process:
 * loading the gateway's modules and an embedded database costs more than most of these tests.
 * The runs through the app share one database (emptied before each line, as in any run) on a
 * thread of their own, started first; the tests that need no app run beside them on this
 * thread, and the tests that read those runs come last.
 */

describe('the realistic corpus', () => {
  const lines = loadCorpus('all');

  test('parses, line by line, into the documented format', () => {
    assert.ok(lines.length >= 400, `${lines.length} lines`);
  });

  test('has unique ids', () => {
    const seen = new Set<string>();
    for (const l of lines) {
      assert.ok(!seen.has(l.id), `duplicate id ${l.id}`);
      seen.add(l.id);
    }
  });

  test('puts every line in the split its id decides, and in that split’s file', () => {
    for (const split of ['dev', 'test'] as const) {
      for (const l of loadCorpus(split)) {
        assert.equal(l.split, split, `${l.id} is in ${split}.jsonl but says ${l.split}`);
        assert.equal(splitOf(l.id), split, `${l.id}: FNV-1a puts it in ${splitOf(l.id)}`);
      }
    }
  });

  test('has at least ten languages with at least 25 lines each, every one in both splits', () => {
    const count = (lang: string, split?: string) => lines.filter((l) => l.lang === lang && (split === undefined || l.split === split)).length;
    const big = LANGS.filter((lang) => count(lang) >= 25);
    assert.ok(big.length >= 10, `languages with ≥25 lines: ${big.join(' ')}`);
    for (const lang of LANGS) assert.ok(count(lang, 'dev') > 0 && count(lang, 'test') > 0, `${lang} in both splits`);
  });

  test('refuses a malformed line with its line number', () => {
    assert.throws(() => parseCorpus('{"id": "en-lead-001"}\n', 'x.jsonl'), /x\.jsonl:1:/);
    assert.throws(() => parseCorpus('not json\n', 'x.jsonl'), /x\.jsonl:1: not JSON/);
  });
});

test('the committed learned intent model is what training on the dev split writes today', () => {
  const committed = readFileSync(LEARNED_MODEL_FILE, 'utf8');
  assert.ok(committed === serialise(trainCommittedModel()), 'the dev split or the training changed: run `npx tsx evals/corpus/train-intent.ts` and commit the model');
});

test('the committed learned severity model is what training on the dev split writes today', () => {
  const committed = readFileSync(SEVERITY_MODEL_FILE, 'utf8');
  assert.ok(committed === serialise(trainCommittedSeverityModel()), 'the dev split or the training changed: run `npx tsx evals/corpus/train-severity.ts` and commit the model');
});

/** A tiny corpus whose right answers do not depend on today's rules. */
const SYNTHETIC: CorpusLine[] = [
  {
    id: 'en-lead-901',
    split: 'dev',
    lang: 'en',
    caller: { kind: 'anon' },
    turns: ['Hi, I am Ada Lovelace, ada.lovelace@example.com, could someone call me about a demo?'],
    expect: { tool: 'capture_lead', outcome: 'done', fields: { name: 'Ada Lovelace', email: 'Ada.Lovelace@example.com' } },
    tags: [],
  },
  {
    // The expected email was never typed: a right-looking call the gateway must refuse (a foreign email never becomes a lead).
    id: 'en-lead-902',
    split: 'dev',
    lang: 'en',
    caller: { kind: 'anon' },
    turns: ['Hi, I am Bob Stone, could someone call me about a demo?'],
    expect: { tool: 'capture_lead', outcome: 'done', fields: { name: 'Bob Stone', email: 'bob.stone@example.org' } },
    tags: [],
  },
  {
    id: 'en-billing-903',
    split: 'dev',
    lang: 'en',
    caller: { kind: 'anon' },
    turns: ['What plan am I on?'],
    expect: { tool: 'check_billing', outcome: 'needs_sign_in', fields: {} },
    tags: [],
  },
  {
    id: 'en-billing-904',
    split: 'dev',
    lang: 'en',
    caller: { kind: 'user', email: 'Grace@Example.com', name: 'Grace Hopper' },
    turns: ['hello', 'what plan am I on and when is my next charge?'],
    expect: { tool: 'check_billing', outcome: 'done', fields: {} },
    tags: ['multi_turn'],
  },
  {
    id: 'en-none-905',
    split: 'dev',
    lang: 'en',
    caller: { kind: 'anon' },
    turns: ['thanks, that is all!'],
    expect: { tool: null, outcome: 'none', fields: {} },
    tags: [],
  },
];

/**
 * Every run through the app in this file, in one call on a thread of its own (see
 * evals/off-test-thread.ts), in this order: the runner's own tests, then the test split.
 */
let appRuns: Promise<{ synthetic: LineRun[]; scripted: LineRun[]; testSplit: LineRun[] }>;
before(() => {
  appRuns = offTestThread<typeof runCorpusBatches>(new URL('./runner.ts', import.meta.url), 'runCorpusBatches', [
    { lines: SYNTHETIC, model: 'puppet' },
    { lines: [SYNTHETIC[0]!], model: 'openai-scripted' },
    { lines: loadCorpus('test'), model: 'puppet' },
  ]).then((runs) => ({ synthetic: runs[0]!, scripted: runs[1]!, testSplit: runs[2]! }));
  // The tests below await it; until one does, a failure is not an unhandled rejection.
  appRuns.catch(() => {});
});

/*
 * Issue 8's targets on the TEST split, one test per half of the issue: the puppet figures
 * through the app, the `local` model's own decisions, and the friction of the gateway's
 * own confidence estimate. Only aggregates and failure classes are printed: test-split
 * lines are never listed, and the test split is only scored here, never tuned on.
 */

const pct = (r: Ratio) => (r.of === 0 ? 0 : r.n / r.of);

/*
 * The offline `local` model's own decision on the held-out test split: which tool the
 * last turn asks for (or, for a reply that only supplies details, the earlier request it
 * completes, as the model continues it), and for a lead whether the name and email it
 * needs were found. The policy is not run here, so it takes milliseconds: the end-to-end
 * figures through the app come from `npm run eval:corpus -- --model local` (evals/README.md).
 *
 * Issue 8 aims at recall ≥ 90%, precision ≥ 98%, and ≥ 80% in every language. The test
 * split reaches all three: precision is held at its target, and recall, overall and per
 * language, at what the test split reaches today, above its targets. Raise the floors with
 * the figures, never lower them.
 */

// Measured 2026-12-01 on the test split of 331 lines (279 expecting a tool), with the learned
// fallback (src/agent/local/classify.ts) after the rules were generalised from the 8nn dev lines,
// and after 22 test lines read while the fallback was designed were moved to dev and replaced
// by 27 freshly written ones (batch 8c). Before that swap: 87.5% (238/272), 96.7%, ar and hi 82.6%;
// rules alone: 85.3%, 95.5%, fr 77.3%; before the 8nn work: 83.5%, 94.6%.
// Then batch 4nn added 63 fresh test lines (52 expecting a tool), which the rules had never met:
// 88.2% (292/331), 97.0% (292/301), lowest language fr 78.6% (22/28; it was 80.0% on the older lines).
// Then the learned fallback may find a request where the rules see none, when it is very sure
// (LEARNED_NO_CUE_PROBABILITY, chosen on dev folds and older dev batches): 91.5% (303/331),
// 97.4% (303/311), lowest language ar 84.0% (21/25).
// Then fifteen fresh batches (1nn … 32n, evals/corpus/README.md) added 513 test lines, harder than the
// older ones (written to tell the tools apart, in more registers); two rounds of tool-choice classes
// fixed from their dev halves only: 92.5% (748/809), 96.4% (748/776), lowest language en 88.9%
// (112/126). On the 394 older test lines alone: 93.1% (308/331), 98.1% (308/314).
// Then three ticket-or-billing classes from the dev misses (a refund still awaited, a change to how
// the account is billed, an option asked for or a fix asked in Japanese): 92.8% (751/809),
// 96.7% (751/777), lowest language en 88.9% (112/126).
// Then ticket batch 33n added 31 fresh test tickets: 92.1% (774/840), 96.6% (774/801), lowest
// language en 87.5% (112/128; its two new en test tickets are both missed).
// Then dev batches 34n, 37n and 52n (264 lines written at the borders between a ticket, a lookup and no
// tool) and the classes fixed from them (a problem told as settled, whether money went out or was taken,
// an invoice to correct or issue again, a question asked in general, a notice that asks for nothing, tax
// on an invoice): 92.0% (773/840), 96.9% (773/798), lowest language fr 86.8% (59/68). Two wrong calls
// fewer for one right one lost; the recall floors follow that trade, which keeps every target.
// Then five more dev batches (55n, 58n, 62n, 65n, 68n; 440 lines, the last two judging the rules written on
// the first three before they joined: 23 → 18 wrong calls on them), the classes fixed from them, and the
// learned fallback's floors chosen again by cross-validation on the larger dev split (0.8 and 0.92):
// 93.0% (781/840), 97.1% (781/804), lowest language fr 88.2% (60/68).
// Then the learned fallback's doubt (a ticket or billing call the rules are unsure of, which the learned model
// gives almost no chance, is not made: LEARNED_DOUBT, chosen on dev folds): 93.1% (782/840), 97.3% (782/804).
// Then nine more dev batches (77n … 88n, 792 lines, each round judging the one before it), the classes fixed
// from them, and both models retrained on the larger dev split: 92.3% (775/840), 97.4% (775/796), lowest
// language fr 86.8% (59/68): two wrong calls fewer for six right ones lost, all six in the retrainings. The
// recall floors follow that trade, which keeps the recall targets.
// Then the intent model with 2^16 feature buckets, and the learned veto (a ticket or billing call the rules are
// sure of, in a message that says more than its request, which the learned model gives almost no chance, is
// swapped or not made: LEARNED_VETO and VETO_MIN_LENGTH, chosen on dev folds and the judges): 93.5% (785/840),
// 98.6% (785/796), lowest language fr 86.8% (59/68). The precision floor is now the target itself.
const RECALL_MIN = 785 / 840;
const PRECISION_MIN = 0.98;
const LANG_RECALL_MIN = 59 / 68;

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

/*
 * Issue 8's friction target for a real model that reports no confidence (the
 * `openai-scripted` run): the gateway's own estimate must not ask non-English speakers
 * to confirm a plain request more often than English speakers, and should rarely ask
 * at all (see MAX_OVERALL_FRICTION). With the right call proposed, a confirmation is asked exactly when the estimate
 * for that call (`scoreConversation`, which the turn uses) is below the tool's
 * threshold, so this scores the estimate directly, in milliseconds, on the held-out
 * test split. `npm run eval:corpus -- --model openai-scripted` measures the same through the app.
 */

// Measured on the test split: 31.3% (41/131) overall, English 44.4% (12/27), the other
// languages 27.9% (29/104); before the multilingual evidence 61.1%, English 48.1%, others
// 64.4%. The dev split is at 2.4%: the test split's lines use wording the cues do not
// know yet. A ceiling to lower as the figures improve, never to raise.
const MAX_OVERALL_FRICTION = 0.35;

function asked(line: CorpusLine): boolean {
  const tool = TOOL_REGISTRY.find(line.expect.tool!)!;
  return scoreConversation(line.turns.map(userWords), tool.name) < tool.confidenceThreshold;
}

test('a plain request is rarely asked to confirm, and no more often in another language than in English', () => {
  const done = loadCorpus('test').filter((l) => l.expect.tool !== null && l.expect.outcome === 'done');
  const rate = (lines: CorpusLine[]) => lines.filter(asked).length / lines.length;
  const english = done.filter((l) => l.lang === 'en');
  const others = done.filter((l) => l.lang !== 'en');
  assert.ok(english.length > 0 && others.length > 0);
  const overall = rate(done);
  assert.ok(overall <= MAX_OVERALL_FRICTION, `friction ${(overall * 100).toFixed(1)}% overall`);
  assert.ok(rate(others) <= rate(english), `non-English ${(rate(others) * 100).toFixed(1)}% vs English ${(rate(english) * 100).toFixed(1)}%`);
});

describe('the corpus runner', () => {
  test('scores a known right call as a success and a refused one as a false refusal (puppet)', async () => {
    const runs = (await appRuns).synthetic;
    const score = scoreRuns(runs);
    const byId = Object.fromEntries(score.lines.map((l) => [l.id, l]));

    assert.equal(byId['en-lead-901']!.success, true);
    assert.deepEqual(byId['en-lead-901']!.fields, { name: true, email: true });
    assert.equal(byId['en-lead-902']!.success, false);
    assert.equal(byId['en-lead-902']!.failure, 'not_grounded');
    assert.equal(byId['en-billing-903']!.success, true, 'an anonymous billing question is refused as unauthenticated');
    assert.equal(byId['en-billing-904']!.success, true, 'a signed-in customer with a billing record gets an answer');
    assert.equal(byId['en-none-905']!.success, true);

    assert.deepEqual(score.overall.falseRefusals, { n: 1, of: 3 });
    assert.deepEqual(score.overall.friction, { n: 0, of: 3 });
    assert.deepEqual(score.overall.signIn, { n: 1, of: 1 });
    assert.deepEqual(score.overall.recall, { n: 3, of: 4 });
    assert.deepEqual(score.overall.precision, { n: 2, of: 2 });
    assert.deepEqual(score.overall.failures, { 'capture_lead · not_grounded': 1 });
  });

  test('proposes the right call through the scripted OpenAI-compatible server', async () => {
    const [run] = (await appRuns).scripted;
    const line = scoreLine(run!);
    assert.equal(line.proposed, true);
    // With no reported confidence the gateway's estimate decides; either way the confirmation round ends in the lead.
    assert.equal(line.success, true, line.failure ?? '');
  });

  test('counts a confirmation round as friction, and a refusal after it as a false refusal', () => {
    const line = SYNTHETIC[0]!;
    const asked = { tool: 'capture_lead', args: {}, decision: 'needs_confirmation', reason: 'low_confidence', output: { status: 'needs_confirmation' } };
    const ran = { tool: 'capture_lead', args: {}, decision: 'allowed', output: { status: 'done' } };
    const run = (confirmed: typeof ran | null): LineRun => ({
      line,
      requests: [
        { turn: 0, kind: 'chat', result: { status: 200, text: '', toolCalls: [asked] } },
        { turn: 0, kind: 'confirm', result: { status: 200, text: '', toolCalls: confirmed ? [confirmed] : [] } },
      ],
      state: { contacts: confirmed ? [{ email: 'ada.lovelace@example.com', name: 'Ada Lovelace ', company: null, phone: null }] : [], tickets: [], audit: [] },
      ms: 0,
    });
    const withLead = scoreLine(run(ran));
    assert.equal(withLead.success, true);
    assert.equal(withLead.friction, true);
    assert.deepEqual(withLead.fields, { name: true, email: true }, 'email compared lowercased, whitespace trimmed');
    const without = scoreLine(run(null));
    assert.equal(without.success, false);
    assert.equal(without.failure, 'low_confidence:unconfirmed');
  });
});

/**
 * With the right call proposed, no legitimate request is refused, at most 3 % are asked
 * to confirm, ticket priority matches the rubric on at least 90 %, and no ticket is stored
 * above `normal` without evidence in the user's words. The floors are today's figures, so
 * nothing slips back. The lines run one after another on the file's one database (see
 * `appRuns`): more worker threads would each load the modules and a database again, which
 * costs more CPU than they save in time.
 */
test('puppet on the corpus test split meets the targets and holds today\'s figures', { timeout: 600_000 }, async (t) => {
  const runs = (await appRuns).testSplit;
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
  // With batch 4nn's 27 fresh test tickets: 86.9 % (139/160). Then fifteen fresh batches (nine of them
  // tickets only) added 396 test tickets, while the triage classes from their dev halves were fixed;
  // scored once per round: 86.0 % (190/221), 85.1 % (223/262), 84.7 % (283/334), 83.9 % (322/384),
  // 83.8 % (379/452), 86.2 % (479/556). Then the triage's learned severity reading
  // (src/tools/learned-severity.ts, floor chosen on dev folds) raised tickets no rule read to
  // `high`: 90.8 % (505/556), misses urgent → high 24, high → normal 17, urgent → normal 10.
  // Then ticket batch 33n, written after the reading shipped, added 31 test tickets: 91.1 % (535/587).
  // Then the severity reading retrained with the 99 tickets of dev batches 34n, 37n and 52n: 91.3 % (536/587);
  // with the 165 more of 55n … 68n, 91.1 % (535/587): one ticket moved by the retraining, the figure before both.
  // With the 363 tickets of dev batches 77n … 88n: 91.7 % (538/587); with the reading's floor chosen again by
  // the same rule on the larger dev split (0.75 → 0.67): 92.3 % (542/587), nothing stored too high.
  // The floor holds today's figure.
  assert.deepEqual(overall.failures, {}, 'false refusals by class');
  assert.equal(overall.falseRefusals.n, 0, `false refusals ${overall.falseRefusals.n}/${overall.falseRefusals.of}`);
  assert.equal(overall.friction.n, 0, `friction ${overall.friction.n}/${overall.friction.of}`);
  assert.ok(pct(overall.priority) >= 542 / 587, `priority exact ${overall.priority.n}/${overall.priority.of}`);
  assert.equal(overall.overPriority, 0, 'tickets above normal without evidence');
});
