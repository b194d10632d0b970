import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import type { Database } from '../../src/store/database.ts';
import { testGateway } from './gateway.ts';

/** The gateway on a real port, as a browser reaches it. */
export async function startGatewayServer(db: Database, env: Record<string, string>) {
  // http: the visitor cookie is not marked Secure, as for `npm start` on 127.0.0.1.
  const { app, gateway } = await testGateway(db, { PUBLIC_BASE_URL: 'http://127.0.0.1:3000', ...env });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    gateway,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A host site of its own origin: serves `pages[path]` as HTML, the page a company embeds the widget in. */
export async function startHostSite() {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0]!);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const hostPage = (gatewayUrl: string, { css = '', body = '<main><h1>Host page</h1><p>Some content.</p></main>' } = {}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"><style>${css}</style></head>` +
  `<body>${body}<script src="${gatewayUrl}/widget.js" data-title="Support" async></script></body></html>`;

/** The widget's parts; Playwright's CSS selectors pierce its open shadow root. */
export const widget = (page: Page) => {
  const root = page.locator('toolgate-widget');
  return {
    root,
    launcher: root.locator('.launcher'),
    panel: root.locator('.panel'),
    input: root.locator('textarea'),
    log: root.locator('.log'),
    handoff: root.locator('.handoff'),
    outcome: (kind: string) => root.locator(`.outcome[data-kind="${kind}"]`),
    async open() {
      await root.locator('.launcher').click();
      await root.locator('.panel').waitFor({ state: 'visible' });
    },
    async say(text: string) {
      await root.locator('textarea').fill(text);
      await root.locator('textarea').press('Enter');
    },
  };
};
