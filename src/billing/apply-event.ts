import type Stripe from 'stripe';
import type { Queryable } from '../store/database.ts';
import {
  customerOfPayment,
  linkCustomerToUser,
  lockAccountOfCustomer,
  lockInvoice,
  recordPayment,
  type BillingAccount,
  type Invoice,
  type PaymentState,
} from '../store/billing.ts';
import type { OutboxMessage } from '../store/outbox.ts';
import type { AppliedEffects, ClaimLocked, ClaimLocks } from '../store/stripe-events.ts';
import { openSystemTicket } from '../store/tickets.ts';
import { entitlementOf } from './entitlement.ts';
import { formatMoney } from './money.ts';

export interface ApplyOptions {
  graceDays: number;
  publicBaseUrl: string;
  now: Date;
}

/**
 * A processed event's writes to the account, its invoice and the outbox are returned, not made:
 * the caller writes them with the event's outcome in one statement (store/stripe-events.ts).
 */
export type ApplyOutcome =
  | { status: 'processed'; customerId: string; chargesRecorded: string[]; effects: AppliedEffects }
  | { status: 'ignored'; note: string; chargesRecorded?: string[] };

/**
 * Event types that change billing state. Anything else is stored and acknowledged as
 * `ignored`; charge.succeeded is taken too because it is where the card brand and last4
 * (never more) and the charge → customer link come from.
 */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.finalized',
  'invoice.paid',
  'invoice.payment_failed',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.succeeded',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
] as const;

/**
 * A version orders what Stripe said about one thing: the event's `created` (seconds), then a
 * rank for events of the same second (a deletion or a refund outranks an update or a
 * payment), then the event id, so any delivery order ends in the same state.
 */
export const versionOf = (event: Pick<Stripe.Event, 'created' | 'id'>, rank: number) =>
  `${String(event.created).padStart(12, '0')}:${rank}:${event.id}`;

const PAYMENT_RANK: Record<PaymentState, number> = { pending: 0, paid: 1, failed: 2, refunded: 4, disputed: 5 };
const TERMINAL_INVOICE = new Set(['paid', 'void', 'uncollectible']);

/**
 * What each handler reads from Stripe's objects: the SDK's own types narrowed to those fields.
 * A field Stripe renames or retypes in a new API version fails to compile here, and the test
 * fixtures, built to the same Picks, cannot drift from what the code reads.
 */
type CustomerFields = Pick<Stripe.Customer, 'id' | 'email' | 'metadata'>;
type CheckoutFields = Pick<
  Stripe.Checkout.Session,
  'client_reference_id' | 'metadata' | 'customer_details' | 'subscription' | 'payment_status' | 'amount_total' | 'currency' | 'created'
>;
type PriceFields = Pick<Stripe.Price, 'id' | 'nickname' | 'lookup_key' | 'product'>;
type SubscriptionFields = Pick<Stripe.Subscription, 'id' | 'status' | 'cancel_at_period_end'> & {
  items?: { data?: Array<Pick<Stripe.SubscriptionItem, 'current_period_end'> & { price?: PriceFields }> };
};
type InvoiceFields = Pick<
  Stripe.Invoice,
  | 'id' | 'number' | 'amount_due' | 'amount_paid' | 'amount_remaining' | 'currency' | 'status' | 'due_date' | 'status_transitions'
  | 'parent' | 'billing_reason' | 'hosted_invoice_url' | 'created' | 'attempt_count'
>;
type ChargeFields = Pick<Stripe.Charge, 'id' | 'payment_intent' | 'payment_method_details' | 'refunded'>;
type PaymentIntentFields = Pick<Stripe.PaymentIntent, 'id' | 'amount_received' | 'currency' | 'created'> & {
  latest_charge: string | Pick<Stripe.Charge, 'id' | 'payment_method_details'> | null;
};
type DisputeFields = Pick<Stripe.Dispute, 'id' | 'amount' | 'currency' | 'reason' | 'evidence_details' | 'charge' | 'payment_intent' | 'status'>;
/** Any event object, as far as finding its customer goes. */
type CustomerOwned = Partial<Pick<Stripe.Customer, 'object' | 'id'>> & { customer?: string | Pick<Stripe.Customer, 'id'> | null };

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === 'string' ? v : v.id);
const at = (seconds: number | null | undefined) => (seconds == null ? null : new Date(seconds * 1000));

/** The Stripe customer an event is about, when the object names one. */
export function customerOfEvent(event: Stripe.Event): string | null {
  const object = event.data.object as CustomerOwned;
  if (object.object === 'customer') return object.id ?? null;
  return idOf(object.customer ?? null);
}

