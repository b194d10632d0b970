import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type Stripe from 'stripe';
import { testDatabases } from '../../test/support/databases.ts';
import { ADMIN_TOKEN, chatJson, newConversationId, testGateway, userToken } from '../../test/support/gateway.ts';
import * as s from '../../test/support/stripe.ts';
import type { Database } from '../store/database.ts';
import { HANDLED_EVENT_TYPES } from './apply-event.ts';
import { ingestStripeEvent } from './ingest.ts';

const T = 1_790_000_000; // a fixed clock for histories: only the order of `created` matters

/**
 * One customer's life: checkout, subscription, a first invoice paid, a failed renewal that
 * recovers, a dispute that is won, a change of email. Two events share a second on purpose.
 */
function history(ids: { cus: string; user: string; tag: string }) {
  const pro = s.price({ id: 'price_pro', nickname: 'Pro', currency: 'usd', amount: 4900 });
  const sub = `sub_${ids.tag}`;
  const [in1, in2] = [`in_${ids.tag}a`, `in_${ids.tag}b`];
  const [ch1, pi1] = [`ch_${ids.tag}1`, `pi_${ids.tag}1`];
  const inv = (id: string, number: string, status: Stripe.Invoice.Status, created: number, paidAt?: number) =>
    s.invoice({ id, number, customer: ids.cus, subscription: sub, currency: 'usd', amountDue: 4900, status, created, ...(paidAt ? { paidAt } : {}), billingReason: 'subscription_cycle' });
  return [
    s.event('customer.created', s.customer({ id: ids.cus, email: `${ids.tag}@example.com` }), T),
    s.event('checkout.session.completed', s.checkoutSession({ customer: ids.cus, userId: ids.user, email: `${ids.tag}@example.com`, amount: 4900, currency: 'usd', subscription: sub, created: T + 1 }), T + 1),
    s.event('customer.subscription.created', s.subscription({ id: sub, customer: ids.cus, status: 'incomplete', price: pro, periodEnd: T + 30 * 86400 }), T + 1),
    s.event('invoice.finalized', inv(in1, `${ids.tag.toUpperCase()}-0001`, 'open', T + 2), T + 2),
    s.event('charge.succeeded', s.charge({ id: ch1, customer: ids.cus, paymentIntent: pi1, amount: 4900, currency: 'usd', created: T + 3, last4: '4242' }), T + 3),
    s.event('payment_intent.succeeded', s.paymentIntent({ id: pi1, customer: ids.cus, amount: 4900, currency: 'usd', status: 'succeeded', charge: ch1, created: T + 3 }), T + 4),
    s.event('invoice.paid', inv(in1, `${ids.tag.toUpperCase()}-0001`, 'paid', T + 2, T + 4), T + 5),
    s.event('customer.subscription.updated', s.subscription({ id: sub, customer: ids.cus, status: 'active', price: pro, periodEnd: T + 30 * 86400 }), T + 5),
    s.event('invoice.finalized', inv(in2, `${ids.tag.toUpperCase()}-0002`, 'open', T + 100), T + 100),
    s.event('invoice.payment_failed', inv(in2, `${ids.tag.toUpperCase()}-0002`, 'open', T + 100), T + 101),
    s.event('customer.subscription.updated', s.subscription({ id: sub, customer: ids.cus, status: 'past_due', price: pro, periodEnd: T + 60 * 86400 }), T + 102),
    s.event('invoice.paid', inv(in2, `${ids.tag.toUpperCase()}-0002`, 'paid', T + 100, T + 103), T + 103),
    s.event('customer.subscription.updated', s.subscription({ id: sub, customer: ids.cus, status: 'active', price: pro, periodEnd: T + 60 * 86400, cancelAtPeriodEnd: true }), T + 104),
    s.event('charge.dispute.created', s.dispute({ id: `dp_${ids.tag}`, charge: ch1, paymentIntent: pi1, amount: 4900, currency: 'usd', status: 'needs_response', created: T + 200 }), T + 200),
    s.event('charge.dispute.closed', s.dispute({ id: `dp_${ids.tag}`, charge: ch1, paymentIntent: pi1, amount: 4900, currency: 'usd', status: 'won', created: T + 200 }), T + 300),
    s.event('customer.updated', s.customer({ id: ids.cus, email: `${ids.tag}.new@example.com` }), T + 301),
  ];
}

