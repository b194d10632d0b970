import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { App } from './gateway.ts';
import { STRIPE_WEBHOOK_SECRET } from './gateway.ts';

/**
 * Stripe objects for tests, typed with the SDK's own types for the pinned API version
 * (`Stripe.API_VERSION`): each builder returns exactly the fields the gateway reads, as
 * `Pick<Stripe.X, …>`, so a renamed or retyped field in the published shapes fails to compile.
 */

let seq = 0;
export const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export type EventEnvelope = Pick<Stripe.Event, 'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'pending_webhooks' | 'request' | 'type'> & {
  data: { object: unknown };
};

export function event(type: Stripe.Event['type'], object: unknown, created: number, id = uid('evt')): Stripe.Event {
  const envelope: EventEnvelope = {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
  return envelope as Stripe.Event;
}

export const customer = (o: { id: string; email: string; userId?: string }) =>
  ({ id: o.id, object: 'customer', email: o.email, metadata: o.userId ? { user_id: o.userId } : {}, created: 1_700_000_000, livemode: false }) satisfies Pick<
    Stripe.Customer,
    'id' | 'object' | 'email' | 'metadata' | 'created' | 'livemode'
  >;

export const deletedCustomer = (id: string) => ({ id, object: 'customer', deleted: true }) satisfies Stripe.DeletedCustomer;

export const checkoutSession = (o: { customer: string; userId?: string; email: string; amount: number; currency: string; subscription?: string; created: number }) =>
  ({
    id: uid('cs_test'),
    object: 'checkout.session',
    customer: o.customer,
    client_reference_id: o.userId ?? null,
    metadata: {},
    customer_details: { email: o.email, address: null, business_name: null, individual_name: null, name: null, phone: null, tax_exempt: 'none', tax_ids: [] },
    mode: o.subscription ? 'subscription' : 'payment',
    payment_status: 'paid',
    status: 'complete',
    amount_total: o.amount,
    currency: o.currency,
    subscription: o.subscription ?? null,
    created: o.created,
  }) satisfies Pick<
    Stripe.Checkout.Session,
    | 'id' | 'object' | 'customer' | 'client_reference_id' | 'metadata' | 'customer_details' | 'mode' | 'payment_status' | 'status'
    | 'amount_total' | 'currency' | 'subscription' | 'created'
  >;

export const price = (o: { id: string; nickname: string; currency: string; amount: number }) =>
  ({ id: o.id, object: 'price', nickname: o.nickname, lookup_key: null, product: 'prod_test', currency: o.currency, unit_amount: o.amount }) satisfies Pick<
    Stripe.Price,
    'id' | 'object' | 'nickname' | 'lookup_key' | 'product' | 'currency' | 'unit_amount'
  >;

export const subscription = (o: {
  id: string;
  customer: string;
  status: Stripe.Subscription.Status;
  price: ReturnType<typeof price>;
  periodEnd: number;
  cancelAtPeriodEnd?: boolean;
}) =>
  ({
    id: o.id,
    object: 'subscription',
    customer: o.customer,
    status: o.status,
    cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
    items: {
      object: 'list',
      has_more: false,
      url: `/v1/subscription_items?subscription=${o.id}`,
      data: [{ id: uid('si'), object: 'subscription_item', price: o.price, current_period_end: o.periodEnd, current_period_start: o.periodEnd - 30 * 86400, quantity: 1 }],
    },
  }) satisfies Omit<Pick<Stripe.Subscription, 'id' | 'object' | 'customer' | 'status' | 'cancel_at_period_end'>, never> & {
    items: Pick<Stripe.ApiList<unknown>, 'object' | 'has_more' | 'url'> & {
      data: Array<Pick<Stripe.SubscriptionItem, 'id' | 'object' | 'current_period_end' | 'current_period_start' | 'quantity'> & { price: ReturnType<typeof price> }>;
    };
  };

export const invoice = (o: {
  id: string;
  number: string;
  customer: string;
  subscription?: string;
  currency: string;
  amountDue: number;
  status: Stripe.Invoice.Status;
  paidAt?: number;
  created: number;
  billingReason?: Stripe.Invoice.BillingReason;
  attempts?: number;
}) =>
  ({
    id: o.id,
    object: 'invoice',
    number: o.number,
    customer: o.customer,
    currency: o.currency,
    amount_due: o.amountDue,
    amount_paid: o.status === 'paid' ? o.amountDue : 0,
    amount_remaining: o.status === 'paid' ? 0 : o.amountDue,
    status: o.status,
    created: o.created,
    due_date: null,
    attempt_count: o.attempts ?? 0,
    billing_reason: o.billingReason ?? 'subscription_cycle',
    hosted_invoice_url: `https://invoice.stripe.com/i/${o.id}`,
    status_transitions: { finalized_at: o.created, paid_at: o.paidAt ?? null, marked_uncollectible_at: null, voided_at: null },
    parent: o.subscription
      ? { type: 'subscription_details', quote_details: null, subscription_details: { subscription: o.subscription, metadata: null } }
      : null,
  }) satisfies Pick<
    Stripe.Invoice,
    | 'id' | 'object' | 'number' | 'customer' | 'currency' | 'amount_due' | 'amount_paid' | 'amount_remaining' | 'status' | 'created' | 'due_date'
    | 'attempt_count' | 'billing_reason' | 'hosted_invoice_url' | 'status_transitions' | 'parent'
  >;

const cardDetails = (last4: string) =>
  ({ type: 'card', card: { brand: 'visa', last4, exp_month: 12, exp_year: 2030, country: 'US', fingerprint: null, funding: 'credit' } }) as const;

export const charge = (o: { id: string; customer: string; paymentIntent: string; amount: number; currency: string; refunded?: boolean; created: number; last4?: string }) =>
  ({
    id: o.id,
    object: 'charge',
    customer: o.customer,
    payment_intent: o.paymentIntent,
    amount: o.amount,
    amount_refunded: o.refunded ? o.amount : 0,
    refunded: o.refunded ?? false,
    currency: o.currency,
    created: o.created,
    status: 'succeeded',
    payment_method_details: cardDetails(o.last4 ?? '4242') as unknown as Stripe.Charge.PaymentMethodDetails,
  }) satisfies Pick<
    Stripe.Charge,
    'id' | 'object' | 'customer' | 'payment_intent' | 'amount' | 'amount_refunded' | 'refunded' | 'currency' | 'created' | 'status' | 'payment_method_details'
  >;

export const paymentIntent = (o: { id: string; customer: string; amount: number; currency: string; status: Stripe.PaymentIntent.Status; charge?: string; created: number }) =>
  ({
    id: o.id,
    object: 'payment_intent',
    customer: o.customer,
    amount: o.amount,
    amount_received: o.status === 'succeeded' ? o.amount : 0,
    currency: o.currency,
    status: o.status,
    latest_charge: o.charge ?? null,
    created: o.created,
  }) satisfies Pick<Stripe.PaymentIntent, 'id' | 'object' | 'customer' | 'amount' | 'amount_received' | 'currency' | 'status' | 'latest_charge' | 'created'>;

export const dispute = (o: { id: string; charge: string; paymentIntent: string; amount: number; currency: string; status: Stripe.Dispute.Status; created: number }) =>
  ({
    id: o.id,
    object: 'dispute',
    charge: o.charge,
    payment_intent: o.paymentIntent,
    amount: o.amount,
    currency: o.currency,
    status: o.status,
    reason: 'fraudulent',
    created: o.created,
  }) satisfies Pick<Stripe.Dispute, 'id' | 'object' | 'charge' | 'payment_intent' | 'amount' | 'currency' | 'status' | 'reason' | 'created'>;

/** The Stripe-Signature header Stripe would send, from the SDK's own test helper. */
export function sign(payload: string, o: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: o.secret ?? STRIPE_WEBHOOK_SECRET, ...(o.timestamp ? { timestamp: o.timestamp } : {}) });
}

