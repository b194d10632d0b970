import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, chat, newConversationId, testGateway } from '../../../test/support/gateway.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from '../../../test/support/outbox-fixtures.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import * as s from '../../../test/support/stripe.ts';
import { startVendorStandIns, type VendorStandIns } from '../../../test/support/vendor-stand-ins.ts';
import { ingestStripeEvent } from '../../billing/ingest.ts';
import { traceIdOf } from '../../observability/trace-headers.ts';
import type { Database } from '../../store/database.ts';

// These tests read a story of deliveries, not deadlines: a vendor call slowed by a loaded machine
// must not turn a delivery into a retry.
const PATIENT = { OUTBOX_TIMEOUT_MS: '30000' };

describeRouteSecurity('GET /admin/v1/trace/{id}', { request: () => ({ path: '/admin/v1/trace/req-security-1' }) });

const now = () => Math.floor(Date.now() / 1000);
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

for (const backend of testDatabases()) {
  describe(`one correlation id end to end (${backend.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let vendors: VendorStandIns;
    let app: Awaited<ReturnType<typeof testGateway>>['app'];
    let gateway: Awaited<ReturnType<typeof testGateway>>['gateway'];
    let log: Awaited<ReturnType<typeof testGateway>>['log'];
    let seq = 0;
    const trace = async (id: string) => {
      const res = await app.request(`/admin/v1/trace/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return { status: res.status, body: (await res.json()) as { items: Array<Record<string, any>>; code?: string } };
    };
    /** One allowed capture_lead turn under a request id of our choosing. */
    const captureLead = async (requestId: string) => {
      const n = seq++;
      const res = await chat(app, {
        id: newConversationId(),
        text: `I am Ada Trace, ada.trace${n}.${backend.name}@example.com, a demo please`,
        headers: { 'x-request-id': requestId },
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Ada Trace', email: `ada.trace${n}.${backend.name}@example.com` }, confidence: 0.9 }], text: 'Saved.' },
      });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('x-request-id'), requestId);
      const body = (await res.json()) as { toolCalls: Array<{ decision: string }> };
      assert.equal(body.toolCalls[0]?.decision, 'allowed');
    };

    before(async () => {
      ({ db, drop } = await backend.open());
      vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
      ({ app, gateway, log } = await testGateway(db, vendorEnv(vendors)));
    });
    after(async () => {
      await vendors.stop();
      await drop();
    });
    beforeEach(async () => {
      // Each test drains only its own jobs.
      await db.query(`update outbox set status = 'done' where status in ('pending', 'processing')`);
      vendors.reset();
    });

    test('a chat request id reaches the audit row, the outbox job, every vendor call and the log lines, and the trace tells it in order', async () => {
      const requestId = `req-trace-${backend.name}-${Date.now()}`;
      await captureLead(requestId);
      const [job] = await db.query<{ id: number; correlation_id: string }>(`select id, correlation_id from outbox where correlation_id = $1 and topic like 'crm.%'`, [requestId]);
      assert.ok(job, 'the CRM job carries the request id');

      const { worker } = testWorker(db, vendorEnv(vendors, PATIENT));
      await drain(db, worker);
      const calls = vendors.requests.filter((r) => r.vendor === 'hubspot');
      assert.ok(calls.length > 0, 'HubSpot was called');
      for (const call of calls) {
        assert.equal(call.requestId, requestId, 'x-request-id is the correlation id');
        const parsed = TRACEPARENT.exec(call.traceparent ?? '');
        assert.ok(parsed, `a W3C traceparent: ${call.traceparent}`);
        // Without tracing the trace id is derived from the correlation id, so every call of one request shares it.
        assert.equal(parsed[1], traceIdOf(requestId));
      }

      const { status, body } = await trace(requestId);
      assert.equal(status, 200);
      const sources = body.items.map((i) => i.source);
      const audit = body.items.find((i) => i.source === 'audit');
      assert.equal(audit?.tool, 'capture_lead');
      assert.equal(audit?.decision, 'allowed');
      assert.equal(audit?.policyVersion, gateway.config.policyVersion);
      const jobStep = body.items.find((i) => i.source === 'outbox_job' && i.id === job.id);
      assert.equal(jobStep?.status, 'done');
      const attempt = body.items.find((i) => i.source === 'outbox_attempt' && i.jobId === job.id);
      assert.equal(attempt?.outcome, 'delivered');
      assert.ok(sources.indexOf('audit') < sources.indexOf('outbox_job'), `the decision comes before its job: ${sources.join(',')}`);
      assert.ok(sources.indexOf('outbox_job') < sources.indexOf('outbox_attempt'), `the job comes before its attempt: ${sources.join(',')}`);
      const after = body.items.filter((i) => ['outbox_job', 'outbox_attempt', 'alert'].includes(i.source)).map((i) => Date.parse(i.at));
      assert.deepEqual(after, [...after].sort((a, b) => a - b), 'what followed is oldest first');

      const requestLine = log.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.requestId === requestId);
      assert.equal(requestLine?.correlationId, requestId, 'the access log line carries the correlation id');
    });

    test('a vendor failure shows up in the trace with its dead letter and the alert it raised, and the alert delivery keeps the id', async () => {
      const requestId = `req-dead-${backend.name}-${Date.now()}`;
      await captureLead(requestId);
      vendors.inject('hubspot', { kind: 'status', status: 400 });
      const { worker, log: workerLog } = testWorker(db, vendorEnv(vendors, PATIENT));
      await drain(db, worker);
      const { body } = await trace(requestId);
      const job = body.items.find((i) => i.source === 'outbox_job' && String(i.topic).startsWith('crm.'));
      assert.equal(job?.status, 'dead');
      assert.ok(body.items.some((i) => i.source === 'outbox_attempt' && i.jobId === job.id && i.outcome === 'dead' && i.httpStatus === 400));
      const alert = body.items.find((i) => i.source === 'alert' && i.kind === 'job_dead');
      assert.equal(alert?.key, String(job.id));
      // The alert's own delivery (to Slack) was queued under the same id, and carried it out.
      assert.ok(body.items.some((i) => i.source === 'outbox_job' && i.topic === 'notify.alert'));
      assert.ok(vendors.requests.some((r) => r.vendor === 'slack' && r.requestId === requestId));
      const failed = workerLog.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'outbox delivery failed' && l.jobId === job.id);
      assert.equal(failed?.correlationId, requestId, 'the worker log line carries the correlation id');
    });

    test('a Stripe event id is the correlation id of the jobs it queues, and its trace starts with the event', async () => {
      const cus = s.uid('cus');
      const t = now() - 50;
      const e = s.event('checkout.session.completed', s.checkoutSession({ customer: cus, userId: `user-${cus}`, email: `${cus}@example.com`, amount: 4900, currency: 'usd', created: t }), t);
      assert.equal((await s.deliver(app, e)).status, 200);
      const { status, body } = await trace(e.id);
      assert.equal(status, 200);
      assert.equal(body.items[0]?.source, 'stripe_event');
      assert.equal(body.items[0]?.type, 'checkout.session.completed');
      assert.equal(body.items[0]?.status, 'processed');
      const jobs = body.items.filter((i) => i.source === 'outbox_job');
      assert.ok(jobs.length > 0, 'the event queued jobs under its id');
      const line = log.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'stripe event' && l.eventId === e.id);
      assert.equal(line?.correlationId, e.id);

      const { worker } = testWorker(db, vendorEnv(vendors, PATIENT));
      await drain(db, worker);
      assert.ok(vendors.requests.length > 0, 'the jobs called a vendor');
      assert.ok(vendors.requests.every((r) => r.requestId === e.id), 'every vendor call carries the event id');
    });

    test('an event applied by the catch-up (outside any request) still gives its jobs its own id', async () => {
      const cus = s.uid('cus');
      const t = now() - 40;
      const e = s.event('checkout.session.completed', s.checkoutSession({ customer: cus, userId: `user-${cus}`, email: `${cus}@example.com`, amount: 4900, currency: 'usd', created: t }), t);
      const result = await ingestStripeEvent(db, e, JSON.stringify(e), { graceDays: 3, publicBaseUrl: 'https://gateway.test', now: new Date() });
      assert.deepEqual(result, { duplicate: false, status: 'processed' });
      const jobs = await db.query<{ correlation_id: string | null }>(`select correlation_id from outbox where payload::text like '%' || $1 || '%'`, [cus]);
      assert.ok(jobs.length > 0);
      assert.deepEqual([...new Set(jobs.map((j) => j.correlation_id))], [e.id]);
    });

    test('a job queued without a correlation id is traced as job:<id>, and its alert deliveries carry that id', async () => {
      const [job] = await db.query<{ id: number }>(`insert into outbox (topic, payload) values ('legacy.unknown_topic', '{}') returning id`);
      const { worker } = testWorker(db, vendorEnv(vendors, PATIENT));
      await drain(db, worker);
      const { status, body } = await trace(`job:${job!.id}`);
      assert.equal(status, 200);
      assert.equal(body.items[0]?.source, 'outbox_job');
      assert.equal(body.items[0]?.id, job!.id);
      assert.ok(body.items.some((i) => i.source === 'outbox_attempt' && i.jobId === job!.id));
      assert.ok(body.items.some((i) => i.source === 'alert' && i.key === String(job!.id)), 'the dead letter raised an alert');
      assert.ok(body.items.some((i) => i.source === 'outbox_job' && i.topic === 'notify.alert'), 'queued under job:<id>');
    });

    test('an id nothing was recorded under is 404, and an id no correlation id can be is 400', async () => {
      const missing = await trace('req-never-seen-0001');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'not_found');
      const res = await app.request('/admin/v1/trace/has%20space', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 400);
      assert.equal((await res.json()).code, 'invalid_request');
    });
  });
}
