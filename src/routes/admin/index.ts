import type { Gateway } from '../../gateway.ts';
import { createRouter } from '../../http/router.ts';
import { adminSession } from '../../http/session.ts';
import { auditRoutes } from './audit.ts';
import { billingAdminRoutes } from './billing.ts';
import { contactRoutes } from './contacts.ts';
import { conversationRoutes } from './conversations.ts';
import { jobRoutes } from './jobs.ts';
import { policyShadowRoutes } from './policy-shadow.ts';
import { ticketRoutes } from './tickets.ts';
import { traceRoutes } from './trace.ts';
import { workflowRoutes } from './workflows.ts';

/** Operator endpoints: every path under /admin/v1 is refused before routing unless the caller is an admin (the console under /admin has its own session). */
export function adminRoutes(gateway: Gateway) {
  const app = createRouter();
  app.use('/admin/v1/*', adminSession(gateway));
  app.route('/', auditRoutes(gateway));
  app.route('/', contactRoutes(gateway));
  app.route('/', ticketRoutes(gateway));
  app.route('/', conversationRoutes(gateway));
  app.route('/', jobRoutes(gateway));
  app.route('/', billingAdminRoutes(gateway));
  app.route('/', traceRoutes(gateway));
  app.route('/', policyShadowRoutes(gateway));
  app.route('/', workflowRoutes(gateway));
  return app;
}
