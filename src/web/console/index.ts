import { Hono } from 'hono';
import type { Gateway } from '../../gateway.ts';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.ts';
import { auditPages } from './pages/audit.tsx';
import { billingPages } from './pages/billing.tsx';
import { conversationPages } from './pages/conversations.tsx';
import { digestPages } from './pages/digest.tsx';
import { exceptionsPages } from './pages/exceptions.tsx';
import { requestPages } from './pages/requests.tsx';
import { signInPages } from './pages/sign-in.tsx';
import { tracePages } from './pages/trace.tsx';
import { workflowPages } from './pages/workflows.tsx';
import { consoleSession, sameOriginForms, type ConsoleEnv } from './session.ts';

/**
 * The founder console at /admin: server-rendered pages over the same store functions as the
 * admin API, behind a session cookie (see session.ts). Not part of the OpenAPI document: it is
 * a browser application, and its own security tests cover every path (test/console-security.test.ts).
 */
export function consoleRoutes(gateway: Gateway) {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/*', sameOriginForms(gateway.config.PUBLIC_BASE_URL));
  app.use('/admin/*', consoleSession(gateway));
  app.use('/admin', consoleSession(gateway));

  app.get('/admin/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/admin/assets/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/admin', (c) => c.redirect('/admin/exceptions', 303));

  signInPages(app, gateway);
  exceptionsPages(app, gateway);
  conversationPages(app, gateway);
  requestPages(app, gateway);
  billingPages(app, gateway);
  auditPages(app, gateway);
  workflowPages(app, gateway);
  digestPages(app, gateway);
  tracePages(app, gateway);
  return app;
}
