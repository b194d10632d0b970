import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeStripeApi } from '../../test/support/stripe.ts';
import { createBillingServices } from './services.ts';
import { createStripeClient } from './stripe-client.ts';

test('Stripe API calls carry the correlation id of the work that made them', async () => {
  const api = await fakeStripeApi();
  try {
    const stripe = createStripeClient({ secretKey: 'sk_test_correlation', baseUrl: api.url, timeoutMs: 30_000 })!;
    const billing = createBillingServices({ graceDays: 3, stripe, returnUrl: 'https://app.example/account', logger: { warn: () => {} } });
    assert.ok(await billing.portalLink('cus_1', 'req_portal_42'));
    await stripe.events.list({ limit: 1 });
    const [inside, outside] = api.state.traceHeaders;
    assert.equal(inside?.requestId, 'req_portal_42');
    assert.match(inside?.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    assert.equal(outside?.requestId, undefined, 'no correlation id outside any request');
    assert.equal(api.state.portalSessions.length, 1);
  } finally {
    await api.close();
  }
});
