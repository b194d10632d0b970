import type { Queryable } from './database.ts';
import { whereEquals } from './filters.ts';

export interface ContactListItem {
  id: string;
  email: string;
  name: string;
  company: string | null;
  phone: string | null;
  notes: string | null;
  source: string;
  lifecycleStage: string;
  firstConversationId: string | null;
  lastConversationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Newest first; `email` matches the stored, lower-cased address. */
export function listContacts(db: Queryable, filter: { email?: string | undefined; limit: number }): Promise<ContactListItem[]> {
  const { where, params } = whereEquals([['email', filter.email?.trim().toLowerCase()]]);
  return db.query<ContactListItem>(
    `select id, email, name, company, phone, notes, source, lifecycle_stage as "lifecycleStage",
            first_conversation_id as "firstConversationId", last_conversation_id as "lastConversationId",
            created_at as "createdAt", updated_at as "updatedAt"
     from contacts ${where} order by created_at desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}
