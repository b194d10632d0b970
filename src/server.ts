import { HTTPException } from 'hono/http-exception';
import type { Gateway } from './gateway.ts';
import { accessLog, corsAllowlist, limitBody, requestIds, securityHeaders } from './http/middleware.ts';
import { problem } from './http/problem.ts';
import { createRouter } from './http/router.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { chatRoutes } from './routes/chat.ts';
import { docsRoutes } from './routes/docs.ts';
import { healthRoutes } from './routes/health.ts';
import { meRequestRoutes } from './routes/me-requests.ts';
import { serveOpenApi } from './routes/openapi.ts';

/** The HTTP app: middleware in the order the design lists, then the routes, then their OpenAPI document. */
export function createApp(gateway: Gateway) {
  const app = createRouter();
  app.use('*', requestIds());
  app.use('*', accessLog(gateway.logger));
  app.use('*', securityHeaders());
  app.use('*', corsAllowlist(gateway.config.ALLOWED_ORIGINS));
  app.use('*', limitBody(gateway.config.MAX_BODY_BYTES));

  app.route('/', healthRoutes(gateway));
  app.route('/', chatRoutes(gateway));
  app.route('/', meRequestRoutes(gateway));
  app.route('/', adminRoutes(gateway));
  app.route('/', docsRoutes());
  serveOpenApi(app);

  app.notFound((c) => problem(c, 404, 'not_found'));
  app.onError((error, c) => {
    // The contracts' body validators refuse a body that is not JSON before any handler runs.
    if (error instanceof HTTPException && error.status === 400) return problem(c, 400, 'invalid_request', 'The body is not valid JSON.');
    if (error instanceof HTTPException && error.status === 415) {
      return problem(c, 415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    gateway.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problem(c, 500, 'internal_error', 'Something went wrong on our side.');
  });
  return app;
}
