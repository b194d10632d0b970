import type { Queryable } from '../store/database.ts';
import {
  failingStripeEvents,
  failingTicketCreates,
  recentDuplicateEvents,
  staleCrmJobs,
  supportBacklog,
  unprocessedMoneyEvents,
  waitingVisitors,
  webhookFailuresSince,
} from '../store/alert-signals.ts';

/** One thing wrong right now: `key` names the episode, `page` is the console path where the founder acts. */
export interface AlertSignal {
  key: string;
  message: string;
  page: string;
}

/**
 * An alert rule: a condition read from the database and what to tell the founder. Each signal
 * opens one episode (kind, key) that alerts once; when the signal is gone the episode closes,
 * and the condition holding again later is a new episode that alerts again.
 */
export interface AlertRule {
  kind: string;
  /** What the rule watches, in the founder's words (README and console). */
  description: string;
  signals(db: Queryable): Promise<AlertSignal[]>;
}

/** Console pages (src/web/console) where the founder acts on each alert. */
export const CONSOLE_PAGES = {
  exceptions: '/admin/exceptions',
  tickets: '/admin/requests',
  conversation: (id: string) => `/admin/conversations/${encodeURIComponent(id)}`,
  billing: (customerId: string | null) => (customerId ? `/admin/billing/${encodeURIComponent(customerId)}` : '/admin/billing'),
  // The exceptions page gives each job's resolve field the id `note-<job id>`: the link scrolls to that job.
  job: (id: number) => `/admin/exceptions#note-${id}`,
} as const;

const MINUTE = 60_000;

/** The thresholds of the seeds' rules; tests and the README read them from here. */
export const ALERT_THRESHOLDS = {
  webhookRetries: 3,
  /** More than `count` failures of any kind, or `signatures` refused signatures (issue 10 asks for three or more of those). */
  webhookFailures: { count: 3, signatures: 3, windowMs: 10 * MINUTE },
  duplicateWindowMs: 10 * MINUTE,
  crmSyncMs: 5 * MINUTE,
  ticketCreateAttempts: 3,
  moneyEventMs: 10 * MINUTE,
  backlogMs: 24 * 60 * MINUTE,
  /** A visitor writing into a taken-over conversation with no answer from the person for this long. */
  visitorWaitingMs: 2 * MINUTE,
} as const;

const T = ALERT_THRESHOLDS;
const minutes = (ms: number) => Math.round(ms / MINUTE);

