import { createRoute } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { billingView } from '../../billing/view.ts';
import { ACCESS, jsonResponse, problemResponse } from '../../http/contract.ts';
import { createRouter } from '../../http/router.ts';
import { userSession } from '../../http/session.ts';
import { amountsDue, findAccountOfUser, linkByVerifiedEmail, recentInvoices } from '../../store/billing.ts';
import { billingState } from '../billing-contract.ts';

export const meBillingRoute = createRoute({
  method: 'get',
  path: '/v1/me/billing',
  tags: ['me'],
  summary: "The signed-in user's own billing state and entitlement",
  security: ACCESS.user,
  responses: {
    200: jsonResponse(billingState, 'The caller’s state; `linked: false` when no Stripe customer is linked yet.'),
    401: problemResponse('unauthorized: no bearer token, or one that does not verify'),
    500: problemResponse('internal_error'),
  },
});

export function meBillingRoutes({ db, authenticate, billing }: Gateway) {
  const app = createRouter();
  app.use('/v1/me/billing', userSession(authenticate));
  app.openapi(meBillingRoute, async (c) => {
    const { userId, email } = c.get('session');
    // Signing in is when a customer Stripe knew before (same verified email) becomes this user's.
    if (email) await linkByVerifiedEmail(db, userId!, email);
    const account = await findAccountOfUser(db, userId!);
    const view = billingView(account, await recentInvoices(db, userId!, 20), await amountsDue(db, userId!), new Date(), billing.graceDays);
    return c.json(view, 200);
  });
  return app;
}
