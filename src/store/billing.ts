import type { Queryable } from './database.ts';

/**
 * Billing state, one row per Stripe customer, written only by the Stripe event path and
 * read for one user id: every user read is scoped to the owner, so a caller can only ever
 * be shown their own account and invoices.
 */

export type PaymentState = 'pending' | 'paid' | 'failed' | 'refunded' | 'disputed';

export interface BillingAccount {
  id: number;
  userId: string | null;
  email: string | null;
  stripeCustomerId: string | null;
  customerVersion: string;
  customerDeleted: boolean;
  plan: string | null;
  priceId: string | null;
  subscriptionId: string | null;
  /** Stripe's subscription status (`active`, `past_due`, `canceled`…), `none` before any subscription. */
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  subscriptionVersion: string;
  paymentState: PaymentState;
  paymentVersion: string;
  failingInvoiceId: string | null;
  failedSince: Date | null;
  lastPaymentAmount: number | null;
  lastPaymentCurrency: string | null;
  lastPaymentAt: Date | null;
  cardBrand: string | null;
  cardLast4: string | null;
  cardVersion: string;
  entitlementActive: boolean;
  entitlementReason: string | null;
  updatedAt: Date;
}

const ACCOUNT_COLUMNS = `id, user_id as "userId", email, stripe_customer_id as "stripeCustomerId", customer_version as "customerVersion",
  customer_deleted as "customerDeleted", plan, price_id as "priceId", subscription_id as "subscriptionId", status,
  current_period_end as "currentPeriodEnd", cancel_at_period_end as "cancelAtPeriodEnd", subscription_version as "subscriptionVersion",
  payment_state as "paymentState", payment_version as "paymentVersion", failing_invoice_id as "failingInvoiceId",
  failed_since as "failedSince", last_payment_amount::float8 as "lastPaymentAmount", last_payment_currency as "lastPaymentCurrency",
  last_payment_at as "lastPaymentAt", card_brand as "cardBrand", card_last4 as "cardLast4", card_version as "cardVersion",
  entitlement_active as "entitlementActive", entitlement_reason as "entitlementReason", updated_at as "updatedAt"`;

/**
 * Creates the customer's row when Stripe names a customer for the first time and locks it for
 * the transaction: the no-op update on conflict returns the existing row and takes its lock.
 * As a CTE (`locked_account`) for the customer in `customerParam`, when `condition` holds.
 */
export function lockAccountSql(customerParam: string, condition: string): string {
  return `locked_account as (
      insert into billing_accounts (stripe_customer_id, status) select ${customerParam}, 'none' where ${condition}
      on conflict (stripe_customer_id) do update set stripe_customer_id = excluded.stripe_customer_id
      returning ${ACCOUNT_COLUMNS}
    )`;
}

/** The customer's row, created empty when Stripe names a customer for the first time, locked for this transaction. */
export async function lockAccountOfCustomer(tx: Queryable, customerId: string): Promise<BillingAccount> {
  const [row] = await tx.query<BillingAccount>(`with ${lockAccountSql('$1::text', 'true')} select * from locked_account`, [customerId]);
  if (!row) throw new Error('billing account vanished inside its transaction');
  return row;
}

/**
 * The account's new state as one data-modifying CTE (`saved_account`), parameters from `$first`:
 * the Stripe event path writes it in the same statement as the event's outcome.
 */
export function saveAccountSql(a: BillingAccount, first: number): { cte: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  const cte = `saved_account as (
      update billing_accounts set email = ${p(1)}, customer_version = ${p(2)}, customer_deleted = ${p(3)}, plan = ${p(4)}, price_id = ${p(5)},
        subscription_id = ${p(6)}, status = ${p(7)}, current_period_end = ${p(8)}::timestamptz, cancel_at_period_end = ${p(9)},
        subscription_version = ${p(10)}, payment_state = ${p(11)}, payment_version = ${p(12)}, failing_invoice_id = ${p(13)},
        failed_since = ${p(14)}::timestamptz, last_payment_amount = ${p(15)}, last_payment_currency = ${p(16)}, last_payment_at = ${p(17)}::timestamptz,
        card_brand = ${p(18)}, card_last4 = ${p(19)}, card_version = ${p(20)}, entitlement_active = ${p(21)}, entitlement_reason = ${p(22)},
        updated_at = now()
      where id = ${p(0)}
    )`;
  const params = [
    a.id, a.email, a.customerVersion, a.customerDeleted, a.plan, a.priceId, a.subscriptionId, a.status, a.currentPeriodEnd,
    a.cancelAtPeriodEnd, a.subscriptionVersion, a.paymentState, a.paymentVersion, a.failingInvoiceId, a.failedSince,
    a.lastPaymentAmount, a.lastPaymentCurrency, a.lastPaymentAt, a.cardBrand, a.cardLast4, a.cardVersion, a.entitlementActive,
    a.entitlementReason,
  ];
  return { cte, params };
}