/** Moves the payment state when this event is newer than the one that set it. */
function setPayment(a: BillingAccount, state: PaymentState, version: string): boolean {
  if (version <= a.paymentVersion) return false;
  a.paymentState = state;
  a.paymentVersion = version;
  return true;
}

function setLastPayment(a: BillingAccount, amount: number, currency: string, paidAt: Date) {
  if (a.lastPaymentAt && a.lastPaymentAt.getTime() >= paidAt.getTime()) return;
  a.lastPaymentAmount = amount;
  a.lastPaymentCurrency = currency;
  a.lastPaymentAt = paidAt;
}

function setCard(a: BillingAccount, details: Stripe.Charge.PaymentMethodDetails | null | undefined, version: string) {
  const card = details?.card;
  if (!card || version <= a.cardVersion) return;
  a.cardBrand = card.brand ?? null;
  // Only the last four digits are ever kept, and only when they are four digits.
  a.cardLast4 = card.last4 && /^[0-9]{4}$/.test(card.last4) ? card.last4 : null;
  a.cardVersion = version;
}

interface Context {
  tx: Queryable;
  event: Stripe.Event;
  options: ApplyOptions;
  locked: ClaimLocked | null;
  chargesRecorded: string[];
  effects: AppliedEffects;
}

/** The same dedupe key is queued once, however often the event is delivered or applied. */
function enqueue(c: Context, message: OutboxMessage, dedupeKey: string) {
  c.effects.outbox.push({ ...message, dedupeKey });
}

function firstPaymentEffects(c: Context, a: BillingAccount) {
  const customerId = a.stripeCustomerId!;
  enqueue(
    c,
    { topic: 'crm.lifecycle', payload: { stripeCustomerId: customerId, userId: a.userId, email: a.email, lifecycle: 'customer', eventId: c.event.id } },
    `stripe:first_payment:crm:${customerId}`,
  );
  enqueue(
    c,
    { topic: 'notify.billing_welcome', payload: { stripeCustomerId: customerId, userId: a.userId, email: a.email, eventId: c.event.id } },
    `stripe:first_payment:notify:${customerId}`,
  );
}

function adminLink(c: Context, customerId: string) {
  return `${c.options.publicBaseUrl.replace(/\/$/, '')}/admin/v1/billing?customerId=${encodeURIComponent(customerId)}`;
}

/** The CRM's `ticket.created` event: what the ticket is about, never more than the ticket holds. */
function ticketCreated(ticketId: string, p: { kind: string; priority: string; subject: string }, a: BillingAccount) {
  return { ticketId, category: 'billing', priority: p.priority, subject: p.subject, kind: p.kind, email: a.email, stripeCustomerId: a.stripeCustomerId, source: 'stripe' };
}

/** One ticket, one founder alert and one CRM update per problem (invoice or dispute), whatever is redelivered. */
async function raiseProblem(
  c: Context,
  a: BillingAccount,
  p: { threadId: string; kind: 'payment_failed' | 'dispute'; priority: 'high' | 'urgent'; subject: string; summary: string; detail: Record<string, unknown> },
) {
  const customerId = a.stripeCustomerId!;
  const ticket = await openSystemTicket(c.tx, {
    threadId: p.threadId,
    category: 'billing',
    subject: p.subject,
    summary: p.summary,
    priority: p.priority,
    tags: ['stripe', p.kind],
    contactEmail: a.email ?? 'unknown',
    requester: 'stripe',
    // Stripe's signed event, not a visitor's words: the helpdesk may trust it.
    verified: true,
    transcriptUrl: adminLink(c, customerId),
    update: { at: new Date(c.event.created * 1000).toISOString(), summary: `${c.event.type} (${c.event.id})`, priority: p.priority },
  });
  const payload = { ticketId: ticket.id, stripeCustomerId: customerId, userId: a.userId, email: a.email, kind: p.kind, ...p.detail };
  // The ticket reaches the helpdesk like one opened in chat, and the CRM hears of it once.
  if (ticket.inserted) {
    enqueue(c, { topic: 'helpdesk.create_ticket', payload: { ticketId: ticket.id, verified: true } }, `${p.threadId}:helpdesk`);
    enqueue(c, { topic: 'crm.ticket_created', payload: ticketCreated(ticket.id, p, a) }, `${p.threadId}:crm_ticket`);
  } else if (ticket.appended) {
    enqueue(c, { topic: 'helpdesk.append_ticket', payload: { ticketId: ticket.id, verified: true } }, `${p.threadId}:helpdesk:${c.event.id}`);
  }
  enqueue(c, { topic: 'alert.billing_problem', payload: { ...payload, priority: p.priority, subject: p.subject } }, `${p.threadId}:alert`);
  enqueue(c, { topic: 'crm.billing_status', payload: { ...payload, status: p.kind } }, `${p.threadId}:crm`);
}

