import type { MiddlewareHandler } from 'hono';
import { inSpan } from './tracing.ts';

/**
 * One server span per request, so a turn's decisions, writes and model calls share one trace.
 * Named by method only: the matched route is not known before routing, and raw paths (ids in
 * them) would make a span name per resource. Off, it is a plain call to the next handler.
 */
export function requestSpans(): MiddlewareHandler {
  return (c, next) =>
    inSpan(`HTTP ${c.req.method}`, { 'http.request.method': c.req.method, 'url.path': c.req.path }, async (span) => {
      await next();
      span.setAttribute('http.response.status_code', c.res.status);
    });
}
