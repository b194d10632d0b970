import { invoiceFromJson, lockAccountSql, lockInvoiceSql, saveAccountSql, saveInvoiceSql, type BillingAccount, type Invoice } from './billing.ts';
import type { Queryable } from './database.ts';
import { enqueueOutboxSql, type QueuedMessage } from './outbox.ts';
import { resolveSystemTicketSql } from './tickets.ts';

/** The append-only log of verified Stripe events, one row per Stripe event id. */

export type StripeEventStatus = 'received' | 'processed' | 'ignored' | 'failed';

export interface StripeEventRecord {
  id: string;
  type: string;
  apiVersion: string | null;
  created: Date;
  livemode: boolean;
  payloadSha256: string;
  customerId: string | null;
  status: StripeEventStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

const COLUMNS = `id, type, api_version as "apiVersion", created, livemode, payload_sha256 as "payloadSha256", customer_id as "customerId",
  status, attempts, last_error as "lastError", received_at as "receivedAt", processed_at as "processedAt"`;

export interface NewStripeEvent {
  id: string;
  type: string;
  apiVersion: string | null;
  created: Date;
  livemode: boolean;
  payloadSha256: string;
  /** The event's JSON as Stripe sent it (the verified body): stored as is, not serialised again. */
  payloadJson: string;
  customerId: string | null;
}

/** Rows an event's application locks first, named so its claim can lock them in the same statement. */
export interface ClaimLocks {
  customerId: string | null;
  /** Locked only with the customer's account, after it. */
  invoiceId: string | null;
}

/** What the claim locked: the account, and the invoice when one was named (null when it is new). */
export interface ClaimLocked {
  account: BillingAccount | null;
  invoiceId: string | null;
  invoice: Invoice | null;
}

/**
 * Claims an event for processing inside the caller's transaction: `claimed` when it is new, or
 * was stored as failed (a retry gets another attempt); not for a redelivery of one already
 * handled, which is counted on the row (the duplicate-delivery alert reads it). The primary
 * key settles concurrent deliveries: the others wait for the first transaction and then find
 * the row. A new row is written as `processed`, the outcome nearly every event has: no other
 * transaction sees it before the commit, and finishStripeEvent changes it only when applying
 * came to something else. A claimed event also creates and locks the customer's billing account, then the
 * invoice, named in `locks`, in the same statement and in the order applying it would (each
 * lock's condition reads the one before); a redelivery never touches them.
 */
export async function claimStripeEvent(
  tx: Queryable,
  e: NewStripeEvent,
  locks: ClaimLocks = { customerId: null, invoiceId: null },
): Promise<{ claimed: boolean; locked: ClaimLocked }> {
  type Row = { inserted: boolean; eventStatus: StripeEventStatus; invoice: Record<string, unknown> | null } & ({ id: number } & BillingAccount | { id: null });
  const [row] = await tx.query<Row>(
    `with claim as (
       insert into stripe_events (id, type, api_version, created, livemode, payload_sha256, payload, customer_id, status, processed_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 'processed', now())
       on conflict (id) do update set
         attempts = stripe_events.attempts + (stripe_events.status = 'failed')::int,
         duplicates = stripe_events.duplicates + (stripe_events.status <> 'failed')::int,
         last_duplicate_at = case when stripe_events.status <> 'failed' then now() else stripe_events.last_duplicate_at end
       returning (xmax = 0) as inserted, status
     ), ${lockAccountSql('$9::text', `$9::text is not null and exists (select 1 from claim where inserted or status = 'failed')`)},
     ${lockInvoiceSql('$10::text', 'exists (select 1 from locked_account)')}
     select claim.inserted, claim.status as "eventStatus", (select row_to_json(i) from locked_invoice i) as invoice, locked_account.*
     from claim left join locked_account on true`,
    [e.id, e.type, e.apiVersion, e.created, e.livemode, e.payloadSha256, e.payloadJson, e.customerId, locks.customerId, locks.invoiceId],
  );
  if (!row) throw new Error('the event claim returned no row');
  const { inserted, eventStatus, invoice, ...account } = row;
  return {
    claimed: inserted || eventStatus === 'failed',
    locked: {
      account: account.id === null ? null : (account as BillingAccount),
      invoiceId: account.id === null ? null : locks.invoiceId,
      invoice: invoice ? invoiceFromJson(invoice) : null,
    },
  };
}

/** Counts one more attempt on a stored event (a reprocess from the console). */
export async function countStripeEventAttempt(tx: Queryable, id: string): Promise<void> {
  await tx.query('update stripe_events set attempts = attempts + 1 where id = $1', [id]);
}

/** What applying an event changes beside its own row: written with the event's outcome. */
export interface AppliedEffects {
  account: BillingAccount | null;
  invoice: Invoice | null;
  outbox: QueuedMessage[];
  /** A problem ticket the event closes, if one is open, and what to queue (with its `ticketId`) when it was. */
  resolveTicket: { threadId: string; category: string; update: Record<string, unknown>; outbox: QueuedMessage[] } | null;
}

/**
 * Records the outcome; `customerId` fills in a customer found through the payment (disputes name
 * only a charge). The account's new state, its invoice, the ticket it closes and the outbox rows
 * the event causes are written in the same statement: one round trip for everything an applied
 * event leaves behind. (Each row is written once per statement: data-modifying CTEs share one
 * snapshot and do not see each other's changes.)
 */
export async function finishStripeEvent(
  tx: Queryable,
  id: string,
  status: Exclude<StripeEventStatus, 'received'>,
  lastError: string | null,
  customerId: string | null = null,
  effects: AppliedEffects = { account: null, invoice: null, outbox: [], resolveTicket: null },
): Promise<void> {
  const params: unknown[] = [id, status, lastError, customerId];
  const ctes: string[] = [];
  const add = (fragment: { cte: string; params: unknown[] }) => {
    ctes.push(fragment.cte);
    params.push(...fragment.params);
  };
  if (effects.account) add(saveAccountSql(effects.account, params.length + 1));
  if (effects.invoice) add(saveInvoiceSql(effects.invoice, params.length + 1));
  if (effects.outbox.length > 0) add(enqueueOutboxSql(effects.outbox, params.length + 1));
  if (effects.resolveTicket) {
    const r = effects.resolveTicket;
    add(resolveSystemTicketSql(r.threadId, r.category, r.update, params.length + 1));
    if (r.outbox.length > 0) add(enqueueOutboxSql(r.outbox, params.length + 1, 'resolved_ticket'));
  }
  // A row that already says so (claimed in this transaction as `processed`) is left alone: an
  // update would write a new row version, every index entry again, and run the append-only trigger.
  await tx.query(
    `${ctes.length > 0 ? `with ${ctes.join(', ')} ` : ''}update stripe_events set status = $2, last_error = $3,
       processed_at = case when $2 = 'failed' then processed_at else now() end, customer_id = coalesce(customer_id, $4)
     where id = $1 and (status, last_error, processed_at, customer_id)
       is distinct from ($2::text, $3::text, case when $2 = 'failed' then processed_at else now() end, coalesce(customer_id, $4))`,
    params,
  );
}

export async function findStripeEvent(db: Queryable, id: string): Promise<(StripeEventRecord & { payload: unknown }) | null> {
  const [row] = await db.query<StripeEventRecord & { payload: unknown }>(`select ${COLUMNS}, payload from stripe_events where id = $1`, [id]);
  return row ?? null;
}

/** Locks a stored event so two reprocess requests cannot apply it at once. */
export async function lockStripeEvent(tx: Queryable, id: string): Promise<(StripeEventRecord & { payload: unknown }) | null> {
  const [row] = await tx.query<StripeEventRecord & { payload: unknown }>(`select ${COLUMNS}, payload from stripe_events where id = $1 for update`, [id]);
  return row ?? null;
}

/** The newest stored event's created time: where a catch-up starts. */
export async function newestStripeEventAt(db: Queryable): Promise<Date | null> {
  const [row] = await db.query<{ created: Date }>('select created from stripe_events order by created desc limit 1');
  return row?.created ?? null;
}

export async function stripeEventIdsIn(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('select id from stripe_events where id = any($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** A customer's events, newest first. */
export function stripeEventsOfCustomer(db: Queryable, customerId: string, limit = 200): Promise<StripeEventRecord[]> {
  return db.query<StripeEventRecord>(`select ${COLUMNS} from stripe_events where customer_id = $1 order by created desc, id limit $2`, [customerId, limit]);
}

/** Counts per status, for the benchmark and the console. */
export function countStripeEvents(db: Queryable): Promise<Array<{ status: StripeEventStatus; count: number }>> {
  return db.query('select status, count(*)::int as count from stripe_events group by status');
}

/**
 * Counts one refused delivery in its minute. Only the reason and the count are kept: the
 * body was not verified, so nothing of it is stored.
 */
export async function countWebhookRejection(db: Queryable, reason: string): Promise<void> {
  await db.query(
    `insert into webhook_rejections (minute, reason, count) values (date_trunc('minute', now()), $1, 1)
     on conflict (minute, reason) do update set count = webhook_rejections.count + 1`,
    [reason],
  );
}
