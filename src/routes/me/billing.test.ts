import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { testGateway, userToken, type App } from '../../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import * as s from '../../../test/support/stripe.ts';

const now = () => Math.floor(Date.now() / 1000);

/** A paying customer of `userId`, as Stripe's events leave it. */
async function seedCustomer(app: App, userId: string, plan: string) {
  const cus = s.uid('cus');
  const sub = s.uid('sub');
  const t = now() - 60;
  await s.deliver(app, s.event('checkout.session.completed', s.checkoutSession({ customer: cus, userId, email: `${userId}@example.com`, amount: 4900, currency: 'usd', subscription: sub, created: t }), t));
  await s.deliver(app, s.event('customer.subscription.created', s.subscription({ id: sub, customer: cus, status: 'active', price: s.price({ id: 'price_x', nickname: plan, currency: 'usd', amount: 4900 }), periodEnd: t + 30 * 86400 }), t + 1));
  return cus;
}

describeRouteSecurity('GET /v1/me/billing', {
  request: () => ({ path: '/v1/me/billing' }),
  ownedResource: async (app) => {
    await seedCustomer(app, 'user-security-owner', 'OWNER-CANARY plan');
    return (caller) => app.request('/v1/me/billing', { headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {} });
  },
});

for (const backend of testDatabases()) {
  describe(`GET /v1/me/billing on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);
    const read = async (token: string) => (await app.request('/v1/me/billing', { headers: { authorization: `Bearer ${token}` } })).json();

    test("a paying customer sees their plan, renewal, last payment and active entitlement", async () => {
      await seedCustomer(app, 'user-me-1', 'Pro');
      const view = await read(await userToken('user-me-1'));
      assert.equal(view.linked, true);
      assert.equal(view.plan, 'Pro');
      assert.equal(view.subscriptionStatus, 'active');
      assert.equal(view.paymentState, 'paid');
      assert.deepEqual(view.entitlement, { active: true, reason: 'subscription_active', graceEndsAt: null });
      assert.equal(view.lastPayment.formatted, '49.00 USD');
      assert.ok(view.currentPeriodEnd);
    });

    test('a user without a customer gets an honest empty state, not an error', async () => {
      const view = await read(await userToken('user-me-nobody', { email: 'nobody@example.com' }));
      assert.equal(view.linked, false);
      assert.deepEqual(view.entitlement, { active: false, reason: 'no_payment', graceEndsAt: null });
    });

    test('a refund turns access off', async () => {
      const cus = await seedCustomer(app, 'user-me-2', 'Pro');
      const t = now();
      await s.deliver(app, s.event('charge.refunded', s.charge({ id: s.uid('ch'), customer: cus, paymentIntent: s.uid('pi'), amount: 4900, currency: 'usd', refunded: true, created: t }), t));
      const view = await read(await userToken('user-me-2'));
      assert.equal(view.paymentState, 'refunded');
      assert.deepEqual(view.entitlement, { active: false, reason: 'refunded', graceEndsAt: null });
    });

    test('the card shows brand and last4 only', async () => {
      const cus = await seedCustomer(app, 'user-me-3', 'Pro');
      const t = now();
      await s.deliver(app, s.event('charge.succeeded', s.charge({ id: s.uid('ch'), customer: cus, paymentIntent: s.uid('pi'), amount: 4900, currency: 'usd', created: t, last4: '1881' }), t));
      const text = JSON.stringify(await read(await userToken('user-me-3')));
      assert.match(text, /"card":\{"brand":"visa","last4":"1881"\}/);
      assert.doesNotMatch(text, /exp_|fingerprint|2030/);
    });
  });
}