/** The problem's ticket is closed with the event's outcome; the helpdesk and the CRM hear of it only if one was open. */
function resolveProblem(c: Context, a: BillingAccount, threadId: string, detail: Record<string, unknown>) {
  c.effects.resolveTicket = {
    threadId,
    category: 'billing',
    update: { at: new Date(c.event.created * 1000).toISOString(), summary: `resolved by ${c.event.type} (${c.event.id})`, resolved: true },
    outbox: [
      { topic: 'helpdesk.append_ticket', payload: { verified: true }, dedupeKey: `${threadId}:helpdesk:resolved` },
      {
        topic: 'crm.billing_status',
        payload: { stripeCustomerId: a.stripeCustomerId, userId: a.userId, email: a.email, status: 'recovered', ...detail },
        dedupeKey: `${threadId}:recovered`,
      },
    ],
  };
}

async function onCustomer(c: Context, customer: CustomerFields | Pick<Stripe.DeletedCustomer, 'id' | 'deleted'>, a: BillingAccount) {
  if ('deleted' in customer && customer.deleted) {
    a.customerDeleted = true;
    return;
  }
  const live = customer as CustomerFields;
  const version = versionOf(c.event, 1);
  if (version > a.customerVersion) {
    a.email = live.email ?? a.email;
    a.customerVersion = version;
  }
  const userId = live.metadata?.user_id;
  if (userId && (await linkCustomerToUser(c.tx, a.stripeCustomerId!, userId))) a.userId = userId;
}

async function onCheckout(c: Context, session: CheckoutFields, a: BillingAccount) {
  const userId = session.client_reference_id ?? session.metadata?.user_id ?? null;
  if (userId && (await linkCustomerToUser(c.tx, a.stripeCustomerId!, userId))) a.userId = userId;
  const version = versionOf(c.event, 0);
  if (session.customer_details?.email && version > a.customerVersion) {
    a.email = session.customer_details.email;
    a.customerVersion = version;
  }
  if (!a.subscriptionId) a.subscriptionId = idOf(session.subscription);
  if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
    setPayment(a, 'paid', versionOf(c.event, PAYMENT_RANK.paid));
    if (session.amount_total != null && session.currency) setLastPayment(a, session.amount_total, session.currency, at(session.created)!);
    firstPaymentEffects(c, a);
  }
}

async function onSubscription(c: Context, sub: SubscriptionFields, a: BillingAccount) {
  const deleted = c.event.type === 'customer.subscription.deleted';
  // A cancelled subscription stays cancelled: Stripe never revives one.
  if (!deleted && a.subscriptionId === sub.id && a.status === 'canceled') return;
  const version = versionOf(c.event, deleted ? 9 : c.event.type === 'customer.subscription.updated' ? 1 : 0);
  if (version <= a.subscriptionVersion) return;
  const item = sub.items?.data?.[0];
  const price = item?.price;
  a.subscriptionId = sub.id;
  a.status = deleted ? 'canceled' : sub.status;
  a.priceId = price?.id ?? a.priceId;
  a.plan = price ? (price.nickname ?? price.lookup_key ?? (typeof price.product === 'object' && 'name' in price.product ? price.product.name : null) ?? price.id) : a.plan;
  a.currentPeriodEnd = at(item?.current_period_end) ?? a.currentPeriodEnd;
  a.cancelAtPeriodEnd = sub.cancel_at_period_end;
  a.subscriptionVersion = version;
}

function invoiceRow(inv: InvoiceFields, a: BillingAccount, existing: Invoice | null): Invoice {
  return {
    id: inv.id,
    userId: a.userId,
    stripeCustomerId: a.stripeCustomerId,
    number: inv.number ?? existing?.number ?? null,
    amountDue: inv.amount_due,
    amountPaid: inv.amount_paid,
    amountRemaining: inv.amount_remaining,
    currency: inv.currency,
    status: inv.status ?? 'open',
    dueAt: at(inv.due_date),
    paidAt: at(inv.status_transitions?.paid_at),
    subscriptionId: idOf(inv.parent?.subscription_details?.subscription ?? null),
    billingReason: inv.billing_reason ?? null,
    hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
    firstFailedAt: existing?.firstFailedAt ?? null,
    statusVersion: existing?.statusVersion ?? '',
    createdAt: at(inv.created)!,
  };
}

