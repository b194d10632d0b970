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
 * The customer's row, created empty when Stripe names a customer for the first time, locked for
 * this transaction: the no-op update on conflict returns the existing row and takes its lock.
 */
export async function lockAccountOfCustomer(tx: Queryable, customerId: string): Promise<BillingAccount> {
  const [row] = await tx.query<BillingAccount>(
    `insert into billing_accounts (stripe_customer_id, status) values ($1, 'none')
     on conflict (stripe_customer_id) do update set stripe_customer_id = excluded.stripe_customer_id
     returning ${ACCOUNT_COLUMNS}`,
    [customerId],
  );
  if (!row) throw new Error('billing account vanished inside its transaction');
  return row;
}

const date = (v: unknown) => (v == null ? null : new Date(String(v)));

/**
 * The account as a `billing_accounts` row in JSON (column names): the Stripe event path hands its
 * new state to the outcome function (migration 011), which writes the columns an event can change.
 */
export function accountRowJson(a: BillingAccount): Record<string, unknown> {
  return {
    id: a.id, email: a.email, customer_version: a.customerVersion, customer_deleted: a.customerDeleted, plan: a.plan, price_id: a.priceId,
    subscription_id: a.subscriptionId, status: a.status, current_period_end: a.currentPeriodEnd, cancel_at_period_end: a.cancelAtPeriodEnd,
    subscription_version: a.subscriptionVersion, payment_state: a.paymentState, payment_version: a.paymentVersion,
    failing_invoice_id: a.failingInvoiceId, failed_since: a.failedSince, last_payment_amount: a.lastPaymentAmount,
    last_payment_currency: a.lastPaymentCurrency, last_payment_at: a.lastPaymentAt, card_brand: a.cardBrand, card_last4: a.cardLast4,
    card_version: a.cardVersion, entitlement_active: a.entitlementActive, entitlement_reason: a.entitlementReason,
  };
}

/** A `billing_accounts` row that came back as JSON (the claim function's): the same fields ACCOUNT_COLUMNS reads. */
export function accountFromRow(r: Record<string, unknown>): BillingAccount {
  return {
    id: Number(r.id), userId: r.user_id as string | null, email: r.email as string | null, stripeCustomerId: r.stripe_customer_id as string | null,
    customerVersion: r.customer_version as string, customerDeleted: r.customer_deleted as boolean, plan: r.plan as string | null,
    priceId: r.price_id as string | null, subscriptionId: r.subscription_id as string | null, status: r.status as string,
    currentPeriodEnd: date(r.current_period_end), cancelAtPeriodEnd: r.cancel_at_period_end as boolean,
    subscriptionVersion: r.subscription_version as string, paymentState: r.payment_state as PaymentState,
    paymentVersion: r.payment_version as string, failingInvoiceId: r.failing_invoice_id as string | null, failedSince: date(r.failed_since),
    lastPaymentAmount: r.last_payment_amount == null ? null : Number(r.last_payment_amount), lastPaymentCurrency: r.last_payment_currency as string | null,
    lastPaymentAt: date(r.last_payment_at), cardBrand: r.card_brand as string | null, cardLast4: r.card_last4 as string | null,
    cardVersion: r.card_version as string, entitlementActive: r.entitlement_active as boolean, entitlementReason: r.entitlement_reason as string | null,
    updatedAt: date(r.updated_at)!,
  };
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

/** An `invoices` row that came back as JSON (the claim function's): the same fields INVOICE_COLUMNS reads. */
export function invoiceFromRow(r: Record<string, unknown>): Invoice {
  const amount = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: r.id as string, userId: r.user_id as string | null, stripeCustomerId: r.stripe_customer_id as string | null, number: r.number as string | null,
    amountDue: Number(r.amount_due), amountPaid: Number(r.amount_paid), amountRemaining: amount(r.amount_remaining), currency: r.currency as string,
    status: r.status as string, dueAt: date(r.due_at), paidAt: date(r.paid_at), subscriptionId: r.subscription_id as string | null,
    billingReason: r.billing_reason as string | null, hostedInvoiceUrl: r.hosted_invoice_url as string | null,
    firstFailedAt: date(r.first_failed_at), statusVersion: r.status_version as string, createdAt: date(r.created_at)!,
  };
}

/** The invoice row for a Stripe invoice, locked; null when it was never seen. */
export async function lockInvoice(tx: Queryable, invoiceId: string): Promise<Invoice | null> {
  const [row] = await tx.query<Invoice>(`select ${INVOICE_COLUMNS} from invoices where id = $1 for update`, [invoiceId]);
  return row ?? null;
}

/** The invoice as an `invoices` row in JSON (column names), for the outcome function (migration 011), which upserts it. */
export function invoiceRowJson(i: Invoice): Record<string, unknown> {
  return {
    id: i.id, user_id: i.userId, stripe_customer_id: i.stripeCustomerId, number: i.number, amount_due: i.amountDue, amount_paid: i.amountPaid,
    amount_remaining: i.amountRemaining, currency: i.currency, status: i.status, due_at: i.dueAt, paid_at: i.paidAt,
    subscription_id: i.subscriptionId, billing_reason: i.billingReason, hosted_invoice_url: i.hostedInvoiceUrl,
    first_failed_at: i.firstFailedAt, status_version: i.statusVersion, created_at: i.createdAt,
  };
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
