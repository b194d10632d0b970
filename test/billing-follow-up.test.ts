import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../src/store/database.ts';
import { testDatabases } from './support/databases.ts';
import { ADMIN_TOKEN, testGateway } from './support/gateway.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import * as s from './support/stripe.ts';
import { startVendorStandIns, type VendorStandIns } from './support/vendor-stand-ins.ts';

const now = () => Math.floor(Date.now() / 1000);

/**
 * A failed payment or a dispute from Stripe, end to end: the signed webhook, the outbox, and the
 * vendors at their stand-ins. The founder should find one helpdesk ticket, one CRM `ticket.created`
 * and one page, whatever Stripe redelivers, and the ticket's resolution as a comment.
 */
for (const backend of testDatabases()) {
  describe(`billing problems reach the helpdesk and the CRM on ${backend.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let vendors: VendorStandIns;
    let app: Awaited<ReturnType<typeof testGateway>>['app'];
    let env: Record<string, string>;

    before(async () => {
      ({ db, drop } = await backend.open());
      vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
      ({ app } = await testGateway(db));
      env = vendorEnv(vendors, { CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: vendors.urls.webhook, CRM_WEBHOOK_SECRET: VENDOR_CREDENTIALS.webhookSecret });
    });
    after(async () => {
      await vendors.stop();
      await drop();
    });

    test('a failed renewal opens one Zendesk ticket and one CRM ticket.created, and its recovery is commented once', async () => {
      const { worker } = testWorker(db, env);
      const cus = s.uid('cus');
      const t = now() - 100;
      await s.deliver(app, s.event('customer.created', s.customer({ id: cus, email: 'renewal@example.com' }), t));
      const invoice = { id: s.uid('in'), number: 'RENEW-0007', customer: cus, currency: 'eur', amountDue: 1900, created: t + 1, attempts: 1, billingReason: 'subscription_cycle' as const };
      const inv = s.invoice({ ...invoice, status: 'open' });
      const failed = s.event('invoice.payment_failed', inv, t + 2);
      for (let i = 0; i < 3; i++) assert.equal((await s.deliver(app, failed)).status, 200);
      await drain(db, worker);

      const [ticket] = await db.query<{ id: string; helpdesk_sync_state: string; helpdesk_vendor_id: string }>(
        'select id, helpdesk_sync_state, helpdesk_vendor_id from tickets where conversation_id = $1',
        [`stripe:${inv.id}`],
      );
      assert.equal(ticket?.helpdesk_sync_state, 'synced');
      const remote = [...vendors.zendesk.values()].filter((z) => z.external_id === ticket!.id);
      assert.equal(remote.length, 1);
      assert.equal(String(remote[0]!.id), ticket!.helpdesk_vendor_id);
      assert.equal(remote[0]!.priority, 'high');
      assert.ok(remote[0]!.tags.includes('category_billing'));
      const created = [...vendors.webhookEvents.values()].filter((e) => e.type === 'ticket.created' && e.data.ticketId === ticket!.id);
      assert.equal(created.length, 1);
      assert.equal(created[0]!.data.category, 'billing');
      assert.equal(created[0]!.data.priority, 'high');
      assert.equal(vendors.slack.filter((m) => m.includes('billing_payment_failed')).length, 1);

      // The payment goes through later: the ticket closes, and Zendesk gets one comment saying so.
      const paid = s.event('invoice.paid', s.invoice({ ...invoice, status: 'paid', paidAt: t + 50 }), t + 50);
      await s.deliver(app, paid);
      await s.deliver(app, paid);
      await drain(db, worker);
      assert.equal(remote[0]!.comments.length, 2);
      assert.match(remote[0]!.comments[1]!, /resolved by invoice\.paid/);
      assert.equal([...vendors.zendesk.values()].filter((z) => z.external_id === ticket!.id).length, 1);
      assert.equal([...vendors.webhookEvents.values()].filter((e) => e.type === 'ticket.created' && e.data.ticketId === ticket!.id).length, 1);
    });

    test('a dispute opens one urgent Zendesk ticket; a redelivery and a reprocess add nothing', async () => {
      const { worker } = testWorker(db, env);
      const cus = s.uid('cus');
      const t = now() - 100;
      const ch = s.uid('ch');
      const pi = s.uid('pi');
      await s.deliver(app, s.event('customer.created', s.customer({ id: cus, email: 'dispute@example.com' }), t));
      await s.deliver(app, s.event('charge.succeeded', s.charge({ id: ch, customer: cus, paymentIntent: pi, amount: 5000, currency: 'usd', created: t + 1 }), t + 1));
      const dp = s.dispute({ id: s.uid('dp'), charge: ch, paymentIntent: pi, amount: 5000, currency: 'usd', status: 'needs_response', created: t + 2 });
      const opened = s.event('charge.dispute.created', dp, t + 2);
      await s.deliver(app, opened);
      await s.deliver(app, opened);
      await drain(db, worker);
      const [ticket] = await db.query<{ id: string }>('select id from tickets where conversation_id = $1', [`stripe:${dp.id}`]);
      const remote = [...vendors.zendesk.values()].filter((z) => z.external_id === ticket!.id);
      assert.equal(remote.length, 1);
      assert.equal(remote[0]!.priority, 'urgent');
      assert.equal(remote[0]!.comments.length, 1);
      const res = await app.request(`/admin/v1/webhooks/stripe/${opened.id}/reprocess`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
      await drain(db, worker);
      assert.equal([...vendors.zendesk.values()].filter((z) => z.external_id === ticket!.id).length, 1);
      assert.equal(remote[0]!.comments.length, 1, 'a replayed event is not a new update');
      assert.equal([...vendors.webhookEvents.values()].filter((e) => e.type === 'ticket.created' && e.data.ticketId === ticket!.id).length, 1);
    });
  });
}
