import type { Queryable } from './database.ts';

/** A job a human should look at, with what it was about. */
export interface JobException {
  kind: 'dead_job' | 'unknown_job' | 'undeliverable_alert';
  id: number;
  topic: string;
  /** `dead`: attempts used up or refused; `unknown`: the last call may have worked, reconciling. */
  state: 'dead' | 'unknown';
  payload: unknown;
  attempts: number;
  lastError: string | null;
  context: {
    contact: { id: string; email: string; name: string } | null;
    ticket: { id: string; subject: string; contactEmail: string | null; conversationId: string } | null;
    alert: { kind: string; key: string; message: string } | null;
  };
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Dead-lettered jobs and jobs whose last outcome is unknown, newest first, each joined to
 * the lead, ticket or alert it carries, in one query. Payload ids are matched as text, so
 * a malformed payload yields no context instead of a cast error.
 */
export function listJobExceptions(db: Queryable, limit = 500): Promise<JobException[]> {
  return db.query<JobException>(
    `select
       case when o.topic = 'notify.alert' and o.status = 'dead' then 'undeliverable_alert'
            when o.status = 'dead' then 'dead_job' else 'unknown_job' end as kind,
       o.id, o.topic, case when o.status = 'dead' then 'dead' else 'unknown' end as state,
       o.payload, o.attempts, o.last_error as "lastError",
       jsonb_build_object(
         'contact', (select jsonb_build_object('id', c.id, 'email', c.email, 'name', c.name) from contacts c where c.id::text = o.payload->>'contactId'),
         'ticket', (select jsonb_build_object('id', t.id, 'subject', t.subject, 'contactEmail', t.contact_email, 'conversationId', t.conversation_id)
                    from tickets t where t.id::text = o.payload->>'ticketId'),
         'alert', (select jsonb_build_object('kind', a.kind, 'key', a.key, 'message', a.message) from alerts a where a.id::text = o.payload->>'alertId')
       ) as context,
       o.created_at as "createdAt", o.updated_at as "updatedAt"
     from outbox o
     where o.status = 'dead' or (o.status in ('pending', 'processing') and o.outcome_unknown)
     order by o.id desc limit $1`,
    [limit],
  );
}

export interface WaitingConfirmation {
  kind: 'pending_confirmation';
  id: string;
  conversationId: string;
  tool: string;
  confidence: number | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Low-confidence requests waiting for the user's yes (arguments stay out: they may hold personal data). */
export function listWaitingConfirmations(db: Queryable, limit = 500): Promise<WaitingConfirmation[]> {
  return db.query<WaitingConfirmation>(
    `select 'pending_confirmation' as kind, id, conversation_id as "conversationId", tool, confidence,
       created_at as "createdAt", expires_at as "expiresAt"
     from pending_confirmations where consumed_at is null and expires_at > now()
     order by created_at desc limit $1`,
    [limit],
  );
}

/**
 * Closes a dead or unknown job by hand. Null when no such job needs a human (a missing
 * id and a delivered job answer alike). Runs in the caller's transaction, beside its audit row.
 */
export async function resolveJob(tx: Queryable, id: number, note: string): Promise<{ id: number; status: 'resolved'; topic: string } | null> {
  const [row] = await tx.query<{ id: number; status: 'resolved'; topic: string }>(
    `update outbox set status = 'resolved', resolved_note = $2, outcome_unknown = false, locked_by = null, locked_until = null, updated_at = now()
     where id = $1 and (status = 'dead' or (status = 'pending' and outcome_unknown))
     returning id, status, topic`,
    [id, note],
  );
  return row ?? null;
}
