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

/** The columns a contact is inserted with, from `$first` on: email, name, company, phone, notes, source, conversation. */
const contactValues = (p: (i: number) => string) => `(${[0, 1, 2, 3, 4, 5, 6, 6].map(p).join(', ')})`;
const contactParams = (c: ContactInput) => [c.email, c.name, c.company, c.phone, c.notes, c.source, c.conversationId];

/**
 * The contact insert, or the update of the one with this email, as a CTE named `saved`
 * returning `id` and `inserted`. With `overwrite` a new non-empty value replaces the stored
 * one; without it a value only fills a field that is empty. Either way an empty value never
 * erases anything, and notes are appended.
 */
function upsertContactCte(overwrite: boolean, p: (i: number) => string): string {
  const keep = (column: string) =>
    overwrite
      ? `coalesce(nullif(excluded.${column}, ''), contacts.${column})`
      : `coalesce(nullif(contacts.${column}, ''), excluded.${column})`;
  return `saved as (
      insert into contacts (email, name, company, phone, notes, source, first_conversation_id, last_conversation_id)
      values ${contactValues(p)}
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
      returning id, (xmax = 0) as inserted
    )`;
}

/** Inserts the contact or updates the one with this email (see `upsertContactCte`). */
export async function upsertContact(
  tx: Queryable,
  contact: ContactInput,
  { overwrite }: { overwrite: boolean },
): Promise<{ id: string; inserted: boolean }> {
  const [row] = await tx.query<{ id: string; inserted: boolean }>(
    `with ${upsertContactCte(overwrite, (i) => `$${i + 1}`)} select id, inserted from saved`,
    contactParams(contact),
  );
  if (!row) throw new Error('contact upsert returned no row');
  return row;
}

/** Who saves a lead: its owner (the token's email, or an admin) changes the contact; anyone else adds only. */
export type LeadAuthor = { owns: true } | { owns: false; requester: string };

/**
 * A lead's contact write as data-modifying CTEs with parameters from `$first`, for one
 * statement that also records the write's effects (store/effects.ts). The owner's details
 * update the contact (`overwrite`). Anyone else creates the contact when no contact has this
 * email; an existing one is left exactly as it is, and their details are recorded as an
 * unverified inquiry beside it (append-only), never merged into it.
 *
 * The last CTE, `written`, returns one row: `contactId`, `created`, `saved` (the contact row
 * itself was written) and `inquired` with `inquiryId`. It returns none when a concurrent
 * transaction inserted the same email and has not committed before this statement began
 * (its row is not in this statement's snapshot): then nothing was written.
 */
export function saveLeadSql(contact: ContactInput, author: LeadAuthor, first: number): { cte: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  if (author.owns) {
    return {
      cte: `${upsertContactCte(true, p)}, written as (
      select id as "contactId", inserted as created, true as saved, false as inquired, null::uuid as "inquiryId" from saved
    )`,
      params: contactParams(contact),
    };
  }
  return {
    cte: `added as (
      insert into contacts (email, name, company, phone, notes, source, first_conversation_id, last_conversation_id)
      values ${contactValues(p)}
      on conflict (email) do nothing
      returning id
    ), existing as (
      select id from contacts where email = ${p(0)} and not exists (select 1 from added)
    ), inquiry as (
      insert into contact_inquiries (contact_id, name, company, phone, notes, source, conversation_id, requester)
      select id, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)} from existing
      returning id, contact_id
    ), written as (
      select id as "contactId", true as created, true as saved, false as inquired, null::uuid as "inquiryId" from added
      union all
      select contact_id, false, false, true, id from inquiry
    )`,
    params: [...contactParams(contact), author.requester],
  };
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
