import { readFile } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { ACCESS, problemResponse } from '../http/contract.ts';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import type { Logger } from '../http/logger.ts';
import { widgetBundle } from '../web/build-widget.ts';

const DEMO_PAGE = new URL('../web/demo/index.html', import.meta.url);

export const widgetScriptRoute = createRoute({
  method: 'get',
  path: '/widget.js',
  tags: ['widget'],
  summary: 'The embeddable chat widget (one script tag)',
  description:
    'Add `<script src="https://<gateway>/widget.js" data-title="…" async></script>` to a page. Pages on other sites may load it ' +
    '(Cross-Origin-Resource-Policy: cross-origin); its calls back to the gateway need the page origin in ALLOWED_ORIGINS.',
  security: ACCESS.public,
  responses: {
    200: { description: 'The widget, minified JavaScript.', content: { 'text/javascript': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched the ETag).' },
    503: problemResponse('widget_unavailable: the widget could not be built'),
  },
});

export const demoPageRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['widget'],
  summary: 'A sample landing page with the widget',
  security: ACCESS.public,
  responses: { 200: { description: 'An HTML page.', content: { 'text/html': { schema: z.string() } } } },
});

/** GET /widget.js (built in memory on first request) and GET / (the demo page). */
export function widgetRoutes(logger: Logger) {
  const app = createRouter();
  let page: Promise<string> | null = null;

  app.openapi(widgetScriptRoute, async (c) => {
    let bundle;
    try {
      bundle = await widgetBundle();
    } catch (error) {
      logger.error({ err: error, requestId: c.get('requestId') }, 'widget build failed');
      return problem(c, 503, 'widget_unavailable', 'The chat widget is unavailable right now.');
    }
    // Revalidated every few minutes: a new deployment reaches host pages soon, unchanged code costs a 304.
    c.header('cache-control', 'public, max-age=300');
    c.header('etag', bundle.etag);
    if (c.req.header('if-none-match') === bundle.etag) return c.body(null, 304);
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(bundle.code, 200);
  });

  app.openapi(demoPageRoute, async (c) => {
    page ??= readFile(DEMO_PAGE, 'utf8');
    // The nonce of this response's CSP (set by the secure-headers middleware) unlocks the page's own stylesheet.
    const html = (await page).replace('{{nonce}}', c.get('secureHeadersNonce') ?? '');
    c.header('cache-control', 'no-store');
    return c.html(html, 200);
  });
  return app;
}
