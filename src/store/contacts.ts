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

/**
 * Creates the contact when no contact has this email; an existing one is left exactly as it
 * is. For callers who may add a contact but not change one (visitors, other customers).
 */
export async function insertContactIfAbsent(tx: Queryable, contact: ContactInput): Promise<{ id: string; inserted: boolean }> {
  const [row] = await tx.query<{ id: string; inserted: boolean }>(
    `with inserted as (
       insert into contacts (email, name, company, phone, notes, source, first_conversation_id, last_conversation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (email) do nothing
       returning id
     )
     select id, true as inserted from inserted
     union all
     select id, false as inserted from contacts where email = $1 and not exists (select 1 from inserted)`,
    [contact.email, contact.name, contact.company, contact.phone, contact.notes, contact.source, contact.conversationId],
  );
  if (!row) throw new Error('contact insert returned no row');
  return row;
}

/** An unverified caller's details for an existing contact, kept beside it (append-only), never merged into it. */
export async function recordInquiry(
  tx: Queryable,
  contactId: string,
  contact: Omit<ContactInput, 'email'>,
  requester: string,
): Promise<{ id: string }> {
  const [row] = await tx.query<{ id: string }>(
    `insert into contact_inquiries (contact_id, name, company, phone, notes, source, conversation_id, requester)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [contactId, contact.name, contact.company, contact.phone, contact.notes, contact.source, contact.conversationId, requester],
  );
  if (!row) throw new Error('inquiry insert returned no row');
  return row;
}

/** An inquiry as the team sees it: always unverified, because a verified owner edits the contact itself. */
export interface InquiryItem {
  id: string;
  name: string;
  company: string | null;
  phone: string | null;
  notes: string | null;
  source: string;
  conversationId: string | null;
  requester: string;
  verified: false;
  createdAt: string;
}

export interface ContactListItem extends Omit<ContactInput, 'conversationId'> {
  id: string;
  lifecycleStage: string;
  firstConversationId: string | null;
  lastConversationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Unverified details others left for this contact, oldest first. */
  inquiries: InquiryItem[];
}

/** Newest first; `email` matches the stored, lower-cased address. */
export function listContacts(db: Queryable, filter: { email?: string | undefined; limit: number }): Promise<ContactListItem[]> {
  const { where, params } = whereEquals([['email', filter.email?.trim().toLowerCase()]]);
  return db.query<ContactListItem>(
    `select id, email, name, company, phone, notes, source, lifecycle_stage as "lifecycleStage",
            first_conversation_id as "firstConversationId", last_conversation_id as "lastConversationId",
            created_at as "createdAt", updated_at as "updatedAt",
            coalesce((select jsonb_agg(jsonb_build_object(
                        'id', i.id, 'name', i.name, 'company', i.company, 'phone', i.phone, 'notes', i.notes,
                        'source', i.source, 'conversationId', i.conversation_id, 'requester', i.requester,
                        'verified', false, 'createdAt', i.created_at) order by i.created_at, i.id)
                      from contact_inquiries i where i.contact_id = contacts.id), '[]'::jsonb) as inquiries
     from contacts ${where} order by created_at desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}
