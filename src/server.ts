import { Hono } from 'hono';
import type { Gateway } from './gateway.ts';
import { accessLog, corsAllowlist, limitBody, requestId, securityHeaders } from './http/middleware.ts';
import { problem } from './http/problem.ts';
import { adminRoutes } from './routes/admin.ts';
import { chatRoutes } from './routes/chat.ts';
import { healthRoutes } from './routes/health.ts';

/** The HTTP app: middleware in the order the design lists, then the routes. */
export function createApp(gateway: Gateway) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use('*', requestId());
  app.use('*', accessLog(gateway.logger));
  app.use('*', securityHeaders());
  app.use('*', corsAllowlist(gateway.config.ALLOWED_ORIGINS));
  app.use('*', limitBody(gateway.config.MAX_BODY_BYTES));

  app.route('/', healthRoutes(gateway));
  app.route('/', chatRoutes(gateway));
  app.route('/', adminRoutes(gateway));

  app.notFound((c) => problem(c, 404, 'not_found'));
  app.onError((error, c) => {
    gateway.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problem(c, 500, 'internal_error', 'Something went wrong on our side.');
  });
  return app;
}
