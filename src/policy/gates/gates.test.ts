import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyContext } from '../types.ts';
import { decideStatic } from '../pipeline.ts';
import { captureLead } from '../../tools/capture-lead.ts';
import { checkBilling } from '../../tools/check-billing.ts';
import { escalateTicket } from '../../tools/escalate-ticket.ts';
import { DEFAULT_THRESHOLDS, TOOL_REGISTRY } from '../../tools/index.ts';
import { ANONYMOUS } from '../../tools/session.ts';
import { confidenceGate } from './confidence.ts';
import { groundingGate } from './grounding.ts';
import { identityGate } from './identity.ts';
import { schemaGate } from './schema.ts';

const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({
  session: ANONYMOUS,
  clientAddress: '198.51.100.7',
  conversationId: 'conv_gates_1',
  userTexts: ['Hi, I am Ada Lovelace, ada@example.com, I would like a demo'],
  typedEmails: ['ada@example.com'],
  thresholds: DEFAULT_THRESHOLDS,
  confirmed: false,
  findSensitive: () => [],
  callsThisTurn: 1,
  ...over,
});
const lead = { name: 'Ada Lovelace', email: 'ada@example.com' };
const signedIn = { actor: 'user:u1', userId: 'u1', email: 'cus@example.com', name: 'Cus Tomer', isAdmin: false };

test('the schema gate refuses a tool that does not exist', () => {
  const r = schemaGate(TOOL_REGISTRY, 'issue_refund', { amount: 100 });
  assert.equal(r.pass, false);
  assert.equal(!r.pass && r.reason, 'unknown_tool');
});

test('the schema gate refuses inherited object keys as tool names', () => {
  for (const name of ['constructor', 'toString', '__proto__']) {
    const r = schemaGate(TOOL_REGISTRY, name, {});
    assert.equal(!r.pass && r.reason, 'unknown_tool');
  }
});

test('the schema gate refuses an extra argument key such as a customer id', () => {
  const r = schemaGate(TOOL_REGISTRY, 'check_billing', { customer_id: 'cus_other' });
  assert.equal(!r.pass && r.reason, 'invalid_input');
});

