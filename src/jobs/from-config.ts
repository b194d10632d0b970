import type { Config } from '../config.ts';
import type { Logger } from '../http/logger.ts';
import { crmFromConfig } from '../integrations/crm/index.ts';
import { helpdeskFromConfig } from '../integrations/helpdesk/index.ts';
import { emailAlerter } from '../integrations/notify/email.ts';
import type { Database } from '../store/database.ts';
import { alertChannels } from './handlers/notify.ts';
import { buildHandlers } from './handlers/index.ts';
import { reconcileExclusive } from '../billing/reconcile.ts';
import { createStripeClient } from '../billing/stripe-client.ts';
import { checkAlertRulesExclusive } from './alert-check.ts';
import { createOutboxWorker, type OutboxWorker, type PeriodicTask, type WorkerOptions } from './worker.ts';

/** The worker the configuration describes: its vendors, alert channels, lease and deadlines. */
export function workerFromConfig(config: Config, db: Database, logger: Logger, overrides: Partial<WorkerOptions> = {}): OutboxWorker {
  const alerts = {
    slackUrl: config.ALERT_WEBHOOK_URL,
    sendEmail:
      config.SMTP_URL && config.ALERT_EMAIL_TO
        ? emailAlerter({ smtpUrl: config.SMTP_URL, to: config.ALERT_EMAIL_TO, from: config.ALERT_EMAIL_FROM, timeoutMs: config.OUTBOX_TIMEOUT_MS })
        : undefined,
  };
  const channels = alertChannels(alerts);
  const periodic: PeriodicTask[] = [
    {
      name: 'alert-check',
      everyMs: config.ALERT_CHECK_INTERVAL_MS,
      run: () => checkAlertRulesExclusive(db, { channels, publicBaseUrl: config.PUBLIC_BASE_URL, logger }),
    },
  ];
  const stripe = config.STRIPE_RECONCILE_INTERVAL_MS > 0 ? createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, baseUrl: config.STRIPE_API_BASE_URL, timeoutMs: config.STRIPE_TIMEOUT_MS }) : null;
  if (stripe) {
    periodic.push({
      name: 'stripe-reconcile',
      everyMs: config.STRIPE_RECONCILE_INTERVAL_MS,
      async run() {
        const report = await reconcileExclusive(db, stripe, () => ({ graceDays: config.BILLING_GRACE_DAYS, publicBaseUrl: config.PUBLIC_BASE_URL, now: new Date() }));
        if (report !== 'running' && report.listed > report.duplicates) logger.info({ report }, 'stripe catch-up applied missed events');
      },
    });
  }
  return createOutboxWorker({
    periodic,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    db,
    logger,
    handlers: buildHandlers({ crm: crmFromConfig(config), helpdesk: helpdeskFromConfig(config), alerts }),
    alertChannels: channels,
    leaseMs: config.OUTBOX_LEASE_MS,
    timeoutMs: config.OUTBOX_TIMEOUT_MS,
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    ...overrides,
  });
}
