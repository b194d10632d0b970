import type { Queryable } from './database.ts';
import { whereEquals } from './filters.ts';

export interface TicketInput {
  conversationId: string;
  category: string;
  subject: string;
  summary: string;
  priority: string;
  tags: string[];
  /** Null for a visitor who gave no email: the team answers in the conversation. */
  contactEmail: string | null;
  /** The session's actor (`user:<id>` or `visitor:<id>`). */
  requester: string;
  transcriptUrl: string;
  /** Opened by a signed-in customer for their own verified email; anything else is unverified. */
  verified: boolean;
  /** Appended to `updates` when the ticket already exists. */
  update: Record<string, unknown>;
}

/**
 * Opens the conversation's ticket in this category, or appends to the open one:
 * tags are merged and the priority only ever rises. One open ticket per
 * conversation and category is a unique index, so a race cannot open two.
 */
export async function upsertOpenTicket(
  tx: Queryable,
  ticket: TicketInput,
): Promise<{ id: string; inserted: boolean; priority: string; verified: boolean; contactEmail: string | null }> {
  const [row] = await tx.query<{ id: string; inserted: boolean; priority: string; verified: boolean; contactEmail: string | null }>(
    `insert into tickets (conversation_id, category, subject, summary, priority, tags, contact_email, requester, transcript_url, verified)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $11)
     on conflict (conversation_id, category) where status = 'open' do update set
       updates = tickets.updates || jsonb_build_array($10::jsonb),
       tags = (select coalesce(jsonb_agg(distinct t), '[]'::jsonb) from jsonb_array_elements(tickets.tags || excluded.tags) t),
       priority = case when array_position(array['low','normal','high','urgent'], excluded.priority)
                          > array_position(array['low','normal','high','urgent'], tickets.priority)
                       then excluded.priority else tickets.priority end,
       -- One unverified contribution makes the whole ticket unverified.
       verified = tickets.verified and excluded.verified,
       -- An address given later reaches a ticket opened without one; a known one is never replaced.
       contact_email = coalesce(tickets.contact_email, excluded.contact_email),
       updated_at = now()
     returning id, (xmax = 0) as inserted, priority, verified, contact_email as "contactEmail"`,
    [
      ticket.conversationId,
      ticket.category,
      ticket.subject,
      ticket.summary,
      ticket.priority,
      JSON.stringify(ticket.tags),
      ticket.contactEmail,
      ticket.requester,
      ticket.transcriptUrl,
      JSON.stringify(ticket.update),
      ticket.verified,
    ],
  );
  if (!row) throw new Error('ticket upsert returned no row');
  return row;
}

export interface TicketListItem {
  id: string;
  conversationId: string;
  category: string;
  status: 'open' | 'closed';
  subject: string;
  summary: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  contactEmail: string | null;
  requester: string;
  verified: boolean;
  transcriptUrl: string;
  updates: Array<{ at: string; summary: string; priority: TicketListItem['priority']; proposedPriority?: TicketListItem['priority'] }>;
  createdAt: Date;
  updatedAt: Date;
}

/** Newest first, optionally narrowed to one conversation and one contact email. */
export function listTickets(
  db: Queryable,
  filter: { conversationId?: string | undefined; email?: string | undefined; limit: number },
): Promise<TicketListItem[]> {
  const { where, params } = whereEquals([
    ['conversation_id', filter.conversationId],
    ['contact_email', filter.email?.trim().toLowerCase()],
  ]);
  return db.query<TicketListItem>(
    `select id, conversation_id as "conversationId", category, status, subject, summary, priority, tags,
            contact_email as "contactEmail", requester, verified, transcript_url as "transcriptUrl", updates,
            created_at as "createdAt", updated_at as "updatedAt"
     from tickets ${where} order by created_at desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}

export interface SystemTicketInput extends Omit<TicketInput, 'conversationId' | 'update'> {
  /** The thread the ticket hangs on, e.g. `stripe:in_123`: one per invoice or dispute. */
  threadId: string;
  update: Record<string, unknown>;
}

/**
 * A ticket raised by a verified system (Stripe), not by a conversation: at most one per
 * thread and category ever, so retries and redeliveries only append to it.
 */
export async function openSystemTicket(tx: Queryable, t: SystemTicketInput): Promise<{ id: string; inserted: boolean; appended: boolean }> {
  await tx.query(`insert into conversations (id, owner) values ($1, 'system') on conflict (id) do nothing`, [t.threadId]);
  // The thread's conversation row serializes concurrent openers of one thread.
  await tx.query('select id from conversations where id = $1 for update', [t.threadId]);
  const [existing] = await tx.query<{ id: string }>('select id from tickets where conversation_id = $1 and category = $2', [t.threadId, t.category]);
  if (existing) {
    // The same update (a replayed event) is noted once; `appended` says whether this one was new.
    const changed = await tx.query<{ id: string }>(
      `update tickets set updates = updates || jsonb_build_array($2::jsonb), updated_at = now()
       where id = $1 and not (updates @> jsonb_build_array($2::jsonb)) returning id`,
      [existing.id, JSON.stringify(t.update)],
    );
    return { id: existing.id, inserted: false, appended: changed.length > 0 };
  }
  // The opening update is kept too, so replaying the event that opened the ticket appends nothing.
  const [row] = await tx.query<{ id: string }>(
    `insert into tickets (conversation_id, category, subject, summary, priority, tags, contact_email, requester, transcript_url, verified, updates)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, jsonb_build_array($11::jsonb)) returning id`,
    [t.threadId, t.category, t.subject, t.summary, t.priority, JSON.stringify(t.tags), t.contactEmail, t.requester, t.transcriptUrl, t.verified, JSON.stringify(t.update)],
  );
  if (!row) throw new Error('ticket insert returned no row');
  return { id: row.id, inserted: true, appended: false };
}
