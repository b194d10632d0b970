import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { closeAlerts, raiseAlert, raiseStaleCrmAlerts } from '../src/store/alerts.ts';
import type { Database } from '../src/store/database.ts';
import { enqueueOutbox } from '../src/store/outbox.ts';
import { upsertOpenTicket } from '../src/store/tickets.ts';
import { claimJobs, listAttempts, settleAttempt } from '../src/store/outbox-claims.ts';
import { testDatabases } from './support/databases.ts';
import { drain, jobFor, seedContact, seedTicket, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import { startVendorStandIns, type VendorStandIns } from './support/vendor-stand-ins.ts';

for (const backend of testDatabases()) {
  describe(`outbox delivery (${backend.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let vendors: VendorStandIns;
    let email = 0;
    const nextEmail = () => `lead${email++}.${backend.name}@example.com`;

    before(async () => {
      ({ db, drop } = await backend.open());
      vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
    });
    after(async () => {
      await vendors.stop();
      await drop();
    });
    beforeEach(async () => {
      // Each test starts from an empty queue: earlier tests' alert jobs must not leak in.
      await db.query(`update outbox set status = 'done' where status in ('pending', 'processing')`);
      vendors.reset();
    });

    test('a lead reaches HubSpot once, upserted by email, and its row records the vendor id', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const address = nextEmail();
      const contact = await seedContact(db, { email: address, name: 'Ada King Lovelace', company: 'Analytical Engines' });
      await drain(db, worker);
      const remote = vendors.hubspot.get(address);
      assert.equal(remote?.properties.firstname, 'Ada King');
      assert.equal(remote?.properties.lastname, 'Lovelace');
      assert.equal(remote?.properties.company, 'Analytical Engines');
      assert.equal(remote?.properties.lifecyclestage, 'lead');
      const [row] = await db.query<{ crm_sync_state: string; crm_vendor_id: string }>('select crm_sync_state, crm_vendor_id from contacts where id = $1', [contact.id]);
      assert.deepEqual(row, { crm_sync_state: 'synced', crm_vendor_id: remote?.id });
      const job = await jobFor(db, 'contactId', contact.id);
      assert.equal(job.status, 'done');
      const attempts = await listAttempts(db, job.id);
      assert.deepEqual(attempts.map((a) => a.outcome), ['delivered']);
      assert.ok(vendors.requests.every((r) => r.idempotencyKey === `toolgate-job-${job.id}`));
    });

    test('an empty field of ours never clears a value the CRM holds', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const address = nextEmail();
      vendors.hubspot.set(address, { id: '77', properties: { email: address, company: 'Set by sales', phone: '+44 20 0000 0000' } });
      await seedContact(db, { email: address, company: null, phone: '' });
      await drain(db, worker);
      assert.equal(vendors.hubspot.get(address)?.properties.company, 'Set by sales');
      assert.equal(vendors.hubspot.get(address)?.properties.phone, '+44 20 0000 0000');
    });

    test('a paying customer is sent as a customer with their plan', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const address = nextEmail();
      await db.query(`insert into billing_accounts (user_id, email, plan, status) values ($1, $2, 'pro', 'active')`, [`user-${address}`, address]);
      await seedContact(db, { email: address });
      await drain(db, worker);
      assert.equal(vendors.hubspot.get(address)?.properties.lifecyclestage, 'customer');
      assert.equal(vendors.hubspot.get(address)?.properties.toolgate_plan, 'pro');
    });

    test('429 with Retry-After waits as long as the vendor asked, then delivers', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      vendors.inject('hubspot', { kind: 'status', status: 429, retryAfter: '7' });
      const contact = await seedContact(db, { email: nextEmail() });
      await worker.runOnce();
      const job = await jobFor(db, 'contactId', contact.id);
      assert.equal(job.status, 'pending');
      // Measured inside the settle statement (both sides are its now()), so a slow machine cannot skew it.
      const [{ wait }] = (await db.query<{ wait: number }>(
        'select extract(epoch from next_attempt_at - updated_at)::float8 * 1000 as wait from outbox where id = $1',
        [job.id],
      )) as [{ wait: number }];
      assert.equal(Math.round(wait), 7000);
      const [attempt] = await listAttempts(db, job.id);
      assert.equal(attempt?.httpStatus, 429);
      assert.equal(attempt?.errorClass, 'rate_limited');
      // Time passes.
      await db.query('update outbox set next_attempt_at = now() where id = $1', [job.id]);
      await drain(db, worker);
      assert.equal((await jobFor(db, 'contactId', contact.id)).status, 'done');
      assert.equal(vendors.hubspot.size, 1);
    });

    test('500, 503 and a reset connection are retried with backoff until delivered', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      vendors.inject('hubspot', { kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'reset' });
      const contact = await seedContact(db, { email: nextEmail() });
      await drain(db, worker);
      const job = await jobFor(db, 'contactId', contact.id);
      const attempts = await listAttempts(db, job.id);
      // A pooled connection the reset closed can fail once more before a fresh one is opened: also a retry.
      assert.deepEqual(attempts.slice(0, 3).map((a) => [a.outcome, a.errorClass]), [['retry', 'http_500'], ['retry', 'http_503'], ['retry', 'network']]);
      assert.deepEqual(attempts.slice(3, -1).map((a) => a.errorClass), attempts.slice(3, -1).map(() => 'network'));
      assert.equal(attempts.at(-1)?.outcome, 'delivered');
      assert.equal(vendors.hubspot.size, 1);
    });

    test('401 is not retried: dead-lettered at once, the row marked failed, the founder alerted once', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors, { HUBSPOT_TOKEN: 'FAKE-wrong-token' }));
      const contact = await seedContact(db, { email: nextEmail() });
      await drain(db, worker);
      const job = await jobFor(db, 'contactId', contact.id);
      assert.equal(job.status, 'dead');
      assert.equal(job.attempts, 1);
      const [row] = await db.query<{ crm_sync_state: string }>('select crm_sync_state from contacts where id = $1', [contact.id]);
      assert.equal(row?.crm_sync_state, 'failed');
      assert.equal(vendors.slack.length, 1);
      assert.match(vendors.slack[0]!, new RegExp(`job_dead: Job ${job.id} \\(crm.upsert_contact\\)`));
      assert.doesNotMatch(vendors.slack[0]!, /FAKE-wrong-token/);
      // The founder is pointed at the console page where the job can be retried or resolved.
      assert.match(vendors.slack[0]!, new RegExp(`\\nOpen: http://localhost:3000/admin/exceptions#note-${job.id}$`));
    });

    test('a job that keeps failing stops at its attempt limit', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const contact = await seedContact(db, { email: nextEmail() });
      await db.query(`update outbox set max_attempts = 3 where payload->>'contactId' = $1`, [contact.id]);
      vendors.inject('hubspot', ...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
      await drain(db, worker);
      const job = await jobFor(db, 'contactId', contact.id);
      assert.equal(job.status, 'dead');
      assert.deepEqual((await listAttempts(db, job.id)).map((a) => a.outcome), ['retry', 'retry', 'dead']);
    });

    test('a timed-out create is read back by external_id before creating again: one Zendesk ticket', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      vendors.inject('zendesk', { kind: 'apply-then-hang', method: 'POST' });
      const ticket = await seedTicket(db);
      await worker.runOnce();
      const unknown = await jobFor(db, 'ticketId', ticket.id);
      assert.equal(unknown.status, 'pending');
      assert.equal(unknown.outcome_unknown, true);
      await drain(db, worker);
      assert.equal(vendors.zendesk.size, 1);
      const remote = [...vendors.zendesk.values()][0]!;
      assert.equal(remote.external_id, ticket.id);
      assert.deepEqual(remote.tags.sort(), ['category_billing', 'refund', 'toolgate']);
      assert.match(remote.comments[0]!, /Transcript: https:\/\/gateway\.test\/admin\/v1\/conversations\//);
      const [row] = await db.query<{ helpdesk_sync_state: string; helpdesk_vendor_id: string }>(
        'select helpdesk_sync_state, helpdesk_vendor_id from tickets where id = $1',
        [ticket.id],
      );
      assert.deepEqual(row, { helpdesk_sync_state: 'synced', helpdesk_vendor_id: String(remote.id) });
      assert.equal((await jobFor(db, 'ticketId', ticket.id)).outcome_unknown, false);
    });

    test('a vendor that never answers hits the per-call deadline and is retried', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors, { OUTBOX_TIMEOUT_MS: '200' }));
      vendors.inject('hubspot', { kind: 'hang' });
      const contact = await seedContact(db, { email: nextEmail() });
      await drain(db, worker);
      const attempts = await listAttempts(db, (await jobFor(db, 'contactId', contact.id)).id);
      assert.deepEqual(attempts.map((a) => a.errorClass), ['timeout', null]);
      // It stopped at the deadline; the stand-in would have held it forever.
      assert.ok(attempts[0]!.latencyMs >= 150 && attempts[0]!.latencyMs < 10_000);
    });

    /** Reads a Zendesk ticket's comments back through the public API, as a client would. */
    async function zendeskComments(vendorId: string | number): Promise<string[]> {
      const auth = `Basic ${Buffer.from(`${VENDOR_CREDENTIALS.zendesk.email}/token:${VENDOR_CREDENTIALS.zendesk.apiToken}`).toString('base64')}`;
      const res = await fetch(`${vendors.urls.zendesk}/api/v2/tickets/${vendorId}/comments.json`, { headers: { authorization: auth } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { comments: Array<{ body: string; public: boolean }>; count: number };
      assert.equal(body.count, body.comments.length);
      return body.comments.map((c) => c.body);
    }

    async function escalateAgain(conversationId: string, summary: string) {
      await db.transaction(async (tx) => {
        const again = await upsertOpenTicket(tx, {
          conversationId,
          category: 'billing',
          subject: 'Charged twice',
          summary,
          priority: 'high',
          tags: [],
          verified: true,
          contactEmail: 'grace@example.com',
          requester: 'anon',
          transcriptUrl: 'https://gateway.test/t',
          update: { at: new Date().toISOString(), summary, priority: 'high' },
        });
        await enqueueOutbox(tx, { topic: 'helpdesk.append_ticket', payload: { ticketId: again.id } }, `append-${again.id}-${summary}`);
      });
    }

    test('a created ticket reads back through the API with its summary and transcript link as the first comment', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const ticket = await seedTicket(db);
      await drain(db, worker);
      const [row] = await db.query<{ helpdesk_vendor_id: string }>('select helpdesk_vendor_id from tickets where id = $1', [ticket.id]);
      const comments = await zendeskComments(row!.helpdesk_vendor_id);
      assert.equal(comments.length, 1);
      assert.match(comments[0]!, /^I was charged twice for March\.\n\nTranscript: https:\/\/gateway\.test\/admin\/v1\/conversations\//);
    });

    test('a comment whose answer was lost is read back, not posted twice', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors, { OUTBOX_TIMEOUT_MS: '300' }));
      const ticket = await seedTicket(db);
      await drain(db, worker);
      await escalateAgain(ticket.conversationId, 'The refund has still not arrived.');
      // Zendesk applies the comment, then the answer never comes back: the job's outcome is unknown.
      vendors.inject('zendesk', { kind: 'apply-then-hang', method: 'PUT' });
      await drain(db, worker);
      const [row] = await db.query<{ helpdesk_vendor_id: string }>('select helpdesk_vendor_id from tickets where id = $1', [ticket.id]);
      const comments = await zendeskComments(row!.helpdesk_vendor_id);
      assert.equal(comments.filter((c) => c.includes('The refund has still not arrived.')).length, 1);
      assert.equal(comments.length, 2);
      assert.equal(vendors.requests.filter((r) => r.vendor === 'zendesk' && r.method === 'PUT').length, 1, 'the retry read back and did not post again');
    });

    test('a ticket update becomes a comment on the Zendesk ticket', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const ticket = await seedTicket(db);
      await drain(db, worker);
      // The same conversation escalates again: the open ticket gets an update and an append job.
      await db.transaction(async (tx) => {
        const again = await upsertOpenTicket(tx, {
          conversationId: ticket.conversationId,
          category: 'billing',
          subject: 'Charged twice',
          summary: 'Still waiting for the refund.',
          priority: 'high',
          tags: [],
          verified: true,
          contactEmail: 'grace@example.com',
          requester: 'anon',
          transcriptUrl: 'https://gateway.test/t',
          update: { at: new Date().toISOString(), summary: 'Still waiting for the refund.', priority: 'high' },
        });
        assert.equal(again.inserted, false);
        await enqueueOutbox(tx, { topic: 'helpdesk.append_ticket', payload: { ticketId: again.id } }, `append-${ticket.id}`);
      });
      await drain(db, worker);
      const remote = [...vendors.zendesk.values()];
      assert.equal(remote.length, 1);
      assert.equal(remote[0]!.comments.length, 2);
      assert.match(remote[0]!.comments[1]!, /Still waiting for the refund/);
      assert.equal(remote[0]!.priority, 'high');
    });

    test('helpdesk jobs of one ticket are delivered in order: the comment waits for the create', async () => {
      const ticket = await seedTicket(db);
      await db.transaction((tx) => enqueueOutbox(tx, { topic: 'helpdesk.append_ticket', payload: { ticketId: ticket.id } }, `order-${ticket.id}`));
      const other = await seedTicket(db);
      // One claim sees all three due, but takes only the first job of each ticket.
      const first = await claimJobs(db, 'order-test', 10, 30_000);
      const byTicket = (a: string[], b: string[]) => String(a[1]).localeCompare(String(b[1]));
      assert.deepEqual(
        first.map((j) => [j.topic, String(j.payload.ticketId)]).sort(byTicket),
        [['helpdesk.create_ticket', ticket.id], ['helpdesk.create_ticket', other.id]].sort(byTicket),
      );
      assert.deepEqual(await claimJobs(db, 'order-test', 10, 30_000), [], 'the comment waits while the create is in flight');
      for (const job of first) {
        await settleAttempt(db, job.id, { worker: 'order-test', attempt: 1, startedAt: new Date(), latencyMs: 1, outcome: 'retry', httpStatus: 500, errorClass: 'http_5xx', error: 'x' }, { status: 'pending' });
      }
      // While the create waits for its retry, the comment still waits behind it.
      const again = await claimJobs(db, 'order-test', 10, 30_000);
      assert.deepEqual(again.map((j) => j.topic), ['helpdesk.create_ticket', 'helpdesk.create_ticket']);
      for (const job of again) {
        await settleAttempt(db, job.id, { worker: 'order-test', attempt: 2, startedAt: new Date(), latencyMs: 1, outcome: 'delivered', httpStatus: null, errorClass: null, error: null }, { status: 'done' });
      }
      const last = await claimJobs(db, 'order-test', 10, 30_000);
      assert.deepEqual(last.map((j) => [j.topic, j.payload.ticketId]), [['helpdesk.append_ticket', ticket.id]]);
      await settleAttempt(db, last[0]!.id, { worker: 'order-test', attempt: 1, startedAt: new Date(), latencyMs: 1, outcome: 'delivered', httpStatus: null, errorClass: null, error: null }, { status: 'done' });
    });

    test('a create and a comment queued together reach Zendesk as one ticket, created first', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors), { batchSize: 8 });
      const ticket = await seedTicket(db);
      await db.transaction((tx) => enqueueOutbox(tx, { topic: 'helpdesk.append_ticket', payload: { ticketId: ticket.id } }, `together-${ticket.id}`));
      await drain(db, worker);
      const remote = [...vendors.zendesk.values()].filter((t) => t.external_id === ticket.id);
      assert.equal(remote.length, 1);
      const methods = vendors.requests.filter((r) => r.vendor === 'zendesk').map((r) => r.method);
      assert.equal(methods.indexOf('POST'), methods.findIndex((m) => m !== 'GET'), 'the create is the first write');
    });

    test('a ticket that cannot be created after three attempts pages the founder while retries go on', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      vendors.inject('zendesk', ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500, method: 'GET' })));
      const ticket = await seedTicket(db);
      await drain(db, worker);
      assert.equal(vendors.zendesk.size, 1);
      assert.equal(vendors.slack.filter((t) => t.includes('ticket_create_failing')).length, 1);
      assert.equal((await jobFor(db, 'ticketId', ticket.id)).status, 'done');
    });

    test('an urgent ticket pages the founder once', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const ticket = await seedTicket(db, { priority: 'urgent', topic: 'notify.urgent_ticket' });
      await db.query(`insert into outbox (topic, payload) values ('notify.urgent_ticket', jsonb_build_object('ticketId', $1::text))`, [ticket.id]);
      await drain(db, worker);
      assert.equal(vendors.slack.filter((t) => t.startsWith('[toolgate] urgent_ticket')).length, 1);
    });

    test('alerts are deduplicated by kind and key until the episode closes', async () => {
      const first = await raiseAlert(db, { kind: 'test_kind', key: `k-${backend.name}`, message: 'one', correlationId: null }, ['slack']);
      const again = await raiseAlert(db, { kind: 'test_kind', key: `k-${backend.name}`, message: 'two', correlationId: null }, ['slack']);
      assert.ok(first !== null);
      assert.equal(again, null);
      await closeAlerts(db, `k-${backend.name}`);
      assert.ok((await raiseAlert(db, { kind: 'test_kind', key: `k-${backend.name}`, message: 'three', correlationId: null }, ['slack'])) !== null);
    });

    test('a CRM sync still pending after 5 minutes pages the founder once; delivery closes the episode', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      const contact = await seedContact(db, { email: nextEmail() });
      const job = await jobFor(db, 'contactId', contact.id);
      await db.query(`update outbox set created_at = now() - interval '6 minutes', next_attempt_at = now() + interval '1 hour' where id = $1`, [job.id]);
      assert.equal(await raiseStaleCrmAlerts(db, 5 * 60_000, ['slack']), 1);
      assert.equal(await raiseStaleCrmAlerts(db, 5 * 60_000, ['slack']), 0, 'one episode, not one page per sweep');
      await db.query('update outbox set next_attempt_at = now() where id = $1', [job.id]);
      await drain(db, worker);
      assert.equal(vendors.slack.filter((t) => t.includes(`crm_sync_pending: CRM sync job ${job.id} `)).length, 1);
      const [open] = await db.query<{ n: number }>(`select count(*)::int as n from alerts where key = $1 and closed_at is null`, [String(job.id)]);
      assert.equal(open?.n, 0);
    });

    test('an unknown topic is dead-lettered, never dropped', async () => {
      const { worker } = testWorker(db, vendorEnv(vendors));
      await db.transaction((tx) => enqueueOutbox(tx, { topic: 'crm.no_such_topic', payload: { marker: backend.name } }, `unknown-topic-${backend.name}`));
      await drain(db, worker);
      const job = await jobFor(db, 'marker', backend.name);
      assert.equal(job.status, 'dead');
      assert.match(job.last_error ?? '', /no handler/);
    });

    test('a lease keeps other workers off a job until it runs out, and a late worker cannot settle it', async () => {
      const contact = await seedContact(db, { email: nextEmail() });
      const [held] = await claimJobs(db, 'worker-a', 10, 1500);
      assert.equal(held?.payload.contactId, contact.id);
      assert.deepEqual(await claimJobs(db, 'worker-b', 10, 1500), []);
      await new Promise((r) => setTimeout(r, 1600));
      const [taken] = await claimJobs(db, 'worker-b', 10, 30_000);
      assert.equal(taken?.id, held!.id);
      assert.equal(taken?.attempts, 2);
      const record = { attempt: 1, startedAt: new Date(), latencyMs: 1, httpStatus: null, errorClass: null, error: null };
      assert.equal(await settleAttempt(db, held!.id, { ...record, worker: 'worker-a', outcome: 'delivered' }, { status: 'done' }), false);
      assert.equal(await settleAttempt(db, held!.id, { ...record, worker: 'worker-b', outcome: 'delivered' }, { status: 'done' }), true);
    });

    test('with no CRM configured, the contact stays in the database marked not configured', async () => {
      const { worker } = testWorker(db, {});
      const contact = await seedContact(db, { email: nextEmail() });
      await drain(db, worker);
      const [row] = await db.query<{ crm_sync_state: string }>('select crm_sync_state from contacts where id = $1', [contact.id]);
      assert.equal(row?.crm_sync_state, 'not_configured');
      assert.equal(vendors.requests.length, 0);
    });

    test('the webhook CRM sends a verifiable Standard Webhooks event; a redelivery carries the same id', async () => {
      const env = { CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: vendors.urls.webhook, CRM_WEBHOOK_SECRET: VENDOR_CREDENTIALS.webhookSecret };
      const { worker } = testWorker(db, env);
      vendors.inject('webhook', { kind: 'apply-then-hang' });
      const address = nextEmail();
      const contact = await seedContact(db, { email: address, company: '' });
      await drain(db, worker);
      const job = await jobFor(db, 'contactId', contact.id);
      const posts = vendors.requests.filter((r) => r.vendor === 'webhook');
      assert.equal(posts.length, 2);
      assert.equal(vendors.webhookEvents.size, 1, 'the receiver deduplicates the redelivery by webhook-id');
      const event = vendors.webhookEvents.get(`toolgate-job-${job.id}`);
      assert.equal(event?.type, 'contact.upserted');
      assert.equal(event?.data.email, address);
      assert.equal('company' in (event?.data ?? {}), false);
    });

    test('business events (an inquiry, a payment state, a new customer) reach the webhook CRM as events, once each', async () => {
      const env = { CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: vendors.urls.webhook, CRM_WEBHOOK_SECRET: VENDOR_CREDENTIALS.webhookSecret };
      const { worker } = testWorker(db, env);
      const key = `biz-${Date.now()}`;
      await db.transaction(async (tx) => {
        await enqueueOutbox(tx, { topic: 'crm.contact_inquiry', payload: { contactId: key, inquiryId: 1, verified: false } }, `${key}:inquiry`);
        await enqueueOutbox(tx, { topic: 'crm.billing_status', payload: { stripeCustomerId: `cus_${key}`, status: 'payment_failed' } }, `${key}:billing`);
        await enqueueOutbox(tx, { topic: 'crm.lifecycle', payload: { stripeCustomerId: `cus_${key}`, lifecycle: 'customer' } }, `${key}:lifecycle`);
      });
      await drain(db, worker);
      const types = [...vendors.webhookEvents.values()].filter((e) => JSON.stringify(e.data).includes(key)).map((e) => e.type).sort();
      assert.deepEqual(types, ['contact.customer', 'contact.inquiry', 'payment.payment_failed']);
      const dead = await db.query(`select id from outbox where dedupe_key like $1 and status <> 'done'`, [`${key}:%`]);
      assert.deepEqual(dead, [], 'none is dead-lettered');
    });

    test('with no CRM configured, business events are settled without a vendor call; billing problems page the founder once', async () => {
      const { worker } = testWorker(db, { ALERT_WEBHOOK_URL: vendors.urls.slack });
      const key = `biz-none-${Date.now()}`;
      const before = vendors.requests.length;
      await db.transaction(async (tx) => {
        await enqueueOutbox(tx, { topic: 'crm.billing_status', payload: { stripeCustomerId: `cus_${key}`, status: 'dispute' } }, `${key}:crm`);
        await enqueueOutbox(tx, { topic: 'alert.billing_problem', payload: { ticketId: key, kind: 'dispute', subject: 'Dispute opened', email: 'payer@example.com' } }, `${key}:alert`);
        await enqueueOutbox(tx, { topic: 'alert.billing_problem', payload: { ticketId: key, kind: 'dispute', subject: 'Dispute opened', email: 'payer@example.com' } }, `${key}:alert-again`);
      });
      await drain(db, worker);
      const slack = vendors.requests.slice(before).filter((r) => r.vendor === 'slack');
      assert.equal(slack.length, 1, 'one page for one dispute, however often it is queued');
      assert.equal(vendors.requests.slice(before).filter((r) => r.vendor !== 'slack').length, 0);
      const undelivered = await db.query(`select id from outbox where (dedupe_key like $1 or payload->>'alertId' in (select id::text from alerts where key = $2)) and status <> 'done'`, [`${key}:%`, key]);
      assert.deepEqual(undelivered, []);
    });
  });
}
