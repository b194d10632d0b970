import { HTTPException } from 'hono/http-exception';
import type { Gateway } from './gateway.ts';
import { accessLog, clientAddress, corsAllowlist, limitBody, requestIds, securityHeaders } from './http/middleware.ts';
import { problem } from './http/problem.ts';
import { requestSpans } from './observability/http-span.ts';
import { refuseUnstorableText } from './http/storable-input.ts';
import { classifyDatabaseError } from './store/classify-database-error.ts';
import { createRouter } from './http/router.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { chatRoutes } from './routes/chat.ts';
import { conversationMessageRoutes } from './routes/conversation-messages.ts';
import { docsRoutes } from './routes/docs.ts';
import { healthRoutes } from './routes/health.ts';
import { meBillingRoutes } from './routes/me/billing.ts';
import { meRequestRoutes } from './routes/me-requests.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { serveOpenApi } from './routes/openapi.ts';
import { stripeWebhookRoutes } from './routes/webhooks/stripe.ts';
import { consoleRoutes } from './web/console/index.ts';
import { widgetRoutes } from './routes/widget.ts';

/** Long enough for a pool to reconnect or a failover to finish; short enough that a client retries soon. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The HTTP app: middleware in the order the design lists, then the routes, then their OpenAPI document. */
export function createApp(gateway: Gateway) {
  const app = createRouter();
  app.use('*', requestIds());
  app.use('*', requestSpans());
  app.use('*', clientAddress(gateway.config.TRUST_PROXY));
  app.use('*', accessLog(gateway.logger));
  app.use('*', securityHeaders());
  app.use('*', corsAllowlist(gateway.config.ALLOWED_ORIGINS));
  // The Stripe webhook reads its raw body for the signature and sets its own, larger body
  // limit, so it is mounted before the body middleware: Hono runs what matches in registration
  // order, and the webhook's handler answers without calling on. Every later route gets both.
  app.route('/', stripeWebhookRoutes(gateway));
  app.use('*', limitBody(gateway.config.MAX_BODY_BYTES));
  app.use('*', refuseUnstorableText());

  app.route('/', healthRoutes(gateway));
  app.route('/', metricsRoutes(gateway));
  app.route('/', chatRoutes(gateway));
  app.route('/', conversationMessageRoutes(gateway));
  app.route('/', meRequestRoutes(gateway));
  app.route('/', meBillingRoutes(gateway));
  app.route('/', adminRoutes(gateway));
  app.route('/', consoleRoutes(gateway));
  app.route('/', docsRoutes());
  app.route('/', widgetRoutes(gateway.logger));
  serveOpenApi(app);

  app.notFound((c) => problem(c, 404, 'not_found'));
  app.onError((error, c) => {
    // The contracts' body validators refuse a body that is not JSON before any handler runs.
    if (error instanceof HTTPException && error.status === 400) return problem(c, 400, 'invalid_request', 'The body is not valid JSON.');
    if (error instanceof HTTPException && error.status === 415) {
      return problem(c, 415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    const database = classifyDatabaseError(error);
    gateway.logger.error({ err: error, requestId: c.get('requestId'), ...(database ? { database: database.kind, sqlState: database.code } : {}) }, 'unhandled error');
    if (database?.retryable) {
      return problem(c, 503, 'database_unavailable', 'The database is unavailable; nothing was changed. Try again shortly.', {
        'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
      });
    }
    if (database?.kind === 'rejected_input') return problem(c, 400, 'invalid_input', 'The database refused a value in the request.');
    return problem(c, 500, 'internal_error', 'Something went wrong on our side.');
  });
  return app;
}
