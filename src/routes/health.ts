import { Hono } from 'hono';
import type { Gateway } from '../gateway.ts';
import { problem } from '../http/problem.ts';

export function healthRoutes(gateway: Gateway) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  /** Ready when the database answers, and the rate-limit store too when one is configured. */
  app.get('/readyz', async (c) => {
    const database = await gateway.db.query('select 1').then(() => true, () => false);
    const rateLimit = await gateway.limiter.ping().catch(() => false);
    if (database && rateLimit) return c.json({ status: 'ready', database: 'ok', rateLimit: 'ok' });
    return problem(c, 503, 'not_ready', `database: ${database ? 'ok' : 'down'}, rate limit store: ${rateLimit ? 'ok' : 'down'}`);
  });
  return app;
}
