import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../gateway.ts';
import { ACCESS, jsonResponse, problemResponse } from '../http/contract.ts';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is up',
  security: ACCESS.public,
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ok') }), 'Always, while the process serves requests.'),
  },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'The database and the rate-limit store answer',
  security: ACCESS.public,
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal('ready'), database: z.literal('ok'), rateLimit: z.literal('ok') }),
      'The database answers, and the rate-limit store too when one is configured.',
    ),
    503: problemResponse('not_ready, naming which dependency is down, with Retry-After'),
  },
});

export function healthRoutes(gateway: Gateway) {
  const app = createRouter();
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const database = await gateway.db.query('select 1').then(() => true, () => false);
    const rateLimit = await gateway.limiter.ping().catch(() => false);
    if (database && rateLimit) return c.json({ status: 'ready' as const, database: 'ok' as const, rateLimit: 'ok' as const }, 200);
    return problem(c, 503, 'not_ready', `database: ${database ? 'ok' : 'down'}, rate limit store: ${rateLimit ? 'ok' : 'down'}`, { 'retry-after': '5' });
  });
  return app;
}