/**
 * Links a customer to a user when neither is linked yet (one user, one customer), and hands
 * the customer's invoices to the user. False when either side is already taken.
 */
export async function linkCustomerToUser(tx: Queryable, customerId: string, userId: string): Promise<boolean> {
  const linked = await tx.query(
    `update billing_accounts set user_id = $2, updated_at = now()
     where stripe_customer_id = $1 and user_id is null and not exists (select 1 from billing_accounts where user_id = $2)
     returning id`,
    [customerId, userId],
  );
  if (linked.length) await tx.query('update invoices set user_id = $2 where stripe_customer_id = $1', [customerId, userId]);
  return linked.length === 1;
}

/**
 * On a signed-in request: a user with no customer yet takes the one unlinked customer whose
 * email is the user's verified email. Two unlinked customers with that email link neither.
 */
export async function linkByVerifiedEmail(db: Queryable, userId: string, email: string): Promise<string | null> {
  const candidates = await db.query<{ customerId: string }>(
    `select stripe_customer_id as "customerId" from billing_accounts
     where user_id is null and stripe_customer_id is not null and lower(email) = lower($2)
       and not customer_deleted and not exists (select 1 from billing_accounts where user_id = $1)
     limit 2`,
    [userId, email],
  );
  if (candidates.length !== 1) return null;
  const customerId = candidates[0]!.customerId;
  try {
    return (await linkCustomerToUser(db, customerId, userId)) ? customerId : null;
  } catch (error) {
    // Two requests of one user linking at once: the unique user_id lets one win.
    if ((error as { code?: string }).code === '23505') return null;
    throw error;
  }
}

export async function findAccountOfUser(db: Queryable, userId: string): Promise<BillingAccount | null> {
  const [row] = await db.query<BillingAccount>(`select ${ACCOUNT_COLUMNS} from billing_accounts where user_id = $1`, [userId]);
  return row ?? null;
}

export function findAccounts(db: Queryable, filter: { email?: string | undefined; customerId?: string | undefined }): Promise<BillingAccount[]> {
  if (filter.customerId) return db.query<BillingAccount>(`select ${ACCOUNT_COLUMNS} from billing_accounts where stripe_customer_id = $1`, [filter.customerId]);
  return db.query<BillingAccount>(`select ${ACCOUNT_COLUMNS} from billing_accounts where lower(email) = lower($1) order by id limit 20`, [filter.email ?? '']);
}

export interface Invoice {
  id: string;
  userId: string | null;
  stripeCustomerId: string | null;
  number: string | null;
  amountDue: number;
  amountPaid: number;
  amountRemaining: number | null;
  currency: string;
  status: string;
  dueAt: Date | null;
  paidAt: Date | null;
  subscriptionId: string | null;
  billingReason: string | null;
  hostedInvoiceUrl: string | null;
  firstFailedAt: Date | null;
  statusVersion: string;
  createdAt: Date;
}

const INVOICE_COLUMNS = `id, user_id as "userId", stripe_customer_id as "stripeCustomerId", number, amount_due::float8 as "amountDue",
  amount_paid::float8 as "amountPaid", amount_remaining::float8 as "amountRemaining", currency, status, due_at as "dueAt", paid_at as "paidAt",
  subscription_id as "subscriptionId", billing_reason as "billingReason", hosted_invoice_url as "hostedInvoiceUrl",
  first_failed_at as "firstFailedAt", status_version as "statusVersion", created_at as "createdAt"`;

/** The invoice row for a Stripe invoice, locked, as a CTE (`locked_invoice`) read when `condition` holds. */
export function lockInvoiceSql(invoiceParam: string, condition: string): string {
  return `locked_invoice as (select ${INVOICE_COLUMNS} from invoices where id = ${invoiceParam} and ${condition} for update)`;
}

/** An invoice row that came back as JSON (`row_to_json` of locked_invoice): its times as dates again. */
export function invoiceFromJson(row: Record<string, unknown>): Invoice {
  const date = (v: unknown) => (v == null ? null : new Date(String(v)));
  const i = row as unknown as Invoice;
  return { ...i, dueAt: date(row.dueAt), paidAt: date(row.paidAt), firstFailedAt: date(row.firstFailedAt), createdAt: date(row.createdAt)! };
}

