import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { webhookCounters } from '../../billing/webhook-metrics.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { testGateway } from '../../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import * as s from '../../../test/support/stripe.ts';

const now = () => Math.floor(Date.now() / 1000);

describeRouteSecurity('POST /webhooks/stripe', {
  request: () => {
    const body = JSON.stringify(s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'security@example.com' }), now()));
    return { path: '/webhooks/stripe', headers: { 'stripe-signature': s.sign(body), 'content-type': 'application/json' }, body: JSON.parse(body) };
  },
});

for (const backend of testDatabases()) {
  describe(`POST /webhooks/stripe on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app, log } = await testGateway(db, { STRIPE_WEBHOOK_SECRET: `whsec_old_secret_000000000000,${'whsec_test_secret_0123456789abcdef'}` });
    after(drop);
    const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]?.n);
    const storedEvents = () => count('select count(*)::int as n from stripe_events');

    test('a verified event is stored once and answered received, not duplicate', async () => {
      const e = s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'ann@example.com' }), now());
      const res = await s.deliver(app, e);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { received: true, duplicate: false });
      const [row] = await db.query<Record<string, unknown>>('select type, api_version, livemode, status, attempts, payload_sha256 from stripe_events where id = $1', [e.id]);
      assert.equal(row?.type, 'customer.created');
      assert.equal(row?.api_version, '2026-10-28.endive');
      assert.equal(row?.status, 'processed');
      assert.equal(row?.attempts, 1);
      assert.match(String(row?.payload_sha256), /^[0-9a-f]{64}$/);
    });

    test('every secret of a rotation is accepted', async () => {
      const e = s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'rot@example.com' }), now());
      const res = await s.deliver(app, e, { secret: 'whsec_old_secret_000000000000' });
      assert.equal(res.status, 200);
    });

    test('an unknown event type is recorded as ignored and acknowledged', async () => {
      const e = s.event('product.created', { id: 'prod_1', object: 'product' }, now());
      assert.equal((await s.deliver(app, e)).status, 200);
      const [row] = await db.query<{ status: string; last_error: string }>('select status, last_error from stripe_events where id = $1', [e.id]);
      assert.equal(row?.status, 'ignored');
      assert.equal(row?.last_error, 'unhandled_type');
    });

    const refusals: Array<[string, () => Promise<Response>, string]> = [
      ['a missing signature', () => s.deliver(app, s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'x@example.com' }), now()), { signature: null }), 'invalid_signature'],
      ['a forged signature', () => s.deliver(app, s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'x@example.com' }), now()), { signature: `t=${now()},v1=${'0'.repeat(64)}` }), 'invalid_signature'],
      ['a signature with another secret', () => s.deliver(app, s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'x@example.com' }), now()), { secret: 'whsec_attacker_secret_000000' }), 'invalid_signature'],
      ['a signature six minutes old', () => s.deliver(app, s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'x@example.com' }), now()), { timestamp: now() - 360 }), 'invalid_signature'],
      ['a valid signature over malformed JSON', () => s.deliver(app, '{"id": "evt_1", "type": '), 'invalid_request'],
      ['a valid signature over JSON that is no event', () => s.deliver(app, '{"id": "evt_1", "type": "x"}'), 'invalid_request'],
    ];
    for (const [name, send, code] of refusals) {
      test(`${name} is 400 problem+json, stores nothing, and is counted and logged`, async () => {
        const before = await storedEvents();
        const counted = Object.values(webhookCounters.rejected).reduce((a, b) => a + b, 0);
        const lines = log.lines.length;
        const res = await send();
        assert.equal(res.status, 400);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const body = await res.json();
        assert.equal(body.code, code);
        assert.doesNotMatch(JSON.stringify(body), /whsec_|\n\s+at /);
        assert.equal(await storedEvents(), before);
        assert.equal(Object.values(webhookCounters.rejected).reduce((a, b) => a + b, 0), counted + 1);
        assert.ok(log.lines.slice(lines).some((l) => l.includes('stripe webhook refused')));
        assert.ok(!log.lines.slice(lines).some((l) => l.includes('whsec_')), 'no secret in the logs');
      });
    }

    test('an oversized body is 413 and stores nothing; a body above the chat limit but within the webhook limit is accepted', async () => {
      const big = s.event('customer.created', { ...s.customer({ id: s.uid('cus'), email: 'big@example.com' }), description: 'x'.repeat(100_000) }, now());
      assert.equal((await s.deliver(app, big)).status, 200, 'above the 64 KB chat limit');
      const before = await storedEvents();
      const huge = s.event('customer.created', { ...s.customer({ id: s.uid('cus'), email: 'huge@example.com' }), description: 'x'.repeat(1_100_000) }, now());
      const res = await s.deliver(app, huge);
      assert.equal(res.status, 413);
      assert.equal((await res.json()).code, 'payload_too_large');
      assert.equal(await storedEvents(), before);
    });

    test('the chat route keeps its own, smaller limit', async () => {
      const res = await app.request('/v1/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(100_000) }) });
      assert.equal(res.status, 413);
    });

    test('without a configured secret the endpoint refuses with 503 so Stripe retries later', async () => {
      const { app: bare } = await testGateway(db, { STRIPE_WEBHOOK_SECRET: '' });
      const before = await storedEvents();
      const res = await s.deliver(bare, s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'x@example.com' }), now()));
      assert.equal(res.status, 503);
      assert.equal((await res.json()).code, 'webhook_not_configured');
      assert.equal(await storedEvents(), before);
    });

    test('ten concurrent deliveries of one failed-payment event make one event row, one ticket and one alert', async () => {
      const cus = s.uid('cus');
      await s.deliver(app, s.event('customer.created', s.customer({ id: cus, email: 'race@example.com' }), now() - 10));
      const inv = s.invoice({ id: s.uid('in'), number: 'RACE-0001', customer: cus, currency: 'usd', amountDue: 4900, status: 'open', created: now() - 5, attempts: 1 });
      const e = s.event('invoice.payment_failed', inv, now());
      const answers = await Promise.all(Array.from({ length: 10 }, () => s.deliver(app, e).then(async (r) => ({ status: r.status, body: await r.json() }))));
      assert.deepEqual(answers.map((a) => a.status), Array(10).fill(200));
      assert.equal(answers.filter((a) => a.body.duplicate === false).length, 1);
      assert.equal(await count('select count(*)::int as n from stripe_events where id = $1', [e.id]), 1);
      assert.equal(await count(`select count(*)::int as n from tickets where conversation_id = $1`, [`stripe:${inv.id}`]), 1);
      assert.equal(await count(`select count(*)::int as n from outbox where dedupe_key = $1`, [`stripe:${inv.id}:alert`]), 1);
      assert.equal(await count(`select count(*)::int as n from outbox where payload->>'invoiceId' = $1`, [inv.id]), 2, 'one alert and one CRM update');
      // The ticket goes to the helpdesk once and the CRM hears `ticket.created` once.
      const [ticket] = await db.query<{ id: string }>('select id from tickets where conversation_id = $1', [`stripe:${inv.id}`]);
      const topics = await db.query<{ topic: string }>(`select topic from outbox where payload->>'ticketId' = $1 and topic <> 'alert.billing_problem' and topic <> 'crm.billing_status' order by topic`, [ticket?.id]);
      assert.deepEqual(topics.map((t) => t.topic), ['crm.ticket_created', 'helpdesk.create_ticket']);
      // The nine redeliveries are counted on the event row (the duplicate-delivery alert reads it).
      assert.equal(await count('select duplicates as n from stripe_events where id = $1', [e.id]), 9);
    });

    test('an event that cannot be applied is kept as failed with nothing of its changes, and each retry counts an attempt', async () => {
      const cus = s.uid('cus');
      // A paid invoice without an amount: the database refuses the invoice row, after the account and the outbox rows were decided.
      const inv = { ...s.invoice({ id: s.uid('in'), number: 'FAIL-0001', customer: cus, currency: 'usd', amountDue: 4900, status: 'paid', created: now() - 5 }), amount_due: null, amount_paid: null };
      const e = s.event('invoice.paid', inv as never, now());
      for (const attempt of [1, 2]) {
        const res = await s.deliver(app, e);
        assert.equal(res.status, 500);
        assert.equal((await res.json()).code, 'internal_error');
        const [row] = await db.query<{ status: string; attempts: number; last_error: string; duplicates: number }>(
          'select status, attempts, last_error, duplicates from stripe_events where id = $1',
          [e.id],
        );
        assert.deepEqual({ status: row?.status, attempts: row?.attempts, duplicates: row?.duplicates }, { status: 'failed', attempts: attempt, duplicates: 0 });
        assert.match(String(row?.last_error), /23502/, 'a not-null violation');
      }
      assert.equal(await count('select count(*)::int as n from billing_accounts where stripe_customer_id = $1', [cus]), 0, 'not even the empty account');
      assert.equal(await count('select count(*)::int as n from invoices where id = $1', [inv.id]), 0);
      assert.equal(await count(`select count(*)::int as n from outbox where payload->>'stripeCustomerId' = $1`, [cus]), 0);
    });

    test('refused deliveries are counted per minute and reason, and nothing of them is stored', async () => {
      const rejected = () => count(`select coalesce(sum(count), 0)::int as n from webhook_rejections where reason in ('invalid_signature', 'missing_signature')`);
      const before = await rejected();
      const events = await storedEvents();
      const e = s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'count@example.com' }), now());
      assert.equal((await s.deliver(app, e, { secret: 'whsec_attacker_secret_000000' })).status, 400);
      assert.equal((await s.deliver(app, e, { signature: null })).status, 400);
      assert.equal(await rejected(), before + 2);
      assert.equal(await storedEvents(), events);
    });
  });
}
