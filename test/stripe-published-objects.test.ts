import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import type Stripe from 'stripe';
import { testDatabases } from './support/databases.ts';
import { testGateway } from './support/gateway.ts';
import * as s from './support/stripe.ts';

/**
 * Stripe's own example objects (stripe/openapi fixtures3.json, committed verbatim under
 * test/fixtures/vendors/stripe/objects), carried by signed webhooks. The hand-built objects in
 * test/support/stripe.ts only hold the fields the gateway reads; these hold every field Stripe
 * publishes, nested lists and nulls included, so a handler that trips over a real payload fails
 * here. Only the fields that tie one customer's objects together are changed.
 */
const published = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/vendors/stripe/objects/${name}.json`, import.meta.url), 'utf8')) as T;

const T0 = 1_790_500_000;

function lifeOf(ids: { cus: string; user: string; email: string; tag: string }) {
  const customer = published<Stripe.Customer>('customer');
  const session = published<Stripe.Checkout.Session>('checkout.session');
  const subscription = published<Stripe.Subscription>('subscription');
  const invoice = published<Stripe.Invoice>('invoice');
  const paymentIntent = published<Stripe.PaymentIntent>('payment_intent');
  const charge = published<Stripe.Charge>('charge');
  const dispute = published<Stripe.Dispute>('dispute');
  const sub = `sub_${ids.tag}`;
  const [pi, ch, inv] = [`pi_${ids.tag}`, `ch_${ids.tag}`, `in_${ids.tag}`];
  const paidInvoice: Stripe.Invoice = {
    ...invoice,
    id: inv,
    customer: ids.cus,
    status: 'paid',
    number: `${ids.tag.toUpperCase()}-0001`,
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: null, subscription: sub } },
    status_transitions: { ...invoice.status_transitions, paid_at: T0 + 3, finalized_at: T0 + 2 },
  };
  const paidCharge: Stripe.Charge = { ...charge, id: ch, customer: ids.cus, payment_intent: pi, created: T0 + 3 };
  return {
    prices: subscription.items.data[0]!.price,
    amount: invoice.amount_due,
    events: [
      s.event('customer.created', { ...customer, id: ids.cus, email: ids.email }, T0),
      s.event('checkout.session.completed', { ...session, customer: ids.cus, client_reference_id: ids.user, mode: 'subscription', subscription: sub, payment_status: 'paid', status: 'complete', customer_details: { ...session.customer_details!, email: ids.email }, created: T0 + 1 }, T0 + 1),
      s.event('customer.subscription.created', { ...subscription, id: sub, customer: ids.cus, status: 'active' }, T0 + 1),
      s.event('invoice.finalized', { ...paidInvoice, status: 'open', amount_paid: 0, amount_remaining: invoice.amount_due }, T0 + 2),
      s.event('charge.succeeded', paidCharge, T0 + 3),
      s.event('payment_intent.succeeded', { ...paymentIntent, id: pi, customer: ids.cus, status: 'succeeded', amount: invoice.amount_due, amount_received: invoice.amount_due, latest_charge: ch }, T0 + 3),
      s.event('invoice.paid', paidInvoice, T0 + 4),
      s.event('charge.dispute.created', { ...dispute, id: `dp_${ids.tag}`, charge: ch, payment_intent: pi, status: 'needs_response' }, T0 + 10),
      s.event('charge.dispute.closed', { ...dispute, id: `dp_${ids.tag}`, charge: ch, payment_intent: pi, status: 'won' }, T0 + 20),
      s.event('charge.refunded', { ...paidCharge, refunded: true, amount_refunded: paidCharge.amount }, T0 + 30),
    ],
  };
}

for (const backend of testDatabases()) {
  describe(`Stripe's published example objects on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);

    test('a customer life built from them is processed, once, into the billing state', async () => {
      const tag = `pub${Date.now().toString(36)}`;
      const ids = { cus: `cus_${tag}`, user: `user-${tag}`, email: `${tag}@example.com`, tag };
      const life = lifeOf(ids);
      for (const event of life.events) {
        const res = await s.deliver(app, event);
        assert.equal(res.status, 200, `${event.type} is accepted`);
        assert.deepEqual(await res.json(), { received: true, duplicate: false });
      }
      const again = await s.deliver(app, life.events[6]!);
      assert.deepEqual(await again.json(), { received: true, duplicate: true });

      const events = await db.query<{ type: string; status: string; last_error: string | null }>(
        'select type, status, last_error from stripe_events where id = any($1::text[]) order by created, id',
        [life.events.map((e) => e.id)],
      );
      assert.equal(events.length, life.events.length);
      for (const e of events) assert.equal(e.status, 'processed', `${e.type}: ${e.last_error ?? ''}`);

      const [account] = await db.query<Record<string, unknown>>(
        'select user_id, email, price_id, subscription_id, status, payment_state, card_brand, card_last4, last_payment_amount, last_payment_currency from billing_accounts where stripe_customer_id = $1',
        [ids.cus],
      );
      assert.equal(account?.user_id, ids.user, 'linked by client_reference_id');
      assert.equal(account?.email, ids.email);
      assert.equal(account?.price_id, life.prices.id);
      assert.equal(account?.subscription_id, `sub_${tag}`);
      assert.equal(account?.status, 'active');
      assert.equal(account?.payment_state, 'refunded', 'the refund is the newest word on the payment');
      assert.equal(account?.card_brand, 'visa');
      assert.equal(account?.card_last4, '4242');
      assert.equal(Number(account?.last_payment_amount), life.amount);
      assert.equal(account?.last_payment_currency, 'usd');

      const [invoice] = await db.query<Record<string, unknown>>('select number, status, amount_paid, currency from invoices where id = $1', [`in_${tag}`]);
      assert.deepEqual({ ...invoice, amount_paid: Number(invoice?.amount_paid) }, { number: `${tag.toUpperCase()}-0001`, status: 'paid', amount_paid: life.amount, currency: 'usd' });
    });
  });
}