/** The invoice row for a Stripe invoice, locked; null when it was never seen. */
export async function lockInvoice(tx: Queryable, invoiceId: string): Promise<Invoice | null> {
  const [row] = await tx.query<Invoice>(`with ${lockInvoiceSql('$1::text', 'true')} select * from locked_invoice`, [invoiceId]);
  return row ?? null;
}

/** The invoice upsert as one data-modifying CTE (`saved_invoice`), parameters from `$first`; see saveAccountSql. */
export function saveInvoiceSql(i: Invoice, first: number): { cte: string; params: unknown[] } {
  const p = (n: number) => `$${first + n}`;
  const cte = `saved_invoice as (
      insert into invoices (id, user_id, stripe_customer_id, number, amount_due, amount_paid, amount_remaining, currency, status, due_at,
        paid_at, subscription_id, billing_reason, hosted_invoice_url, first_failed_at, status_version, created_at)
      values (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::bigint, ${p(5)}::bigint, ${p(6)}::bigint, ${p(7)}, ${p(8)}, ${p(9)}::timestamptz,
        ${p(10)}::timestamptz, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}::timestamptz, ${p(15)}, ${p(16)}::timestamptz)
      on conflict (id) do update set user_id = excluded.user_id, number = excluded.number, amount_due = excluded.amount_due,
        amount_paid = excluded.amount_paid, amount_remaining = excluded.amount_remaining, currency = excluded.currency,
        status = excluded.status, due_at = excluded.due_at, paid_at = excluded.paid_at, subscription_id = excluded.subscription_id,
        billing_reason = excluded.billing_reason, hosted_invoice_url = excluded.hosted_invoice_url,
        first_failed_at = excluded.first_failed_at, status_version = excluded.status_version
    )`;
  const params = [
    i.id, i.userId, i.stripeCustomerId, i.number, i.amountDue, i.amountPaid, i.amountRemaining, i.currency, i.status, i.dueAt,
    i.paidAt, i.subscriptionId, i.billingReason, i.hostedInvoiceUrl, i.firstFailedAt, i.statusVersion, i.createdAt,
  ];
  return { cte, params };
}

/**
 * The invoice when it exists and belongs to `userId`, found by its id (`in_…`) or by the
 * number the customer sees on it (`ABCD-0012`, any case); another user's invoice is as
 * absent as a missing one.
 */
export async function findOwnInvoice(db: Queryable, userId: string, reference: string): Promise<Invoice | null> {
  const [invoice] = await db.query<Invoice>(
    `select ${INVOICE_COLUMNS} from invoices where user_id = $1 and (id = $2 or upper(number) = upper($2)) limit 1`,
    [userId, reference],
  );
  return invoice ?? null;
}

/** The user's five newest invoices, newest first. */
export function recentInvoices(db: Queryable, userId: string, limit = 5): Promise<Invoice[]> {
  return db.query<Invoice>(`select ${INVOICE_COLUMNS} from invoices where user_id = $1 order by created_at desc, id limit $2`, [userId, limit]);
}

export function invoicesOfCustomer(db: Queryable, customerId: string): Promise<Invoice[]> {
  return db.query<Invoice>(`select ${INVOICE_COLUMNS} from invoices where stripe_customer_id = $1 order by created_at desc, id`, [customerId]);
}

/** What the user still owes, per currency: the open invoices' remaining amounts. */
export function amountsDue(db: Queryable, userId: string): Promise<Array<{ currency: string; amount: number }>> {
  return db.query(
    `select currency, sum(coalesce(amount_remaining, amount_due - amount_paid))::float8 as amount from invoices
     where user_id = $1 and status = 'open' group by currency order by currency`,
    [userId],
  );
}

/** Remembers which customer a charge (and its payment intent) belongs to. */
export async function recordPayment(tx: Queryable, p: { chargeId: string; paymentIntentId: string | null; customerId: string | null }): Promise<void> {
  await tx.query(
    `insert into billing_payments (charge_id, payment_intent_id, stripe_customer_id) values ($1, $2, $3)
     on conflict (charge_id) do update set payment_intent_id = coalesce(billing_payments.payment_intent_id, excluded.payment_intent_id),
       stripe_customer_id = coalesce(billing_payments.stripe_customer_id, excluded.stripe_customer_id)`,
    [p.chargeId, p.paymentIntentId, p.customerId],
  );
}

export async function customerOfPayment(db: Queryable, p: { chargeId: string | null; paymentIntentId: string | null }): Promise<string | null> {
  const [row] = await db.query<{ customerId: string }>(
    `select stripe_customer_id as "customerId" from billing_payments
     where stripe_customer_id is not null and (charge_id = $1 or payment_intent_id = $2) limit 1`,
    [p.chargeId, p.paymentIntentId],
  );
  return row?.customerId ?? null;
}
