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
  await tx.query(
    'insert into outbox (topic, payload, dedupe_key) values ($1, $2::jsonb, $3) on conflict (dedupe_key) do nothing',
    [message.topic, JSON.stringify(message.payload), dedupeKey],
  );
}