test('the schema gate refuses zero-width, bidi, HTML, formula and oversized values', () => {
  for (const name of ['Ada\u200B Lovelace', 'Ada \u202Eecalevol', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")', 'A'.repeat(10_000)]) {
    const r = schemaGate(TOOL_REGISTRY, 'capture_lead', { ...lead, name });
    assert.equal(!r.pass && r.reason, 'invalid_input', name.slice(0, 20));
  }
});

test('the schema gate normalizes the email to lower case', () => {
  const r = schemaGate(TOOL_REGISTRY, 'capture_lead', { ...lead, email: 'Ada@Example.COM' });
  assert.ok(r.pass);
  assert.equal((r.input as typeof lead).email, 'ada@example.com');
});

test('the identity gate refuses billing to an anonymous visitor', () => {
  const r = identityGate(checkBilling, {}, ctx());
  assert.equal(!r.pass && r.reason, 'unauthenticated');
  assert.equal(identityGate(checkBilling, {}, ctx({ session: signedIn })).pass, true);
});

test('the identity gate asks for an email before a ticket only when the caller cannot be answered in the conversation', () => {
  const r = identityGate(escalateTicket, {}, ctx({ typedEmails: [] }));
  assert.equal(!r.pass && r.reason, 'contact_required', 'no visitor identity and no email: nobody could reply');
  assert.equal(identityGate(escalateTicket, {}, ctx()).pass, true);
  assert.equal(identityGate(escalateTicket, {}, ctx({ typedEmails: [], session: signedIn })).pass, true);
  const visitor = { ...ANONYMOUS, actor: 'visitor:v-7f2c' };
  const problem = (score: number) => () => score;
  assert.equal(identityGate(escalateTicket, {}, ctx({ typedEmails: [], ownWordsAsk: problem(0.8), session: visitor })).pass, true, 'a visitor is answered in the chat');
  const r2 = identityGate(escalateTicket, {}, ctx({ typedEmails: [], ownWordsAsk: problem(0.05), session: visitor }));
  assert.equal(!r2.pass && r2.reason, 'contact_required', 'words that describe no problem (a pasted instruction was removed) open nothing without an email');
  const request = { typedEmails: [], ownWordsAsk: problem(0.05), session: visitor };
  assert.equal(identityGate(escalateTicket, {}, ctx({ ...request, foreignText: false })).pass, true, 'every word is the visitor\'s own: their request reaches a person');
  const r3 = identityGate(escalateTicket, {}, ctx({ ...request, foreignText: true }));
  assert.equal(!r3.pass && r3.reason, 'contact_required', 'someone else\'s text in the conversation: the words must describe the problem');
});

test('the grounding gate accepts a name and email the user typed', () => {
  assert.equal(groundingGate(captureLead, lead, ctx()).pass, true);
});

test('the grounding gate refuses an email the user never typed', () => {
  const r = groundingGate(captureLead, { ...lead, email: 'attacker@evil.test' }, ctx());
  assert.equal(!r.pass && r.reason, 'not_grounded');
});

test('the grounding gate refuses a homoglyph of a typed name', () => {
  const r = groundingGate(captureLead, { ...lead, name: 'Аda Lovelace' /* Cyrillic А */ }, ctx());
  assert.equal(!r.pass && r.reason, 'not_grounded');
});

test('the grounding gate refuses a name that is only part of a longer word', () => {
  const r = groundingGate(captureLead, { ...lead, name: 'Ada' }, ctx({ userTexts: ['Adalbert here, write to me at adal@example.com'], typedEmails: ['ada@example.com'] }));
  assert.equal(!r.pass && r.reason, 'not_grounded');
});

test('the grounding gate finds a name typed in a script without spaces between words', () => {
  const cases: Array<[string, string]> = [
    ['王小明', '你好，我叫王小明，在深圳工作，想预约演示。'],
    ['高橋', '営業さんから連絡ください！高橋です。'],
    ['マリア・ゴンザレス', 'マリア・ゴンザレスです。見積もりをお願いします'],
    ['สมชาย', 'สวัสดีครับ ผมชื่อสมชาย ต้องการติดต่อฝ่ายขาย'],
  ];
  for (const [name, said] of cases) {
    const r = groundingGate(captureLead, { name, email: 'ada@example.com' }, ctx({ userTexts: [said], typedEmails: ['ada@example.com'] }));
    assert.equal(r.pass, true, name);
  }
});

test('word segmentation grounds no name the user did not type, nor one inside a longer word', () => {
  const said = ['你好，我叫王小明，在深圳工作，想预约演示。'];
  for (const name of ['李婷', '王小明明', '圳工']) {
    const r = groundingGate(captureLead, { name, email: 'ada@example.com' }, ctx({ userTexts: said, typedEmails: ['ada@example.com'] }));
    assert.equal(!r.pass && r.reason, 'not_grounded', name);
  }
});

test("the grounding gate accepts the session's own profile name and email", () => {
  const r = groundingGate(captureLead, { name: 'Cus Tomer', email: 'cus@example.com' }, ctx({ session: signedIn, userTexts: ['demo please'], typedEmails: [] }));
  assert.equal(r.pass, true);
});

test('the confidence gate asks for confirmation below the threshold and passes a confirmed call', () => {
  const low = confidenceGate(captureLead, 0.4, ctx());
  assert.equal(!low.pass && low.decision, 'needs_confirmation');
  assert.equal(confidenceGate(captureLead, 0.9, ctx()).pass, true);
  assert.equal(confidenceGate(captureLead, null, ctx()).pass, false);
  assert.equal(confidenceGate(captureLead, 0.1, ctx({ confirmed: true })).pass, true);
});

test('the static pipeline stops at the first failing gate in order', () => {
  // Invalid and ungrounded: the schema gate speaks first.
  const invalid = decideStatic({ tool: 'capture_lead', args: { name: 'X', email: 'not-an-email' }, confidence: 1 }, ctx(), TOOL_REGISTRY);
  assert.equal(invalid.decision === 'denied' && invalid.reason, 'invalid_input');
  // Ungrounded and low confidence: grounding speaks before confidence.
  const ungrounded = decideStatic({ tool: 'capture_lead', args: { ...lead, email: 'x@evil.test' }, confidence: 0.1 }, ctx(), TOOL_REGISTRY);
  assert.equal(ungrounded.decision === 'denied' && ungrounded.reason, 'not_grounded');
  const allowed = decideStatic({ tool: 'capture_lead', args: lead, confidence: 0.95 }, ctx(), TOOL_REGISTRY);
  assert.equal(allowed.decision, 'allowed');
});

test('the content gate refuses arguments that carry a secret or a span of the system prompt', async () => {
  const { contentGate } = await import('./content.ts');
  const findSensitive = (text: string) => (text.includes('CANARY') ? ['secret_value'] : []);
  const refused = contentGate({ summary: 'ok', nested: ['also ok', { deeper: 'x CANARY y' }] }, ctx({ findSensitive }));
  assert.equal(!refused.pass && refused.reason, 'sensitive_content');
  assert.equal(contentGate({ summary: 'my app is broken' }, ctx({ findSensitive })).pass, true);
  assert.equal(contentGate({ summary: 'CANARY' }, ctx()).pass, true, 'a detector that finds nothing lets it through');
});

test('the turn budget refuses calls past the eighth of one turn, before the schema is looked at', async () => {
  const { turnBudgetGate, MAX_TOOL_CALLS_PER_TURN } = await import('./turn-budget.ts');
  assert.equal(turnBudgetGate(ctx({ callsThisTurn: MAX_TOOL_CALLS_PER_TURN })).pass, true);
  const over = decideStatic({ tool: 'no_such_tool', args: {}, confidence: 1 }, ctx({ callsThisTurn: MAX_TOOL_CALLS_PER_TURN + 1 }), TOOL_REGISTRY);
  assert.equal(over.decision === 'denied' && over.reason, 'rate_limited');
});

test('a context without the secret detector or the per-turn counter does not type-check', () => {
  // Were either optional, a caller that forgot it would open its gate: the content gate would find nothing, the turn budget count nothing.
  const { findSensitive: _detector, ...withoutDetector } = ctx();
  const { callsThisTurn: _counter, ...withoutCounter } = ctx();
  // @ts-expect-error findSensitive is required
  const noDetector: PolicyContext = withoutDetector;
  // @ts-expect-error callsThisTurn is required
  const noCounter: PolicyContext = withoutCounter;
  assert.equal(noDetector.findSensitive, undefined);
  assert.equal(noCounter.callsThisTurn, undefined);
});
