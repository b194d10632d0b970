import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { reconcileExclusive } from '../../billing/reconcile.ts';
import { reprocessStripeEvent } from '../../billing/ingest.ts';
import { billingView } from '../../billing/view.ts';
import { jsonResponse, problemResponse } from '../../http/contract.ts';
import { problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { findAccounts, invoicesOfCustomer } from '../../store/billing.ts';
import { DatabaseError } from '../../store/database-error.ts';
import { stripeEventsOfCustomer } from '../../store/stripe-events.ts';
import { billingState } from '../billing-contract.ts';
import { adminProblems, adminRoute, invalidFilters, listOf, timestamp } from './contract.ts';

const stripeEvent = z
  .object({
    id: z.string(),
    type: z.string(),
    apiVersion: z.string().nullable(),
    created: timestamp,
    livemode: z.boolean(),
    payloadSha256: z.string(),
    customerId: z.string().nullable(),
    status: z.enum(['received', 'processed', 'ignored', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    receivedAt: timestamp,
    processedAt: timestamp.nullable(),
  })
  .openapi('StripeEvent');

const billingAccount = z
  .object({
    stripeCustomerId: z.string().nullable(),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    customerDeleted: z.boolean(),
    state: billingState,
    events: z.array(stripeEvent),
  })
  .openapi('BillingAccount');

export const adminBillingRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/billing',
  summary: 'Billing state of a customer, with its Stripe event history',
  request: {
    query: z
      .object({ email: z.string().trim().min(3).max(254).optional(), customerId: z.string().trim().regex(/^cus_[A-Za-z0-9]{1,255}$/).optional() })
      .refine((q) => Boolean(q.email) !== Boolean(q.customerId), 'give exactly one of email or customerId'),
  },
  responses: { 200: listOf(billingAccount, 'Matching customers (several can share an email).'), ...invalidFilters, ...adminProblems },
});

const ingestResult = z.object({ eventId: z.string(), status: z.enum(['processed', 'ignored', 'failed']), error: z.string().optional() });

export const reprocessRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/v1/webhooks/stripe/{eventId}/reprocess',
  summary: 'Apply a stored Stripe event again (safe: every change is versioned, every effect keyed)',
  request: { params: z.object({ eventId: z.string().regex(/^evt_[A-Za-z0-9_]{1,255}$/).openapi({ param: { name: 'eventId', in: 'path' } }) }) },
  responses: {
    200: jsonResponse(ingestResult, 'The outcome of this attempt.'),
    400: problemResponse('invalid_request: not an event id'),
    404: problemResponse('not_found: no stored event with that id'),
    ...adminProblems,
  },
});

export const reconcileRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/v1/stripe/reconcile',
  summary: 'Catch up: list Stripe events since the newest stored one and apply the missing ones',
  responses: {
    200: jsonResponse(
      z.object({ since: timestamp, listed: z.number().int(), applied: z.number().int(), duplicates: z.number().int(), failed: z.number().int() }),
      'What the catch-up found and applied.',
    ),
    409: problemResponse('stripe_not_configured: STRIPE_SECRET_KEY is not set; reconcile_running: another catch-up (this route or the periodic job) is running'),
    502: problemResponse('stripe_unavailable: the Stripe API failed or timed out'),
    ...adminProblems,
  },
});

export function billingAdminRoutes({ db, config, billing, logger }: Gateway) {
  const app = createRouter();
  const options = () => ({ graceDays: config.BILLING_GRACE_DAYS, publicBaseUrl: config.PUBLIC_BASE_URL, now: new Date() });

  app.openapi(adminBillingRoute, async (c) => {
    const accounts = await findAccounts(db, c.req.valid('query'));
    const items = [];
    for (const a of accounts) {
      const invoices = a.stripeCustomerId ? await invoicesOfCustomer(db, a.stripeCustomerId) : [];
      const due = Object.entries(
        invoices.filter((i) => i.status === 'open').reduce<Record<string, number>>((sum, i) => {
          sum[i.currency] = (sum[i.currency] ?? 0) + (i.amountRemaining ?? i.amountDue - i.amountPaid);
          return sum;
        }, {}),
      ).map(([currency, amount]) => ({ currency, amount }));
      items.push({
        stripeCustomerId: a.stripeCustomerId,
        userId: a.userId,
        email: a.email,
        customerDeleted: a.customerDeleted,
        state: billingView(a, invoices, due, new Date(), billing.graceDays),
        events: a.stripeCustomerId ? await stripeEventsOfCustomer(db, a.stripeCustomerId) : [],
      });
    }
    return c.json({ items }, 200);
  });

  app.openapi(reprocessRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const result = await reprocessStripeEvent(db, eventId, options());
    if (!result) return problem(c, 404, 'not_found', 'No stored Stripe event with that id.');
    if (result.duplicate) throw new Error('reprocess never reports a duplicate');
    return c.json({ eventId, status: result.status, ...(result.status === 'failed' ? { error: result.error } : {}) }, 200);
  });

  app.openapi(reconcileRoute, async (c) => {
    if (!billing.stripe) return problem(c, 409, 'stripe_not_configured', 'Set STRIPE_SECRET_KEY to list events from Stripe.');
    try {
      const report = await reconcileExclusive(db, billing.stripe, options);
      if (report === 'running') return problem(c, 409, 'reconcile_running', 'A catch-up is already running; try again when it has finished.');
      return c.json(report, 200);
    } catch (error) {
      // The database's own failures keep their meaning (503 from the error handler); only Stripe's are a 502.
      if (error instanceof DatabaseError) throw error;
      logger.warn({ requestId: c.get('requestId'), error: error instanceof Error ? error.name : 'error' }, 'stripe reconcile failed');
      return problem(c, 502, 'stripe_unavailable', 'Stripe did not answer; nothing was lost, try again.');
    }
  });
  return app;
}
