import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../gateway.ts';
import { ACCESS, problemResponse } from '../http/contract.ts';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { metrics, registry } from '../observability/metrics.ts';
import { outboxStatsByTopic } from '../store/queue-stats.ts';

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['health'],
  summary: 'Prometheus metrics (text exposition format)',
  description:
    'Every metric is listed in the README. When METRICS_TOKEN is set, the scraper must send `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); unset, the endpoint is open, so bind it to a private network.',
  // Not the user or admin bearer scheme: a scraper's own shared token, optional by configuration.
  security: ACCESS.public,
  responses: {
    200: { description: 'The metrics.', content: { 'text/plain': { schema: z.string() } } },
    401: problemResponse('unauthorized: METRICS_TOKEN is set and the bearer token is missing or wrong'),
    503: problemResponse('database_unavailable: the outbox gauges could not be read'),
  },
});

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function sameToken(sent: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/** Reads the outbox gauges from the database: every worker process shares one queue. */
async function refreshQueueGauges(gateway: Gateway): Promise<void> {
  const stats = await outboxStatsByTopic(gateway.db);
  // A topic that emptied must read 0, not its last value.
  metrics.outboxDepth.reset();
  metrics.outboxOldestAge.reset();
  metrics.deadLetters.reset();
  for (const s of stats) {
    metrics.outboxDepth.set({ topic: s.topic }, s.depth);
    metrics.outboxOldestAge.set({ topic: s.topic }, s.oldestAgeSeconds);
    metrics.deadLetters.set({ topic: s.topic }, s.dead);
  }
}

export function metricsRoutes(gateway: Gateway) {
  const app = createRouter();
  const token = gateway.config.METRICS_TOKEN;
  app.openAPIRegistry.registerPath(metricsRoute);
  app.get('/metrics', async (c) => {
    if (token) {
      const header = c.req.header('authorization') ?? '';
      const sent = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sent || !sameToken(sent, token)) return problem(c, 401, 'unauthorized', 'Send the metrics bearer token.', { 'www-authenticate': 'Bearer' });
    }
    await refreshQueueGauges(gateway);
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  });
  return app;
}
