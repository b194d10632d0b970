import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { ingestStripeEvent } from '../../billing/ingest.ts';
import { verifyStripeEvent } from '../../billing/verify.ts';
import { webhookCounters } from '../../billing/webhook-metrics.ts';
import { countWebhookRejection } from '../../store/stripe-events.ts';
import { ACCESS, jsonResponse, problemResponse } from '../../http/contract.ts';
import { limitBody } from '../../http/middleware.ts';
import { problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { metrics } from '../../observability/metrics.ts';
import { inSpan, withSpanCorrelation } from '../../observability/tracing.ts';

const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

export const stripeWebhookRoute = createRoute({
  method: 'post',
  path: STRIPE_WEBHOOK_PATH,
  tags: ['webhooks'],
  summary: 'Receive a Stripe event (signed with the endpoint secret)',
  description:
    'The raw body is verified with the Stripe-Signature header against STRIPE_WEBHOOK_SECRET (tolerance 300 s), stored once by its event id and applied in the same transaction. No bearer token: the signature is the credential.',
  security: ACCESS.public,
  request: {
    headers: z.object({ 'stripe-signature': z.string().optional().openapi({ description: 't=<unix time>,v1=<HMAC-SHA256>' }) }),
    body: { content: { 'application/json': { schema: z.object({}).passthrough().openapi({ description: 'A Stripe Event object, as Stripe sent it.' }) } }, required: true },
  },
  responses: {
    200: jsonResponse(z.object({ received: z.literal(true), duplicate: z.boolean() }), 'Stored and applied, or a redelivery of an event already handled.'),
    400: problemResponse('invalid_signature: missing, forged or stale signature; invalid_request: a verified body that is not a Stripe event'),
    413: problemResponse('payload_too_large: above STRIPE_WEBHOOK_MAX_BODY_BYTES'),
    500: problemResponse('internal_error: the event is stored as failed; Stripe retries it'),
    503: problemResponse('webhook_not_configured: no STRIPE_WEBHOOK_SECRET; Stripe retries later'),
  },
});

/** Stripe → gateway. Verified before anything is stored; answered as soon as the one transaction commits. */
export function stripeWebhookRoutes({ db, config, logger }: Gateway) {
  const app = createRouter();
  // Stripe events can be larger than a chat message; this route has its own limit (server.ts skips the global one here).
  app.use(STRIPE_WEBHOOK_PATH, limitBody(config.STRIPE_WEBHOOK_MAX_BODY_BYTES));
  // Documented from the contract, handled without body validation: the signature covers the exact raw bytes.
  app.openAPIRegistry.registerPath(stripeWebhookRoute);
  app.post(
    STRIPE_WEBHOOK_PATH,
    async (c) => {
      const requestId = c.get('requestId');
      if (config.STRIPE_WEBHOOK_SECRET.length === 0) {
        webhookCounters.rejected.not_configured++;
        metrics.webhookEvents.inc({ provider: 'stripe', type: 'unknown', outcome: 'not_configured' });
        logger.warn({ requestId }, 'stripe webhook refused: STRIPE_WEBHOOK_SECRET is not set');
        return problem(c, 503, 'webhook_not_configured', 'Set STRIPE_WEBHOOK_SECRET to accept Stripe events.');
      }
      const raw = await c.req.text();
      const verified = await verifyStripeEvent(raw, c.req.header('stripe-signature'), config.STRIPE_WEBHOOK_SECRET);
      if (!verified.ok) {
        webhookCounters.rejected[verified.reason]++;
        // An unverified body's type is not Stripe's word: refusals are counted without one.
        metrics.webhookEvents.inc({ provider: 'stripe', type: 'unknown', outcome: verified.reason });
        logger.warn({ requestId, reason: verified.reason, bytes: raw.length }, 'stripe webhook refused');
        // Counted in the database too, for the webhook-failure alert across processes; a
        // database hiccup here loses one count, never turns the 400 into a 5xx.
        await countWebhookRejection(db, verified.reason).catch((error: unknown) =>
          logger.warn({ requestId, error: error instanceof Error ? error.name : 'error' }, 'webhook rejection not counted'),
        );
        return verified.reason === 'malformed_event'
          ? problem(c, 400, 'invalid_request', 'The signed body is not a Stripe event.')
          : problem(c, 400, 'invalid_signature', 'The Stripe-Signature header does not verify.');
      }
      const { event } = verified;
      // From here on the event id is the correlation id: its span, the outbox jobs it queues (their
      // vendor calls and alerts), and GET /admin/v1/trace/{event id} tells its story.
      const result = await withSpanCorrelation(event.id, () =>
        inSpan('stripe.webhook.ingest', { 'toolgate.stripe.event_type': event.type, 'toolgate.stripe.event_id': event.id }, async (span) => {
          const ingested = await ingestStripeEvent(db, event, raw, {
            graceDays: config.BILLING_GRACE_DAYS,
            publicBaseUrl: config.PUBLIC_BASE_URL,
            now: new Date(),
          });
          span.setAttribute('toolgate.outcome', ingested.duplicate ? 'duplicate' : ingested.status);
          return ingested;
        }),
      );
      metrics.webhookEvents.inc({ provider: 'stripe', type: event.type, outcome: result.duplicate ? 'duplicate' : result.status });
      webhookCounters.received++;
      if (result.duplicate) {
        webhookCounters.duplicates++;
        return c.json({ received: true as const, duplicate: true }, 200);
      }
      if (result.status === 'failed') {
        webhookCounters.failed++;
        logger.error({ requestId, correlationId: event.id, eventId: event.id, type: event.type, error: result.error }, 'stripe event failed; stored for retry');
        return problem(c, 500, 'internal_error', 'The event is stored and will be retried.');
      }
      logger.info({ requestId, correlationId: event.id, eventId: event.id, type: event.type, status: result.status }, 'stripe event');
      return c.json({ received: true as const, duplicate: false }, 200);
    },
  );
  return app;
}