/** The billing state of one customer, with its own ids replaced, so two customers' states compare. */
async function snapshot(db: Database, ids: { cus: string; user: string; tag: string }) {
  const [account] = await db.query<Record<string, unknown>>(
    `select user_id, email, customer_deleted, plan, price_id, subscription_id, status, current_period_end, cancel_at_period_end,
            payment_state, failing_invoice_id, failed_since, last_payment_amount, last_payment_currency, last_payment_at,
            card_brand, card_last4, entitlement_active, entitlement_reason
     from billing_accounts where stripe_customer_id = $1`,
    [ids.cus],
  );
  const invoices = await db.query('select id, user_id, number, amount_due, amount_paid, amount_remaining, currency, status, paid_at, first_failed_at from invoices where stripe_customer_id = $1 order by id', [ids.cus]);
  return JSON.parse(JSON.stringify({ account, invoices }).replaceAll(ids.cus, 'CUS').replaceAll(ids.user, 'USER').replaceAll(ids.tag, 'TAG').replaceAll(ids.tag.toUpperCase(), 'TAG'));
}

const options = () => ({ graceDays: 3, publicBaseUrl: 'https://gateway.test', now: new Date((T + 400) * 1000) });

for (const backend of testDatabases()) {
  describe(`billing state from Stripe events on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);
    let n = 0;
    const fresh = () => {
      const tag = `t${Date.now().toString(36)}${(n++).toString(36)}`;
      return { cus: `cus_${tag}`, user: `user-${tag}`, tag };
    };
    const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]?.n);

    test('every handled event type delivered three times takes effect once', async () => {
      const ids = fresh();
      const events = history(ids);
      const extra = fresh();
      const more = [
        s.event('payment_intent.payment_failed', s.paymentIntent({ id: `pi_${extra.tag}`, customer: extra.cus, amount: 900, currency: 'usd', status: 'requires_payment_method', created: T }), T),
        s.event('charge.refunded', s.charge({ id: `ch_${extra.tag}`, customer: extra.cus, paymentIntent: `pi_${extra.tag}`, amount: 900, currency: 'usd', refunded: true, created: T }), T + 1),
        s.event('customer.subscription.deleted', s.subscription({ id: `sub_${extra.tag}`, customer: extra.cus, status: 'canceled', price: s.price({ id: 'price_x', nickname: 'X', currency: 'usd', amount: 900 }), periodEnd: T + 10 }), T + 2),
        s.event('customer.deleted', s.deletedCustomer(extra.cus), T + 3),
      ];
      const all = [...events, ...more];
      assert.deepEqual(new Set(all.map((e) => e.type)), new Set(HANDLED_EVENT_TYPES), 'the test delivers every handled type');
      for (const e of all) {
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(await (await s.deliver(app, e)).json());
        assert.deepEqual(answers.map((a) => a.duplicate), [false, true, true], e.type);
      }
      assert.equal(await count('select count(*)::int as n from stripe_events where id = any($1::text[])', [all.map((e) => e.id)]), all.length);
      assert.equal(await count(`select count(*)::int as n from stripe_events where id = any($1::text[]) and (attempts <> 1 or status <> 'processed')`, [all.map((e) => e.id)]), 0);
      const state = await snapshot(db, ids);
      assert.equal(state.account.user_id, 'USER', 'linked by client_reference_id');
      assert.equal(state.account.email, 'TAG.new@example.com');
      assert.equal(state.account.plan, 'Pro');
      assert.equal(state.account.status, 'active');
      assert.equal(state.account.cancel_at_period_end, true);
      assert.equal(state.account.payment_state, 'paid', 'the dispute was won');
      assert.equal(state.account.card_brand, 'visa');
      assert.equal(state.account.card_last4, '4242');
      assert.equal(state.account.entitlement_active, true);
      assert.deepEqual(state.invoices.map((i: { status: string }) => i.status), ['paid', 'paid']);
      // Failed renewal: one ticket (high), resolved by the later payment, one alert, one CRM update, one "recovered".
      const [renewal] = await db.query<{ priority: string; status: string; category: string }>(`select priority, status, category from tickets where conversation_id = $1`, [`stripe:in_${ids.tag}b`]);
      assert.deepEqual(renewal, { priority: 'high', status: 'closed', category: 'billing' });
      const [disputeTicket] = await db.query<{ priority: string }>(`select priority from tickets where conversation_id = $1`, [`stripe:dp_${ids.tag}`]);
      assert.equal(disputeTicket?.priority, 'urgent');
      const keys = (await db.query<{ dedupe_key: string }>(`select dedupe_key from outbox where dedupe_key like $1 or dedupe_key like $2 order by dedupe_key`, [`%${ids.tag}%`, `%${ids.cus}%`])).map((r) => r.dedupe_key);
      assert.deepEqual(keys.sort(), [
        `stripe:dp_${ids.tag}:alert`, `stripe:dp_${ids.tag}:crm`, `stripe:dp_${ids.tag}:recovered`,
        // Each problem ticket reaches the helpdesk (created, then its resolution) and the CRM hears of it once.
        `stripe:dp_${ids.tag}:helpdesk`, `stripe:dp_${ids.tag}:helpdesk:resolved`, `stripe:dp_${ids.tag}:crm_ticket`,
        `stripe:first_payment:crm:${ids.cus}`, `stripe:first_payment:notify:${ids.cus}`,
        `stripe:in_${ids.tag}b:alert`, `stripe:in_${ids.tag}b:crm`, `stripe:in_${ids.tag}b:recovered`,
        `stripe:in_${ids.tag}b:helpdesk`, `stripe:in_${ids.tag}b:helpdesk:resolved`, `stripe:in_${ids.tag}b:crm_ticket`,
      ].sort());
      const [lifecycle] = await db.query<{ payload: { lifecycle: string } }>(`select payload from outbox where dedupe_key = $1`, [`stripe:first_payment:crm:${ids.cus}`]);
      assert.equal(lifecycle?.payload.lifecycle, 'customer');
      const other = await snapshot(db, extra);
      assert.equal(other.account.customer_deleted, true);
      assert.equal(other.account.payment_state, 'refunded');
      assert.equal(other.account.status, 'canceled');
      assert.equal(other.account.entitlement_active, false);
    });

    test('shuffled delivery order always ends in the same state (property over permutations of one history)', async () => {
      const reference = fresh();
      for (const e of history(reference)) await ingestStripeEvent(db, e, JSON.stringify(e), options());
      const expected = await snapshot(db, reference);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray([...history(reference).keys()], { minLength: 16, maxLength: 16 }), async (order) => {
          runs++;
          const ids = fresh();
          const events = history(ids);
          for (const i of order) await ingestStripeEvent(db, events[i]!, JSON.stringify(events[i]), options());
          const actual = await snapshot(db, ids);
          if (!isDeepStrictEqual(actual, expected)) {
            throw new Error(`order ${order.join(',')} ended in ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
          }
        }),
        { includeErrorInReport: true, numRuns: 20, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
      );
      console.log(`shuffled-order property on ${backend.name}: ${runs} runs, all ended in the same state`);
    });

    test('a late invoice.paid never revives a refunded payment, and a stale subscription.updated never overwrites a newer one', async () => {
      const ids = fresh();
      const pro = s.price({ id: 'price_pro', nickname: 'Pro', currency: 'usd', amount: 4900 });
      const sub = `sub_${ids.tag}`;
      const apply = (e: Stripe.Event) => ingestStripeEvent(db, e, JSON.stringify(e), options());
      await apply(s.event('customer.subscription.updated', s.subscription({ id: sub, customer: ids.cus, status: 'active', price: pro, periodEnd: T + 60 * 86400 }), T + 50));
      await apply(s.event('charge.refunded', s.charge({ id: `ch_${ids.tag}`, customer: ids.cus, paymentIntent: `pi_${ids.tag}`, amount: 4900, currency: 'usd', refunded: true, created: T }), T + 40));
      await apply(s.event('customer.subscription.updated', s.subscription({ id: sub, customer: ids.cus, status: 'past_due', price: pro, periodEnd: T + 30 * 86400 }), T + 20));
      await apply(s.event('invoice.paid', s.invoice({ id: `in_${ids.tag}`, number: 'LATE-0001', customer: ids.cus, currency: 'usd', amountDue: 4900, status: 'paid', created: T, paidAt: T + 10 }), T + 10));
      const state = await snapshot(db, ids);
      assert.equal(state.account.status, 'active');
      assert.equal(state.account.current_period_end, new Date((T + 60 * 86400) * 1000).toISOString());
      assert.equal(state.account.payment_state, 'refunded');
      assert.equal(state.account.entitlement_active, false);
      assert.equal(state.account.entitlement_reason, 'refunded');
    });

    test('a deleted subscription stays cancelled whatever update arrives after it', async () => {
      const ids = fresh();
      const pro = s.price({ id: 'price_pro', nickname: 'Pro', currency: 'usd', amount: 4900 });
      const apply = (e: Stripe.Event) => ingestStripeEvent(db, e, JSON.stringify(e), options());
      await apply(s.event('customer.subscription.deleted', s.subscription({ id: `sub_${ids.tag}`, customer: ids.cus, status: 'canceled', price: pro, periodEnd: T }), T + 5));
      await apply(s.event('customer.subscription.updated', s.subscription({ id: `sub_${ids.tag}`, customer: ids.cus, status: 'active', price: pro, periodEnd: T }), T + 9));
      assert.equal((await snapshot(db, ids)).account.status, 'canceled');
    });

    test('a failed renewal keeps access for the grace period, then turns it off', async () => {
      const ids = fresh();
      const failedAt = Math.floor(Date.now() / 1000) - 2 * 86400;
      const apply = (e: Stripe.Event, now: Date) => ingestStripeEvent(db, e, JSON.stringify(e), { ...options(), now });
      await apply(s.event('customer.subscription.created', s.subscription({ id: `sub_${ids.tag}`, customer: ids.cus, status: 'active', price: s.price({ id: 'p', nickname: 'Pro', currency: 'usd', amount: 4900 }), periodEnd: failedAt + 86400 }), failedAt - 10), new Date());
      await apply(s.event('invoice.payment_failed', s.invoice({ id: `in_${ids.tag}`, number: 'GRACE-0001', customer: ids.cus, currency: 'usd', amountDue: 4900, status: 'open', created: failedAt, attempts: 1 }), failedAt), new Date());
      const { entitlementOf } = await import('./entitlement.ts');
      const [account] = await db.query<{ entitlement_active: boolean; entitlement_reason: string }>('select entitlement_active, entitlement_reason from billing_accounts where stripe_customer_id = $1', [ids.cus]);
      assert.deepEqual(account, { entitlement_active: true, entitlement_reason: 'grace_period' });
      const row = { customerDeleted: false, paymentState: 'failed' as const, status: 'active', failedSince: new Date(failedAt * 1000), updatedAt: new Date() };
      assert.equal(entitlementOf(row, new Date((failedAt + 3 * 86400 - 1) * 1000), 3).active, true);
      assert.equal(entitlementOf(row, new Date((failedAt + 3 * 86400 + 1) * 1000), 3).active, false);
      assert.equal(entitlementOf(row, new Date((failedAt + 3 * 86400 + 1) * 1000), 3).reason, 'payment_failed');
    });

    test('an event for a customer nobody is linked to is stored, then linked when the user signs in with that verified email', async () => {
      const ids = fresh();
      const email = `${ids.tag}@later.example`;
      await s.deliver(app, s.event('customer.created', s.customer({ id: ids.cus, email }), T));
      await s.deliver(app, s.event('invoice.paid', s.invoice({ id: `in_${ids.tag}`, number: 'LATER-0001', customer: ids.cus, currency: 'jpy', amountDue: 500000, status: 'paid', created: T, paidAt: T + 1 }), T + 1));
      assert.equal(await count('select count(*)::int as n from billing_accounts where stripe_customer_id = $1 and user_id is null', [ids.cus]), 1);
      const stranger = await userToken(`user-stranger-${ids.tag}`, { email: `someone-else-${ids.tag}@later.example` });
      const strangerView = await (await app.request('/v1/me/billing', { headers: { authorization: `Bearer ${stranger}` } })).json();
      assert.equal(strangerView.linked, false);
      const token = await userToken(ids.user, { email: email.toUpperCase() });
      const view = await (await app.request('/v1/me/billing', { headers: { authorization: `Bearer ${token}` } })).json();
      assert.equal(view.linked, true);
      assert.deepEqual(view.lastPayment && { amount: view.lastPayment.amount, currency: view.lastPayment.currency, formatted: view.lastPayment.formatted }, { amount: 500000, currency: 'jpy', formatted: '500000 JPY' });
      assert.equal(view.invoices[0].number, 'LATER-0001');
      // check_billing in the customer's own words answers in yen, with no decimals.
      const res = await chatJson(app, { id: newConversationId(), token, text: 'did my payment go through?', puppet: { calls: [{ tool: 'check_billing', args: {}, confidence: 0.9 }] } });
      assert.match(String(res.toolCalls[0]?.output.message), /500000 JPY/);
      assert.doesNotMatch(String(res.toolCalls[0]?.output.message), /5000\.00|¥5000\b/);
    });

    test('a link is never made from another user: one user, one customer', async () => {
      const a = fresh();
      const b = fresh();
      await s.deliver(app, s.event('checkout.session.completed', s.checkoutSession({ customer: a.cus, userId: a.user, email: 'one@example.com', amount: 100, currency: 'usd', created: T }), T));
      // A second customer naming the same user id is not linked to it.
      await s.deliver(app, s.event('checkout.session.completed', s.checkoutSession({ customer: b.cus, userId: a.user, email: 'two@example.com', amount: 100, currency: 'usd', created: T }), T));
      assert.equal(await count('select count(*)::int as n from billing_accounts where user_id = $1', [a.user]), 1);
      assert.equal(await count('select count(*)::int as n from billing_accounts where stripe_customer_id = $1 and user_id is null', [b.cus]), 1);
    });

    test('a paid invoice is claimed and written in two round trips, begin and commit folded in, whatever it resolves, and a redelivery costs its claim and the commit', async () => {
      // The round trips of each event's transaction: its statements, plus `begin` unless it travels
      // with the first statement, plus `commit` unless it travels with the last.
      const statements: string[] = [];
      let roundTrips = 0;
      const counted: Database = {
        ...db,
        transaction: (fn, options) =>
          db.transaction((tx) => {
            let committed = false;
            if (!options?.beginWithFirstStatement) roundTrips++;
            const result = fn({
              ...tx,
              query: (sql, params) => (statements.push(sql), roundTrips++, tx.query(sql, params)),
              queryAndCommit: (sql, params) => (statements.push(`${sql}; commit`), roundTrips++, (committed = true), tx.queryAndCommit(sql, params)),
            });
            return result.then((r) => ((roundTrips += committed ? 0 : 1), r));
          }, options),
      };
      const ids = fresh();
      const inv = (status: Stripe.Invoice.Status) => s.invoice({ id: `in_${ids.tag}`, number: 'RT-0001', customer: ids.cus, currency: 'usd', amountDue: 4900, status, created: T, attempts: 1 });
      const failed = s.event('invoice.payment_failed', inv('open'), T + 1);
      await ingestStripeEvent(counted, failed, JSON.stringify(failed), options());
      const paid = s.event('invoice.paid', inv('paid'), T + 2);
      for (const [expectedStatements, expectedRoundTrips] of [[2, 2], [1, 2]] as const) {
        statements.length = 0;
        roundTrips = 0;
        await ingestStripeEvent(counted, paid, JSON.stringify(paid), options());
        assert.equal(statements.length, expectedStatements, statements.map((q) => q.slice(0, 60)).join('\n'));
        assert.equal(roundTrips, expectedRoundTrips, statements.map((q) => q.slice(0, 60)).join('\n'));
      }
      // The payment closed the failure's ticket and queued what the helpdesk and the CRM hear of it, once.
      const [ticket] = await db.query<{ id: string; status: string }>('select id, status from tickets where conversation_id = $1', [`stripe:in_${ids.tag}`]);
      assert.equal(ticket?.status, 'closed');
      const resolved = await db.query<{ topic: string; ticket: string }>(
        `select topic, payload->>'ticketId' as ticket from outbox where dedupe_key in ($1, $2) order by topic`,
        [`stripe:in_${ids.tag}:helpdesk:resolved`, `stripe:in_${ids.tag}:recovered`],
      );
      assert.deepEqual(resolved, [{ topic: 'crm.billing_status', ticket: ticket!.id }, { topic: 'helpdesk.append_ticket', ticket: ticket!.id }]);
      assert.equal((await snapshot(db, ids)).account.payment_state, 'paid');
    });

    test('the admin sees the customer with its event history, and can reprocess a stored event safely', async () => {
      const ids = fresh();
      const events = history(ids);
      for (const e of events) await s.deliver(app, e);
      const res = await app.request(`/admin/v1/billing?customerId=${ids.cus}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
      const [item] = (await res.json()).items;
      assert.equal(item.events.length, events.length);
      assert.equal(item.state.plan, 'Pro');
      const before = await snapshot(db, ids);
      const outboxBefore = await count('select count(*)::int as n from outbox');
      const ticketUpdates = await count(`select jsonb_array_length(updates)::int as n from tickets where conversation_id = $1`, [`stripe:in_${ids.tag}b`]);
      for (const e of events) {
        const r = await app.request(`/admin/v1/webhooks/stripe/${e.id}/reprocess`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(r.status, 200);
        assert.equal((await r.json()).status, 'processed');
      }
      assert.deepEqual(await snapshot(db, ids), before);
      assert.equal(await count('select count(*)::int as n from outbox'), outboxBefore);
      assert.equal(await count(`select jsonb_array_length(updates)::int as n from tickets where conversation_id = $1`, [`stripe:in_${ids.tag}b`]), ticketUpdates);
      assert.equal(await count(`select attempts::int as n from stripe_events where id = $1`, [events[0]!.id]), 2);
    });
  });
}
