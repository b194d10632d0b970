import type { Queryable } from './database.ts';
import { whereEquals } from './filters.ts';

export interface ContactInput {
  /** Normalized (lower case): the contact's identity. */
  email: string;
  name: string;
  company: string | null;
  phone: string | null;
  notes: string | null;
  source: string;
  conversationId: string;
}

/**
 * Inserts the contact or updates the one with this email. With `overwrite` a new
 * non-empty value replaces the stored one; without it a value only fills a field
 * that is empty. Either way an empty value never erases anything, and notes are appended.
 */
export async function upsertContact(
  tx: Queryable,
  contact: ContactInput,
  { overwrite }: { overwrite: boolean },
): Promise<{ id: string; inserted: boolean }> {
  const keep = (column: string) =>
    overwrite
      ? `coalesce(nullif(excluded.${column}, ''), contacts.${column})`
      : `coalesce(nullif(contacts.${column}, ''), excluded.${column})`;
  const [row] = await tx.query<{ id: string; inserted: boolean }>(
    `insert into contacts (email, name, company, phone, notes, source, first_conversation_id, last_conversation_id)
     values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (email) do update set
       name = ${keep('name')},
       company = ${keep('company')},
       phone = ${keep('phone')},
       notes = case
         when excluded.notes is null or excluded.notes = '' then contacts.notes
         when contacts.notes is null or contacts.notes = '' then excluded.notes
         else contacts.notes || E'\\n' || excluded.notes end,
       last_conversation_id = excluded.last_conversation_id,
       updated_at = now()
     returning id, (xmax = 0) as inserted`,
    [contact.email, contact.name, contact.company, contact.phone, contact.notes, contact.source, contact.conversationId],
  );
  if (!row) throw new Error('contact upsert returned no row');
  return row;
}

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
