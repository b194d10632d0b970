import type { Config } from '../config.ts';
import type { Logger } from '../http/logger.ts';
import { crmFromConfig } from '../integrations/crm/index.ts';
import { helpdeskFromConfig } from '../integrations/helpdesk/index.ts';
import { emailAlerter } from '../integrations/notify/email.ts';
import type { Database } from '../store/database.ts';
import { alertChannels } from './handlers/notify.ts';
import { buildHandlers } from './handlers/index.ts';
import { createOutboxWorker, type OutboxWorker, type WorkerOptions } from './worker.ts';

/** The worker the configuration describes: its vendors, alert channels, lease and deadlines. */
export function workerFromConfig(config: Config, db: Database, logger: Logger, overrides: Partial<WorkerOptions> = {}): OutboxWorker {
  const alerts = {
    slackUrl: config.ALERT_WEBHOOK_URL,
    sendEmail:
      config.SMTP_URL && config.ALERT_EMAIL_TO
        ? emailAlerter({ smtpUrl: config.SMTP_URL, to: config.ALERT_EMAIL_TO, from: config.ALERT_EMAIL_FROM, timeoutMs: config.OUTBOX_TIMEOUT_MS })
        : undefined,
  };
  return createOutboxWorker({
    db,
    logger,
    handlers: buildHandlers({ crm: crmFromConfig(config), helpdesk: helpdeskFromConfig(config), alerts }),
    alertChannels: alertChannels(alerts),
    leaseMs: config.OUTBOX_LEASE_MS,
    timeoutMs: config.OUTBOX_TIMEOUT_MS,
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    ...overrides,
  });
}
