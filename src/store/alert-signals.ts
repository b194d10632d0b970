import type { Queryable } from './database.ts';

/**
 * The conditions the alert rules watch (src/jobs/alert-rules.ts), one query each. Every query
 * answers "what is wrong right now", so a rule's episode opens when a row appears and closes
 * when it is gone; each is bounded, and reads small partial indexes (migration 007).
 */

const ms = (n: number) => n / 1000;
const LIMIT = 100;

/** Stripe events whose processing failed at least `attempts` times and has not succeeded since. */
export function failingStripeEvents(db: Queryable, attempts: number) {
  return db.query<{ id: string; type: string; attempts: number; customerId: string | null; lastError: string | null }>(
    `select id, type, attempts, customer_id as "customerId", last_error as "lastError"
     from stripe_events where status = 'failed' and attempts >= $1 order by received_at limit ${LIMIT}`,
    [attempts],
  );
}

/**
 * Webhook failures in the last `windowMs`: refused deliveries (bad signature, malformed body),
 * counted per minute, plus verified events whose processing failed. Minute buckets make the
 * window exact to within a minute, which is all a "10 minutes" rule needs.
 */
export async function webhookFailuresSince(db: Queryable, windowMs: number): Promise<{ rejected: number; signatures: number; failed: number }> {
  const [row] = await db.query<{ rejected: number; signatures: number; failed: number }>(
    `select
       (select coalesce(sum(count), 0)::int from webhook_rejections
         where minute >= date_trunc('minute', now() - make_interval(secs => $1))) as rejected,
       (select coalesce(sum(count), 0)::int from webhook_rejections
         where minute >= date_trunc('minute', now() - make_interval(secs => $1))
           and reason in ('missing_signature', 'invalid_signature')) as signatures,
       (select count(*)::int from stripe_events
         where status = 'failed' and received_at >= now() - make_interval(secs => $1)) as failed`,
    [ms(windowMs)],
  );
  return row ?? { rejected: 0, signatures: 0, failed: 0 };
}

/** Events Stripe delivered again after we had handled them, in the last `windowMs`. */
export function recentDuplicateEvents(db: Queryable, windowMs: number) {
  return db.query<{ id: string; type: string; duplicates: number }>(
    `select id, type, duplicates from stripe_events
     where last_duplicate_at >= now() - make_interval(secs => $1) order by last_duplicate_at desc limit ${LIMIT}`,
    [ms(windowMs)],
  );
}

/** CRM jobs queued more than `olderThanMs` ago and still not delivered. */
export function staleCrmJobs(db: Queryable, olderThanMs: number) {
  return db.query<{ id: number; topic: string; attempts: number }>(
    `select id, topic, attempts from outbox
     where topic like 'crm.%' and status in ('pending', 'processing')
       and created_at < now() - make_interval(secs => $1)
     order by id limit ${LIMIT}`,
    [ms(olderThanMs)],
  );
}

/** Helpdesk creates with at least `attempts` failed attempts that are not delivered (still retrying, or dead). */
export function failingTicketCreates(db: Queryable, attempts: number) {
  return db.query<{ id: number; ticketId: string | null; failures: number; status: string; lastError: string | null }>(
    `select o.id, o.payload ->> 'ticketId' as "ticketId", f.failures, o.status, o.last_error as "lastError"
     from outbox o
     cross join lateral (select count(*)::int as failures from outbox_attempts a where a.job_id = o.id and a.outcome <> 'delivered') f
     where o.topic = 'helpdesk.create_ticket' and o.status in ('pending', 'processing', 'dead') and f.failures >= $1
     order by o.id limit ${LIMIT}`,
    [attempts],
  );
}

/** Refund and dispute events received more than `olderThanMs` ago that are not processed (failed, or waiting). */
export function unprocessedMoneyEvents(db: Queryable, olderThanMs: number) {
  return db.query<{ id: string; type: string; status: string; customerId: string | null; lastError: string | null }>(
    `select id, type, status, customer_id as "customerId", last_error as "lastError" from stripe_events
     where status <> 'processed' and type in ('charge.refunded', 'charge.dispute.created', 'charge.dispute.closed')
       and received_at < now() - make_interval(secs => $1)
     order by received_at limit ${LIMIT}`,
    [ms(olderThanMs)],
  );
}

/** Open tickets older than `olderThanMs`: how many, and since when the oldest has waited. */
export async function supportBacklog(db: Queryable, olderThanMs: number): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db.query<{ count: number; oldest: Date | null }>(
    `select count(*)::int as count, min(created_at) as oldest from tickets
     where status = 'open' and created_at < now() - make_interval(secs => $1)`,
    [ms(olderThanMs)],
  );
  return row ?? { count: 0, oldest: null };
}

/**
 * Conversations the founder took over whose newest message is the visitor's, unanswered for
 * longer than `olderThanMs`: someone is waiting for a person who may not be looking.
 */
export function waitingVisitors(db: Queryable, olderThanMs: number) {
  return db.query<{ conversationId: string; waitingSince: Date }>(
    `select c.id as "conversationId", last.created_at as "waitingSince"
     from conversations c
     join lateral (select role, created_at from messages m where m.conversation_id = c.id order by m.id desc limit 1) last on true
     where c.handled_by = 'human' and last.role = 'user' and last.created_at < now() - make_interval(secs => $1)
     order by last.created_at limit 100`,
    [ms(olderThanMs)],
  );
}
