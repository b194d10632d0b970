import type { Queryable } from './database.ts';

/** A side effect for the outbox worker (CRM, helpdesk, alerts). */
export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Queues one message inside the caller's transaction, so it exists exactly when the
 * write it describes does. The same dedupe key is queued once, however often it is sent.
 */
export async function enqueueOutbox(tx: Queryable, message: OutboxMessage, dedupeKey: string): Promise<void> {
  // Requests and events queue their jobs in the statement that records them, with their
  // correlation id (store/effects.ts, migration 011); a job queued here belongs to no request.
  await tx.query('insert into outbox (topic, payload, dedupe_key) values ($1, $2::jsonb, $3) on conflict (dedupe_key) do nothing', [
    message.topic,
    JSON.stringify(message.payload),
    dedupeKey,
  ]);
}

export interface QueuedMessage extends OutboxMessage {
  dedupeKey: string;
}

export interface DeadJob {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The dead-letter queue, newest first: jobs that used up their attempts and wait for a human. */
export function listDeadJobs(db: Queryable, limit = 500): Promise<DeadJob[]> {
  return db.query<DeadJob>(
    `select id, topic, payload, attempts, last_error as "lastError", created_at as "createdAt", updated_at as "updatedAt"
     from outbox where status = 'dead' order by id desc limit $1`,
    [limit],
  );
}

/**
 * Puts a dead-lettered job back in the queue with fresh attempts, or makes a job whose
 * outcome is unknown due now; null when no such job has that id. A job that was unknown
 * keeps that mark, so its next attempt still reads back before it creates.
 */
export async function retryDeadJob(
  db: Queryable,
  id: number,
): Promise<{ id: number; status: 'pending'; topic: string; payload: Record<string, unknown> } | null> {
  const [job] = await db.query<{ id: number; status: 'pending'; topic: string; payload: Record<string, unknown> }>(
    `update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
     where id = $1 and (status = 'dead' or (status = 'pending' and outcome_unknown)) returning id, status, topic, payload`,
    [id],
  );
  return job ?? null;
}
