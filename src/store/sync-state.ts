import type { Queryable } from './database.ts';

export type SyncState = 'pending' | 'synced' | 'failed' | 'not_configured';

/** A contact as the CRM should see it: the plan and a paying customer's stage come from billing. */
export interface ContactForSync {
  id: string;
  email: string;
  name: string;
  company: string | null;
  phone: string | null;
  source: string;
  lifecycleStage: string;
  plan: string | null;
  crmVendorId: string | null;
}

export async function contactForSync(db: Queryable, id: string): Promise<ContactForSync | null> {
  const [row] = await db.query<ContactForSync>(
    `select c.id, c.email, c.name, c.company, c.phone, c.source, c.crm_vendor_id as "crmVendorId",
       b.plan,
       case when b.status in ('active', 'trialing') and b.plan is not null then 'customer' else c.lifecycle_stage end as "lifecycleStage"
     from contacts c
     left join lateral (select plan, status from billing_accounts where lower(email) = c.email order by updated_at desc limit 1) b on true
     where c.id = $1`,
    [id],
  );
  return row ?? null;
}

export async function setContactSync(db: Queryable, id: string, state: SyncState, vendorId?: string | null): Promise<void> {
  await db.query(
    `update contacts set crm_sync_state = $2, crm_vendor_id = coalesce($3, crm_vendor_id),
       crm_synced_at = case when $2 = 'synced' then now() else crm_synced_at end
     where id = $1`,
    [id, state, vendorId ?? null],
  );
}

export interface TicketForSync {
  id: string;
  subject: string;
  summary: string;
  category: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  /** Null when the visitor gave no email: the team answers in the conversation. */
  contactEmail: string | null;
  transcriptUrl: string;
  updates: Array<{ at: string; summary: string; priority: string }>;
  helpdeskVendorId: string | null;
}

export async function ticketForSync(db: Queryable, id: string): Promise<TicketForSync | null> {
  const [row] = await db.query<TicketForSync>(
    `select id, subject, summary, category, priority, tags, contact_email as "contactEmail", transcript_url as "transcriptUrl",
       updates, helpdesk_vendor_id as "helpdeskVendorId"
     from tickets where id = $1`,
    [id],
  );
  return row ?? null;
}

export async function setTicketSync(db: Queryable, id: string, state: SyncState, vendorId?: string | null): Promise<void> {
  await db.query(
    `update tickets set helpdesk_sync_state = $2, helpdesk_vendor_id = coalesce($3, helpdesk_vendor_id),
       helpdesk_synced_at = case when $2 = 'synced' then now() else helpdesk_synced_at end
     where id = $1`,
    [id, state, vendorId ?? null],
  );
}

/** What a job's failure means for the row it syncs: a dead CRM or helpdesk job leaves its row `failed`. */
export async function markSyncFailed(db: Queryable, topic: string, payload: Record<string, unknown>): Promise<void> {
  if (topic.startsWith('crm.') && typeof payload.contactId === 'string') await setContactSync(db, payload.contactId, 'failed');
  if (topic.startsWith('helpdesk.') && typeof payload.ticketId === 'string') await setTicketSync(db, payload.ticketId, 'failed');
}

/** A job retried by hand: its row is syncing again. */
export async function markSyncPending(db: Queryable, topic: string, payload: Record<string, unknown>): Promise<void> {
  if (topic.startsWith('crm.') && typeof payload.contactId === 'string') await setContactSync(db, payload.contactId, 'pending');
  if (topic.startsWith('helpdesk.') && typeof payload.ticketId === 'string') await setTicketSync(db, payload.ticketId, 'pending');
}