const INVOICE_RANK: Record<string, number> = { 'invoice.finalized': 0, 'invoice.payment_failed': 1, 'invoice.paid': 2 };

async function onInvoice(c: Context, inv: InvoiceFields, a: BillingAccount) {
  const existing = c.locked?.invoiceId === inv.id ? c.locked.invoice : await lockInvoice(c.tx, inv.id);
  const version = versionOf(c.event, INVOICE_RANK[c.event.type] ?? 0);
  const incoming = invoiceRow(inv, a, existing);
  if (c.event.type === 'invoice.paid') incoming.status = 'paid';
  // A paid, void or uncollectible invoice never goes back to open; among the rest the newer wins.
  const wins =
    !existing ||
    (version > existing.statusVersion && (!TERMINAL_INVOICE.has(existing.status) || TERMINAL_INVOICE.has(incoming.status)));
  const row: Invoice = wins ? { ...incoming, statusVersion: version } : { ...existing!, userId: a.userId, number: existing!.number ?? incoming.number };
  const failed = c.event.type === 'invoice.payment_failed';
  if (failed) {
    const t = at(c.event.created)!;
    row.firstFailedAt = row.firstFailedAt && row.firstFailedAt <= t ? row.firstFailedAt : t;
  }
  c.effects.invoice = row;
  const threadId = `stripe:${inv.id}`;
  const amount = formatMoney(inv.amount_remaining ?? inv.amount_due, inv.currency);

  if (c.event.type === 'invoice.paid') {
    setPayment(a, 'paid', versionOf(c.event, PAYMENT_RANK.paid));
    setLastPayment(a, inv.amount_paid, inv.currency, at(inv.status_transitions?.paid_at ?? c.event.created)!);
    resolveProblem(c, a, threadId, { invoiceId: inv.id, invoiceNumber: row.number });
    firstPaymentEffects(c, a);
  } else if (failed && row.status !== 'paid') {
    if (setPayment(a, 'failed', versionOf(c.event, PAYMENT_RANK.failed))) a.failingInvoiceId = inv.id;
    if (a.failingInvoiceId === inv.id) a.failedSince = row.firstFailedAt;
    const renewal = inv.billing_reason === 'subscription_cycle';
    await raiseProblem(c, a, {
      threadId,
      kind: 'payment_failed',
      priority: 'high',
      subject: `${renewal ? 'Renewal payment' : 'Payment'} failed: invoice ${row.number ?? inv.id} (${amount})`,
      summary: `Stripe could not collect ${amount} from ${a.email ?? a.stripeCustomerId} (attempt ${inv.attempt_count}). Access continues for the grace period, then stops.`,
      detail: { invoiceId: inv.id, invoiceNumber: row.number, amountDue: inv.amount_remaining ?? inv.amount_due, currency: inv.currency },
    });
  }
}

async function onPaymentIntent(c: Context, pi: PaymentIntentFields, a: BillingAccount) {
  const charge = pi.latest_charge;
  if (charge) {
    const chargeId = idOf(charge)!;
    await recordPayment(c.tx, { chargeId, paymentIntentId: pi.id, customerId: a.stripeCustomerId });
    c.chargesRecorded.push(chargeId);
    if (typeof charge === 'object') setCard(a, charge.payment_method_details, versionOf(c.event, 0));
  }
  if (c.event.type === 'payment_intent.succeeded') {
    setPayment(a, 'paid', versionOf(c.event, PAYMENT_RANK.paid));
    setLastPayment(a, pi.amount_received, pi.currency, at(pi.created)!);
    firstPaymentEffects(c, a);
  } else if (setPayment(a, 'failed', versionOf(c.event, PAYMENT_RANK.failed))) {
    if (a.failingInvoiceId !== `pi:${pi.id}`) a.failedSince = at(c.event.created);
    a.failingInvoiceId = `pi:${pi.id}`;
  }
}

async function onCharge(c: Context, charge: ChargeFields, a: BillingAccount) {
  await recordPayment(c.tx, { chargeId: charge.id, paymentIntentId: idOf(charge.payment_intent), customerId: a.stripeCustomerId });
  c.chargesRecorded.push(charge.id);
  setCard(a, charge.payment_method_details, versionOf(c.event, 0));
  // A partial refund leaves the payment standing; a full one takes the access it paid for.
  if (c.event.type === 'charge.refunded' && charge.refunded) setPayment(a, 'refunded', versionOf(c.event, PAYMENT_RANK.refunded));
}