export const ALERT_RULES: readonly AlertRule[] = [
  {
    kind: 'webhook_processing_failing',
    description: `A verified Stripe event still fails after ${T.webhookRetries} attempts`,
    async signals(db) {
      return (await failingStripeEvents(db, T.webhookRetries)).map((e) => ({
        key: e.id,
        message: `Stripe event ${e.id} (${e.type}) has failed ${e.attempts} times: ${e.lastError ?? 'no error recorded'}. Billing state may be behind Stripe.`,
        page: CONSOLE_PAGES.billing(e.customerId),
      }));
    },
  },
  {
    kind: 'webhook_failures',
    description: `More than ${T.webhookFailures.count} webhook failures (refused signatures, malformed bodies, failed processing), or ${T.webhookFailures.signatures} or more refused signatures, in ${minutes(T.webhookFailures.windowMs)} minutes`,
    async signals(db) {
      const { rejected, failed, signatures } = await webhookFailuresSince(db, T.webhookFailures.windowMs);
      if (rejected + failed <= T.webhookFailures.count && signatures < T.webhookFailures.signatures) return [];
      return [
        {
          key: 'stripe',
          message: `${rejected + failed} Stripe webhook failures in the last ${minutes(T.webhookFailures.windowMs)} minutes (${rejected} refused, ${failed} failed processing). Check STRIPE_WEBHOOK_SECRET and the endpoint in the Stripe dashboard.`,
          page: CONSOLE_PAGES.billing(null),
        },
      ];
    },
  },
  {
    kind: 'duplicate_events',
    description: `Stripe delivered an event we had already handled (in the last ${minutes(T.duplicateWindowMs)} minutes)`,
    async signals(db) {
      const events = await recentDuplicateEvents(db, T.duplicateWindowMs);
      if (events.length === 0) return [];
      const sample = events.slice(0, 3).map((e) => `${e.id} (${e.type}, ${e.duplicates}x)`).join(', ');
      return [
        {
          key: 'stripe',
          message: `${events.length} Stripe event id(s) were delivered again after being handled, e.g. ${sample}. Nothing was applied twice; repeated redeliveries mean Stripe is not seeing our 2xx answers.`,
          page: CONSOLE_PAGES.billing(null),
        },
      ];
    },
  },
  {
    // Same kind and key as the worker's own sweep, so the two never page twice for one job.
    kind: 'crm_sync_pending',
    description: `A CRM sync still not delivered ${minutes(T.crmSyncMs)} minutes after it was queued`,
    async signals(db) {
      return (await staleCrmJobs(db, T.crmSyncMs)).map((j) => ({
        key: String(j.id),
        message: `CRM sync job ${j.id} (${j.topic}) has been pending for more than ${minutes(T.crmSyncMs)} minutes (${j.attempts} attempt(s)).`,
        page: CONSOLE_PAGES.job(j.id),
      }));
    },
  },
  {
    // Same kind and key as the helpdesk handler's own rule.
    kind: 'ticket_create_failing',
    description: `A ticket could not be created in the helpdesk after ${T.ticketCreateAttempts} attempts`,
    async signals(db) {
      return (await failingTicketCreates(db, T.ticketCreateAttempts)).map((j) => ({
        key: String(j.id),
        message: `Ticket ${j.ticketId ?? '?'} could not be created in the helpdesk (${j.failures} failed attempts, ${j.status === 'dead' ? 'dead-lettered' : 'still retrying'}): ${j.lastError ?? 'no error recorded'}. It is kept as a queued support task.`,
        page: CONSOLE_PAGES.job(j.id),
      }));
    },
  },
  {
    kind: 'money_event_unprocessed',
    description: `A refund or dispute from Stripe not processed ${minutes(T.moneyEventMs)} minutes after it arrived`,
    async signals(db) {
      return (await unprocessedMoneyEvents(db, T.moneyEventMs)).map((e) => ({
        key: e.id,
        message: `Stripe ${e.type} ${e.id} is ${e.status} after more than ${minutes(T.moneyEventMs)} minutes${e.lastError ? ` (${e.lastError})` : ''}: access and the ticket may not reflect it yet.`,
        page: CONSOLE_PAGES.billing(e.customerId),
      }));
    },
  },
  {
    kind: 'support_backlog',
    description: `Support tickets open for more than ${T.backlogMs / (60 * MINUTE)} hours`,
    async signals(db) {
      const { count, oldest } = await supportBacklog(db, T.backlogMs);
      if (count === 0) return [];
      return [
        {
          key: 'tickets',
          message: `${count} support ticket(s) have been open for more than ${T.backlogMs / (60 * MINUTE)} hours; the oldest since ${oldest?.toISOString() ?? 'unknown'}.`,
          page: CONSOLE_PAGES.tickets,
        },
      ];
    },
  },
  {
    kind: 'visitor_waiting',
    description: `A visitor in a conversation the founder took over has waited ${minutes(T.visitorWaitingMs)} minutes for an answer`,
    async signals(db) {
      return (await waitingVisitors(db, T.visitorWaitingMs)).map((w) => ({
        key: w.conversationId,
        message: `A visitor has been waiting since ${w.waitingSince.toISOString()} in conversation ${w.conversationId}, which a person took over: answer or hand it back to the assistant.`,
        page: CONSOLE_PAGES.conversation(w.conversationId),
      }));
    },
  },
];