/** Delivers an event (or any raw body) to the webhook as Stripe would. */
export async function deliver(app: App, body: Stripe.Event | string, o: { secret?: string; timestamp?: number; signature?: string | null } = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = o.signature === undefined ? sign(payload, o) : o.signature;
  if (signature !== null) headers['stripe-signature'] = signature;
  return app.request('/webhooks/stripe', { method: 'POST', headers, body: payload });
}

async function bodyOf(req: IncomingMessage) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

/**
 * A local server that speaks the Stripe API's shape for the calls the gateway makes
 * (billing portal sessions, event lists with cursor pagination), keeping what it is told.
 */
export async function fakeStripeApi() {
  const state = { events: [] as Stripe.Event[], portalSessions: [] as Array<{ customer: string; return_url: string }>, requests: [] as string[], traceHeaders: [] as Array<{ requestId?: string; traceparent?: string }>, delayMs: 0, fail: false };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    state.traceHeaders.push({ requestId: req.headers['x-request-id'] as string | undefined, traceparent: req.headers.traceparent as string | undefined });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': uid('req') });
      res.end(JSON.stringify(body));
    };
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    if (state.fail) return send(500, { error: { type: 'api_error', message: 'boom' } });
    if (!/^Bearer sk_test_/.test(req.headers.authorization ?? '')) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
    if (req.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
      const form = await bodyOf(req);
      const customer = form.get('customer') ?? '';
      state.portalSessions.push({ customer, return_url: form.get('return_url') ?? '' });
      return send(200, { id: uid('bps'), object: 'billing_portal.session', customer, url: `https://billing.stripe.test/p/session/${customer}`, return_url: form.get('return_url') });
    }
    if (req.method === 'GET' && url.pathname === '/v1/events') {
      const gte = Number(url.searchParams.get('created[gte]') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const after = url.searchParams.get('starting_after');
      // Newest first, as Stripe lists them.
      const all = state.events.filter((e) => e.created >= gte).sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
      const start = after ? all.findIndex((e) => e.id === after) + 1 : 0;
      const page = all.slice(start, start + limit);
      return send(200, { object: 'list', url: '/v1/events', has_more: start + limit < all.length, data: page });
    }
    send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}
