import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, chatJson, memoryLog, newConversationId, testGateway, userToken } from '../../../test/support/gateway.ts';
import { RECONCILE_LOCK } from '../../billing/reconcile.ts';
import { loadConfig } from '../../config.ts';
import { workerFromConfig } from '../../jobs/from-config.ts';
import { runExclusive } from '../../store/exclusive-run.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import * as s from '../../../test/support/stripe.ts';

const now = () => Math.floor(Date.now() / 1000);
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describeRouteSecurity('GET /admin/v1/billing', { request: () => ({ path: '/admin/v1/billing?email=someone@example.com' }) });
describeRouteSecurity('POST /admin/v1/webhooks/stripe/{eventId}/reprocess', { request: () => ({ path: '/admin/v1/webhooks/stripe/evt_missing/reprocess' }) });
describeRouteSecurity('POST /admin/v1/stripe/reconcile', { request: () => ({ path: '/admin/v1/stripe/reconcile' }) });

for (const backend of testDatabases()) {
  describe(`Stripe admin and API calls on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const stripeApi = await s.fakeStripeApi();
    // The portal's host must be an allowed link host, or the output gate removes the link (as it would billing.stripe.com).
    const env = { STRIPE_SECRET_KEY: 'sk_test_local_0123456789', STRIPE_API_BASE_URL: stripeApi.url, STRIPE_TIMEOUT_MS: '500', ALLOWED_LINK_HOSTS: 'billing.stripe.test' };
    const { app } = await testGateway(db, env);
    after(async () => {
      await stripeApi.close();
      await drop();
    });

    test('bad filters are 400 problem+json, never a 5xx', async () => {
      for (const q of ['', '?customerId=not-a-customer', '?email=a@b.co&customerId=cus_1']) {
        const res = await app.request(`/admin/v1/billing${q}`, { headers: admin });
        assert.equal(res.status, 400, q);
        assert.equal((await res.json()).code, 'invalid_request');
      }
      const res = await app.request('/admin/v1/webhooks/stripe/not-an-event/reprocess', { method: 'POST', headers: admin });
      assert.equal(res.status, 400);
    });

    test('reprocessing an event that was never stored is 404', async () => {
      const res = await app.request('/admin/v1/webhooks/stripe/evt_never/reprocess', { method: 'POST', headers: admin });
      assert.equal(res.status, 404);
    });

    test('reconcile lists events since the newest stored one and applies only the missing ones, through the SDK', async () => {
      const cus = s.uid('cus');
      const t = now() - 600;
      const delivered = s.event('customer.created', s.customer({ id: cus, email: 'catchup@example.com' }), t);
      await s.deliver(app, delivered);
      const missed = [
        s.event('customer.subscription.created', s.subscription({ id: s.uid('sub'), customer: cus, status: 'active', price: s.price({ id: 'price_c', nickname: 'Catch-up', currency: 'usd', amount: 900 }), periodEnd: t + 86400 }), t + 1),
        ...Array.from({ length: 120 }, (_, i) => s.event('product.updated', { id: `prod_${i}`, object: 'product' }, t + 2)),
      ];
      stripeApi.state.events.push(delivered, ...missed);
      const res = await app.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin });
      assert.equal(res.status, 200);
      const report = await res.json();
      assert.equal(report.listed, 122, 'all pages were read');
      assert.equal(report.applied, 121);
      assert.equal(report.duplicates, 1);
      assert.ok(stripeApi.state.requests.some((r) => r.startsWith('GET /v1/events') && r.includes('starting_after')), 'paginated');
      const [item] = (await (await app.request(`/admin/v1/billing?customerId=${cus}`, { headers: admin })).json()).items;
      assert.equal(item.state.plan, 'Catch-up');
      // A second run is a no-op.
      const again = await (await app.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin })).json();
      assert.equal(again.applied, 0);
    });

    test('Stripe failing or timing out is 502 stripe_unavailable, and a missing key is 409', async () => {
      stripeApi.state.delayMs = 1500;
      const slow = await app.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin });
      stripeApi.state.delayMs = 0;
      assert.equal(slow.status, 502);
      assert.equal((await slow.json()).code, 'stripe_unavailable');
      const { app: keyless } = await testGateway(db);
      const res = await keyless.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin });
      assert.equal(res.status, 409);
      assert.equal((await res.json()).code, 'stripe_not_configured');
    });

    test('one catch-up at a time: while one runs, the route answers 409 reconcile_running, and afterwards runs again', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      // Another runner (the periodic job, or another process) holds the catch-up.
      const other = runExclusive(db, RECONCILE_LOCK, async () => {
        entered();
        await held;
      });
      await inside;
      const busy = await app.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin });
      assert.equal(busy.status, 409);
      assert.equal(busy.headers.get('content-type'), 'application/problem+json');
      assert.equal((await busy.json()).code, 'reconcile_running');
      release();
      assert.deepEqual(await other, { ran: true, value: undefined });
      const free = await app.request('/admin/v1/stripe/reconcile', { method: 'POST', headers: admin });
      assert.equal(free.status, 200);
    });

    test('the periodic catch-up runs in the worker when STRIPE_RECONCILE_INTERVAL_MS is set, through the same lock', async () => {
      const cus = s.uid('cus');
      const missed = s.event('customer.created', s.customer({ id: cus, email: 'periodic@example.com' }), now());
      stripeApi.state.events.push(missed);
      const log = memoryLog();
      const config = loadConfig({ ...env, STRIPE_RECONCILE_INTERVAL_MS: '3600000', ALERT_CHECK_INTERVAL_MS: '0', OUTBOX_POLL_MS: '20' });
      const worker = workerFromConfig(config, db, log.logger);
      worker.start();
      try {
        const deadline = Date.now() + 60_000;
        while ((await db.query('select 1 from stripe_events where id = $1', [missed.id])).length === 0) {
          assert.ok(Date.now() < deadline, 'the periodic catch-up did not apply the missed event');
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await worker.stop();
      }
      const [row] = await db.query<{ status: string }>('select status from stripe_events where id = $1', [missed.id]);
      assert.equal(row?.status, 'processed');
    });

    test('check_billing offers a Customer Portal link after a failed payment, and plain instructions when Stripe does not answer', async () => {
      const cus = s.uid('cus');
      const t = now() - 100;
      await s.deliver(app, s.event('checkout.session.completed', s.checkoutSession({ customer: cus, userId: 'user-portal', email: 'portal@example.com', amount: 4900, currency: 'usd', created: t }), t));
      await s.deliver(app, s.event('invoice.payment_failed', s.invoice({ id: s.uid('in'), number: 'PORT-0002', customer: cus, currency: 'usd', amountDue: 4900, status: 'open', created: t + 1, attempts: 1 }), t + 1));
      const token = await userToken('user-portal', { email: 'portal@example.com' });
      const ask = () => chatJson(app, { id: newConversationId(), token, text: 'why did my card fail?', puppet: { calls: [{ tool: 'check_billing', args: {}, confidence: 0.9 }] } });
      const res = await ask();
      assert.match(String(res.toolCalls[0]?.output.message), new RegExp(`https://billing\\.stripe\\.test/p/session/${cus}`));
      assert.match(String(res.toolCalls[0]?.output.message), /Amount due: 49\.00 USD/);
      assert.deepEqual(stripeApi.state.portalSessions.at(-1), { customer: cus, return_url: 'https://gateway.test' });
      stripeApi.state.fail = true;
      const fallback = await ask();
      stripeApi.state.fail = false;
      assert.match(String(fallback.toolCalls[0]?.output.message), /billing portal \(Account → Billing\)/);
      assert.doesNotMatch(String(fallback.toolCalls[0]?.output.message), /stripe\.test/);
    });
  });
}
