import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, chat, newConversationId, testGateway, userToken, type App } from '../../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import { loadConfig } from '../../config.ts';
import { policyVersion } from '../../config/policy-version.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_THRESHOLDS } from '../../tools/index.ts';

describeRouteSecurity('GET /admin/v1/policy/shadow', { request: () => ({ path: '/admin/v1/policy/shadow?days=7' }) });

const dir = mkdtempSync(join(tmpdir(), 'toolgate-candidate-'));
let files = 0;
function candidateFile(content: unknown): string {
  const file = join(dir, `candidate-${files++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('the candidate policy file', () => {
  test('a misspelt key, a threshold outside 0–1, bad JSON or a missing file stop the configuration with the variable named', () => {
    for (const file of [
      candidateFile({ threshold: { capture_lead: 0.9 } }),
      candidateFile({ thresholds: { capture_lead: 2 } }),
      candidateFile({ thresholds: { delete_everything: 0.5 } }),
      candidateFile({ limits: { capture_lead: { planet: { limit: 1, windowSeconds: 60 } } } }),
      candidateFile({ limits: { capture_lead: { email: { limit: 0, windowSeconds: 60 } } } }),
      candidateFile('{ not json'),
      join(dir, 'missing.json'),
    ]) {
      assert.throws(() => loadConfig({ POLICY_CANDIDATE_FILE: file }), /POLICY_CANDIDATE_FILE/, file);
    }
  });

  test('the policy version changes with any threshold and is the same for the same settings', () => {
    const base = policyVersion({ thresholds: { ...DEFAULT_THRESHOLDS } });
    assert.match(base, /^[0-9a-f]{16}$/);
    assert.equal(policyVersion({ thresholds: { ...DEFAULT_THRESHOLDS } }), base);
    assert.notEqual(policyVersion({ thresholds: { ...DEFAULT_THRESHOLDS, capture_lead: 0.71 } }), base);
    assert.equal(loadConfig({}).policyVersion, base);
    assert.notEqual(loadConfig({ CONFIDENCE_THRESHOLD_ESCALATE_TICKET: '0.9' }).policyVersion, base);
    assert.notEqual(policyVersion({ thresholds: { ...DEFAULT_THRESHOLDS }, triage: { outage: 'high' } }), base);
    assert.equal(policyVersion({ thresholds: { ...DEFAULT_THRESHOLDS }, triage: {} }), base);
  });
});

for (const backend of testDatabases()) {
  describe(`policy shadow mode (${backend.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let seq = 0;
    const summary = async (app: App) => {
      const res = await app.request('/admin/v1/policy/shadow', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
      return (await res.json()) as Record<string, any>;
    };
    /** One capture_lead call at the given confidence; returns its request id and the enforced decision. */
    const lead = async (app: App, confidence: number, o: { conversationId?: string; email?: string } = {}) => {
      const n = seq++;
      const email = o.email ?? `sam.shadow${n}.${backend.name}@example.com`;
      const requestId = `req-shadow-${backend.name}-${n}-${Date.now()}`;
      const res = await chat(app, {
        id: o.conversationId ?? newConversationId(),
        text: `I am Sam Shadow, ${email}, please get in touch`,
        headers: { 'x-request-id': requestId },
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Sam Shadow', email }, confidence }], text: 'Ok.' },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { toolCalls: Array<{ decision: string; reason?: string }> };
      return { requestId, email, decision: body.toolCalls[0]?.decision, reason: body.toolCalls[0]?.reason };
    };

    before(async () => {
      ({ db, drop } = await backend.open());
    });
    after(() => drop());

    test('a stricter candidate is recorded where it would have asked for confirmation, while the enforced decision stands', async () => {
      const { app, gateway } = await testGateway(db, { POLICY_CANDIDATE_FILE: candidateFile({ thresholds: { capture_lead: 0.95 } }) });
      const differing = await lead(app, 0.9);
      assert.equal(differing.decision, 'allowed', 'the candidate has no effect');
      const [contact] = await db.query<{ n: number }>('select count(*)::int as n from contacts where email = $1', [differing.email]);
      assert.equal(contact?.n, 1, 'the enforced write happened');
      const agreeing = await lead(app, 0.99);
      assert.equal(agreeing.decision, 'allowed');

      const rows = await db.query<Record<string, unknown>>(
        'select request_id, enforced_version, candidate_version, enforced_decision, enforced_reason, candidate_decision, candidate_reason, differs from policy_shadow_decisions where request_id = any($1) order by id',
        [[differing.requestId, agreeing.requestId]],
      );
      assert.deepEqual(rows, [
        {
          request_id: differing.requestId,
          enforced_version: gateway.config.policyVersion,
          candidate_version: gateway.config.candidatePolicy?.version,
          enforced_decision: 'allowed',
          enforced_reason: null,
          candidate_decision: 'needs_confirmation',
          candidate_reason: 'low_confidence',
          differs: true,
        },
        {
          request_id: agreeing.requestId,
          enforced_version: gateway.config.policyVersion,
          candidate_version: gateway.config.candidatePolicy?.version,
          enforced_decision: 'allowed',
          enforced_reason: null,
          candidate_decision: 'allowed',
          candidate_reason: null,
          differs: false,
        },
      ]);
      assert.notEqual(gateway.config.candidatePolicy?.version, gateway.config.policyVersion);

      const body = await summary(app);
      assert.equal(body.enforcedVersion, gateway.config.policyVersion);
      assert.equal(body.candidate.thresholds.capture_lead, 0.95);
      const tool = body.tools.find((t: { tool: string }) => t.tool === 'capture_lead');
      assert.ok(tool.compared >= 2 && tool.differed >= 1);
      const difference = body.differences.find((d: Record<string, unknown>) => d.candidateDecision === 'needs_confirmation');
      assert.equal(difference.enforcedDecision, 'allowed');
      assert.ok(difference.exampleRequestIds.includes(differing.requestId));

      // The trace of the request shows both decisions side by side.
      const trace = await app.request(`/admin/v1/trace/${differing.requestId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const steps = ((await trace.json()) as { items: Array<Record<string, unknown>> }).items;
      assert.deepEqual(steps.filter((s) => s.source === 'shadow_decision').map((s) => [s.enforcedDecision, s.candidateDecision, s.differs]), [['allowed', 'needs_confirmation', true]]);
    });

    test('a looser candidate is recorded where it would have allowed what the enforced policy held for confirmation', async () => {
      const { app } = await testGateway(db, { POLICY_CANDIDATE_FILE: candidateFile({ thresholds: { capture_lead: 0.5 } }) });
      const held = await lead(app, 0.6);
      assert.equal(held.decision, 'needs_confirmation');
      const [row] = await db.query<{ candidate_decision: string; enforced_decision: string; differs: boolean }>(
        'select candidate_decision, enforced_decision, differs from policy_shadow_decisions where request_id = $1',
        [held.requestId],
      );
      assert.deepEqual(row, { candidate_decision: 'allowed', enforced_decision: 'needs_confirmation', differs: true });
    });

    const shadowRow = async (requestId: string) =>
      (await db.query<{ enforced: string; candidate: string; differs: boolean; keys: number }>(
        `select enforced_decision || coalesce('/' || enforced_reason, '') as enforced, candidate_decision || coalesce('/' || candidate_reason, '') as candidate,
                differs, cardinality(limit_keys)::int as keys
         from policy_shadow_decisions where request_id = $1`,
        [requestId],
      ))[0];

    test('a candidate limit tighter than the enforced one is counted over the calls the candidate would have allowed', async () => {
      const { app } = await testGateway(db, { POLICY_CANDIDATE_FILE: candidateFile({ limits: { capture_lead: { conversation: { limit: 1, windowSeconds: 3600 } } } }) });
      const conversationId = newConversationId();
      const first = await lead(app, 0.9, { conversationId });
      const second = await lead(app, 0.9, { conversationId });
      assert.equal(first.decision, 'allowed');
      assert.equal(second.decision, 'allowed', 'the enforced limit (3 per conversation) still allows it');
      assert.deepEqual(await shadowRow(first.requestId), { enforced: 'allowed', candidate: 'allowed', differs: false, keys: 4 });
      assert.deepEqual(await shadowRow(second.requestId), { enforced: 'allowed', candidate: 'denied/rate_limited', differs: true, keys: 4 });
      const keys = await db.query<{ k: string }>('select unnest(limit_keys) as k from policy_shadow_decisions where request_id = $1', [first.requestId]);
      assert.ok(keys.every((k) => /^[0-9a-f]{64}$/.test(k.k)), 'limit keys are stored hashed, never as an email');
    });

    test('a candidate limit looser than the enforced one shows where it would have allowed what was refused', async () => {
      const { app } = await testGateway(db, { POLICY_CANDIDATE_FILE: candidateFile({ limits: { capture_lead: { email: { limit: 3, windowSeconds: 3600 } } } }) });
      const email = `rae.repeat.${backend.name}@example.com`;
      const first = await lead(app, 0.9, { email });
      const second = await lead(app, 0.9, { email });
      assert.equal(first.decision, 'allowed');
      assert.deepEqual([second.decision, second.reason], ['denied', 'rate_limited'], 'one lead per mailbox per hour is enforced');
      assert.deepEqual(await shadowRow(second.requestId), { enforced: 'denied/rate_limited', candidate: 'allowed', differs: true, keys: 4 });
    });

    test('a candidate triage rule shows where a ticket would have been settled at another priority', async () => {
      const { app } = await testGateway(db, { POLICY_CANDIDATE_FILE: candidateFile({ triage: { login_problem: 'urgent' } }) });
      const ticket = async (text: string) => {
        const requestId = `req-shadow-triage-${backend.name}-${seq++}-${Date.now()}`;
        const res = await chat(app, {
          id: newConversationId(),
          text,
          headers: { 'x-request-id': requestId },
          token: await userToken(`user-triage-${backend.name}-${seq}`, { email: `triage${seq}.${backend.name}@example.com` }),
          puppet: { calls: [{ tool: 'escalate_ticket', args: { category: 'account', subject: 'Cannot sign in', summary: text, priority: 'urgent' }, confidence: 0.95 }], text: 'Ok.' },
        });
        assert.equal(res.status, 200);
        const body = (await res.json()) as { toolCalls: Array<{ decision: string; reason?: string }> };
        assert.equal(body.toolCalls[0]?.decision, 'allowed', JSON.stringify(body.toolCalls[0]));
        return requestId;
      };
      const locked = await ticket('I am locked out of my account since this morning, the password reset never arrives.');
      const question = await ticket('How do I export my invoices as CSV? It is not urgent.');
      const differing = await shadowRow(locked);
      assert.deepEqual({ ...differing, keys: undefined }, { enforced: 'allowed/priority_high', candidate: 'allowed/priority_urgent', differs: true, keys: undefined });
      const calm = await shadowRow(question);
      assert.equal(calm?.differs, false, 'a ticket no re-ranked rule touches settles alike');
      assert.equal(calm?.enforced, calm?.candidate);
      const [stored] = await db.query<{ priority: string }>(`select priority from tickets where summary like 'I am locked out%' order by id desc limit 1`);
      assert.equal(stored?.priority, 'high', 'the enforced triage decided the ticket');
      const body = await summary(app);
      assert.deepEqual(body.candidate.triage, { login_problem: 'urgent' });
    });

    test('every audit row of a decision carries the enforced policy version, and without a candidate nothing is shadowed', async () => {
      const { app, gateway } = await testGateway(db, { CONFIDENCE_THRESHOLD: '0.8' });
      const call = await lead(app, 0.9);
      const audit = await db.query<{ policy_version: string | null }>('select policy_version from audit_log where request_id = $1', [call.requestId]);
      assert.ok(audit.length > 0);
      assert.deepEqual([...new Set(audit.map((a) => a.policy_version))], [gateway.config.policyVersion]);
      const [shadowed] = await db.query<{ n: number }>('select count(*)::int as n from policy_shadow_decisions where request_id = $1', [call.requestId]);
      assert.equal(shadowed?.n, 0);
      const body = await summary(app);
      assert.equal(body.candidate, null);
      assert.equal(body.enforcedVersion, gateway.config.policyVersion);
    });

    test('the window is bounded: days outside 1–90 is 400', async () => {
      const { app } = await testGateway(db);
      for (const days of ['0', '91', 'week', '-1']) {
        const res = await app.request(`/admin/v1/policy/shadow?days=${days}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(res.status, 400, days);
        assert.equal((await res.json()).code, 'invalid_request');
      }
    });
  });
}
