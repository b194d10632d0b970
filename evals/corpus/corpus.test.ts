import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSandbox, type Sandbox } from './gateway.ts';
import { LANGS, loadCorpus, parseCorpus, splitOf, type CorpusLine } from './load.ts';
import { runCorpus, type LineRun } from './runner.ts';
import { scoreLine, scoreRuns } from './score.ts';

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

describe('the corpus runner', () => {
  // One embedded database for both runs, emptied before each line as in any run.
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await openSandbox();
  });
  after(() => sandbox.close());

  test('scores a known right call as a success and a refused one as a false refusal (puppet)', async () => {
    const runs = await runCorpus(SYNTHETIC, { model: 'puppet', sandbox });
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
    const [run] = await runCorpus([SYNTHETIC[0]!], { model: 'openai-scripted', sandbox });
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
