import type { Queryable } from './database.ts';

/** One of the caller's own leads or tickets, as the caller may see it. */
export interface CallerRequest {
  kind: 'lead' | 'ticket';
  id: string;
  /** The lead's email (typed by the caller) or the ticket's subject. */
  title: string;
  syncState: 'pending' | 'synced' | 'failed' | 'not_configured';
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The leads and tickets captured in conversations `owner` owns, newest first, in one
 * query; `id` narrows it to one. Keyed on the conversation owner, so whoever owns a
 * conversation (user, visitor identity) sees exactly what was captured in it. A lead shows
 * only the email typed in the conversation and its state, never fields someone else gave.
 */
export function listCallerRequests(db: Queryable, owner: string, filter: { id?: string; limit: number }): Promise<CallerRequest[]> {
  return db.query<CallerRequest>(
    `select * from (
       select 'ticket' as kind, t.id::text as id, t.subject as title, t.helpdesk_sync_state as "syncState",
         t.created_at as "createdAt", t.updated_at as "updatedAt"
       from tickets t join conversations c on c.id = t.conversation_id
       where c.owner = $1
       union all
       select 'lead', ct.id::text, ct.email, ct.crm_sync_state, ct.created_at, ct.updated_at
       from contacts ct
       where exists (select 1 from conversations c where c.owner = $1 and c.id in (ct.first_conversation_id, ct.last_conversation_id))
     ) r
     where $2::text is null or r.id = $2
     order by "createdAt" desc limit $3`,
    [owner, filter.id ?? null, filter.limit],
  );
}