async function onDispute(c: Context, dispute: DisputeFields, a: BillingAccount) {
  const threadId = `stripe:${dispute.id}`;
  const amount = formatMoney(dispute.amount, dispute.currency);
  if (c.event.type === 'charge.dispute.created') {
    setPayment(a, 'disputed', versionOf(c.event, PAYMENT_RANK.disputed));
    await raiseProblem(c, a, {
      threadId,
      kind: 'dispute',
      priority: 'urgent',
      subject: `Payment disputed: ${amount} (${dispute.reason})`,
      summary: `${a.email ?? a.stripeCustomerId} disputed a ${amount} payment (${dispute.reason}). Evidence is due ${dispute.evidence_details?.due_by ? new Date(dispute.evidence_details.due_by * 1000).toISOString().slice(0, 10) : 'soon'}.`,
      detail: { disputeId: dispute.id, chargeId: idOf(dispute.charge), amount: dispute.amount, currency: dispute.currency, reason: dispute.reason },
    });
    return;
  }
  // Closed: won gives the money (and the access) back; lost keeps it disputed.
  if (dispute.status === 'won') {
    setPayment(a, 'paid', versionOf(c.event, 6));
    resolveProblem(c, a, threadId, { disputeId: dispute.id, outcome: 'won' });
  } else {
    resolveProblem(c, a, threadId, { disputeId: dispute.id, outcome: dispute.status });
  }
}

export const isHandledEventType = (type: string) => (HANDLED_EVENT_TYPES as readonly string[]).includes(type);

/** The rows applying the event locks first (its customer's account, then its invoice), for the caller to lock with the claim. */
export function locksOf(event: Stripe.Event): ClaimLocks {
  if (!isHandledEventType(event.type)) return { customerId: null, invoiceId: null };
  const invoiceId = event.type.startsWith('invoice.') ? ((event.data.object as { id?: unknown }).id ?? null) : null;
  return { customerId: customerOfEvent(event), invoiceId: typeof invoiceId === 'string' ? invoiceId : null };
}

/**
 * Applies one verified event to the billing state inside the caller's transaction: the
 * customer's row is locked first, so concurrent events for one customer apply one at a time.
 * `locked` holds the rows the caller already locked with the event's claim (see locksOf).
 */
export async function applyStripeEvent(tx: Queryable, event: Stripe.Event, options: ApplyOptions, locked: ClaimLocked | null = null): Promise<ApplyOutcome> {
  if (!isHandledEventType(event.type)) return { status: 'ignored', note: 'unhandled_type' };
  const c: Context = { tx, event, options, locked, chargesRecorded: [], effects: { account: null, invoice: null, outbox: [], resolveTicket: null } };
  let customerId = customerOfEvent(event);
  if (!customerId && event.type.startsWith('charge.dispute.')) {
    const dispute = event.data.object as DisputeFields;
    customerId = await customerOfPayment(tx, { chargeId: idOf(dispute.charge), paymentIntentId: idOf(dispute.payment_intent) });
    // The charge is not known yet (events arrive in any order): kept and applied when it is.
    if (!customerId) return { status: 'ignored', note: `awaiting_charge:${idOf(dispute.charge)}` };
  }
  if (!customerId) return { status: 'ignored', note: 'no_customer' };

  const account = locked?.account?.stripeCustomerId === customerId ? locked.account : await lockAccountOfCustomer(tx, customerId);
  const object = event.data.object;
  switch (event.type) {
    case 'customer.created':
    case 'customer.updated':
    case 'customer.deleted':
      await onCustomer(c, object as CustomerFields | Stripe.DeletedCustomer, account);
      break;
    case 'checkout.session.completed':
      await onCheckout(c, object as CheckoutFields, account);
      break;
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      await onSubscription(c, object as SubscriptionFields, account);
      break;
    case 'invoice.finalized':
    case 'invoice.paid':
    case 'invoice.payment_failed':
      await onInvoice(c, object as InvoiceFields, account);
      break;
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
      await onPaymentIntent(c, object as PaymentIntentFields, account);
      break;
    case 'charge.succeeded':
    case 'charge.refunded':
      await onCharge(c, object as ChargeFields, account);
      break;
    case 'charge.dispute.created':
    case 'charge.dispute.closed':
      await onDispute(c, object as DisputeFields, account);
      break;
  }
  // Which payment failed, and since when, only means something while the payment state is failed.
  if (account.paymentState !== 'failed') {
    account.failingInvoiceId = null;
    account.failedSince = null;
  }
  const entitlement = entitlementOf(account, options.now, options.graceDays);
  account.entitlementActive = entitlement.active;
  account.entitlementReason = entitlement.reason;
  c.effects.account = account;
  return { status: 'processed', customerId, chargesRecorded: c.chargesRecorded, effects: c.effects };
}
