import type { Queryable } from './database.ts';
import { whereEquals } from './filters.ts';

export interface TicketListItem {
  id: string;
  conversationId: string;
  category: string;
  status: 'open' | 'closed';
  subject: string;
  summary: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  contactEmail: string;
  requester: string;
  transcriptUrl: string;
  updates: Array<{ at: string; summary: string; priority: TicketListItem['priority'] }>;
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
            contact_email as "contactEmail", requester, transcript_url as "transcriptUrl", updates,
            created_at as "createdAt", updated_at as "updatedAt"
     from tickets ${where} order by created_at desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}
