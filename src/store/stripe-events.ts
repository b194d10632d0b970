import { accountFromRow, accountRowJson, invoiceFromRow, invoiceRowJson, type BillingAccount, type Invoice } from './billing.ts';
import type { Queryable } from './database.ts';
import type { QueuedMessage } from './outbox.ts';

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
 * invoice, named in `locks`, in the same statement and in the order applying it would; a
 * redelivery never touches them. One call of a plpgsql function (migration 011), whose plans
 * Postgres keeps for the connection.
 */
export async function claimStripeEvent(
  tx: Queryable,
  e: NewStripeEvent,
  locks: ClaimLocks = { customerId: null, invoiceId: null },
): Promise<{ claimed: boolean; locked: ClaimLocked }> {
  type Claim = { inserted: boolean; status: StripeEventStatus; account: Record<string, unknown> | null; invoice: Record<string, unknown> | null };
  const [row] = await tx.query<{ claim: Claim }>(
    'select toolgate_claim_stripe_event($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) as claim',
    [e.id, e.type, e.apiVersion, e.created, e.livemode, e.payloadSha256, e.payloadJson, e.customerId, locks.customerId, locks.invoiceId],
  );
  if (!row) throw new Error('the event claim returned no row');
  const { inserted, status, account, invoice } = row.claim;
  return {
    claimed: inserted || status === 'failed',
    locked: {
      account: account ? accountFromRow(account) : null,
      invoiceId: account ? locks.invoiceId : null,
      invoice: invoice ? invoiceFromRow(invoice) : null,
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

const rowsOf = (messages: QueuedMessage[]) => messages.map((m) => ({ topic: m.topic, payload: m.payload, dedupe_key: m.dedupeKey }));

/**
 * Records the outcome; `customerId` fills in a customer found through the payment (disputes name
 * only a charge). The account's new state, its invoice, the ticket it closes and the outbox rows
 * the event causes (under the event's id as their correlation id, each dedupe key queued once) are written
 * by the same call: one round trip for everything an applied event leaves behind, through a
 * plpgsql function (migration 011) with static statements, absent parts passed as null.
 */
export async function finishStripeEvent(
  tx: Queryable,
  id: string,
  status: Exclude<StripeEventStatus, 'received'>,
  lastError: string | null,
  customerId: string | null = null,
  effects: AppliedEffects = { account: null, invoice: null, outbox: [], resolveTicket: null },
): Promise<void> {
  const r = effects.resolveTicket;
  const resolve = r && { thread_id: r.threadId, category: r.category, update: r.update, outbox: r.outbox.length > 0 ? rowsOf(r.outbox) : null };
  const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
  await tx.query('select toolgate_finish_stripe_event($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    id,
    status,
    lastError,
    customerId,
    json(effects.account && accountRowJson(effects.account)),
    json(effects.invoice && invoiceRowJson(effects.invoice)),
    json(effects.outbox.length > 0 ? rowsOf(effects.outbox) : null),
    json(resolve),
    // The event id is the correlation id of what it causes, however it arrived (webhook, catch-up, reprocess).
    id,
  ]);
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
