import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';

/**
 * Local HTTP stand-ins for HubSpot, Zendesk, a Slack incoming webhook and a Standard
 * Webhooks receiver, started by the tests. Each validates requests against a schema we
 * wrote from the vendor's published documentation (cited beside each schema; the contract
 * notes are in test/fixtures/vendors/), keeps state so a read-back sees an earlier create,
 * and takes injected faults for its next requests.
 */

/** What the next matching request gets instead of (or on top of) the normal answer. */
export type Fault = FaultKind & { method?: string };
type FaultKind =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** The connection is dropped before any answer; nothing is applied. */
  | { kind: 'reset' }
  /** The request is never answered; nothing is applied (the client's deadline fires). */
  | { kind: 'hang' }
  /** The effect is applied, then the answer is withheld: the client cannot know it worked. */
  | { kind: 'apply-then-hang' };

export type Vendor = 'hubspot' | 'zendesk' | 'slack' | 'webhook';

// HubSpot CRM v3 contacts, batch upsert ("Create or update a batch of contacts by unique property
// values", https://developers.hubspot.com/docs/api/crm/contacts; path and body as recorded in
// test/fixtures/vendors/hubspot/README.md). Property values are strings; idProperty names a
// unique property, here `email`.
const hubspotBatchUpsert = z
  .object({
    inputs: z
      .array(
        z
          .object({
            idProperty: z.literal('email'),
            id: z.email(),
            properties: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string()),
            objectWriteTraceId: z.string().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

// Zendesk Tickets API (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/;
// envelopes as recorded in test/fixtures/vendors/zendesk/README.md).
const zendeskPriority = z.enum(['low', 'normal', 'high', 'urgent']);
const zendeskCreate = z
  .object({
    ticket: z
      .object({
        subject: z.string().min(1),
        comment: z.object({ body: z.string().min(1) }).strict(),
        priority: zendeskPriority.optional(),
        tags: z.array(z.string().regex(/^\S+$/)).optional(),
        external_id: z.string().min(1).optional(),
        requester: z.object({ name: z.string().min(1), email: z.email() }).strict().optional(),
      })
      .strict(),
  })
  .strict();
const zendeskUpdate = z
  .object({ ticket: z.object({ comment: z.object({ body: z.string().min(1) }).strict().optional(), priority: zendeskPriority.optional(), status: z.string().optional() }).strict() })
  .strict();

// Slack incoming webhook: JSON with a required `text` (test/fixtures/vendors/slack/incoming-webhook.json).
const slackMessage = z.object({ text: z.string().min(1), blocks: z.array(z.object({ type: z.string() }).loose()).optional() }).loose();

export interface HubspotContact {
  id: string;
  properties: Record<string, string>;
}
/** The stand-in's own record of a ticket; the API answers with Zendesk's shapes (`zendeskTicketJson`, comments listed apart). */
export interface ZendeskTicket {
  id: number;
  external_id: string | null;
  subject: string;
  priority: string | null;
  tags: string[];
  requester: { name: string; email: string } | undefined;
  comments: string[];
  createdAt: string;
}

// A ticket as the Tickets API shows it (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/):
// comments are not part of it; the first comment is its `description`, and the requester is an id.
const zendeskTicketJson = (origin: string, t: ZendeskTicket) => ({
  id: t.id,
  url: `${origin}/api/v2/tickets/${t.id}.json`,
  external_id: t.external_id,
  subject: t.subject,
  description: t.comments[0] ?? '',
  priority: t.priority,
  status: 'open',
  tags: t.tags,
  requester_id: 9000 + t.id,
  created_at: t.createdAt,
  updated_at: t.createdAt,
});

// Ticket comments are read through their own endpoint, oldest first
// (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/, "List Comments").
const zendeskCommentsJson = (t: ZendeskTicket) => ({
  comments: t.comments.map((body, i) => ({ id: t.id * 1000 + i, type: 'Comment', body, plain_body: body, public: true, author_id: 9000 + t.id, created_at: t.createdAt })),
  next_page: null,
  previous_page: null,
  count: t.comments.length,
});

export interface StandInOptions {
  hubspotToken: string;
  zendesk: { email: string; apiToken: string };
  webhookSecret: string;
}

export async function startVendorStandIns(options: StandInOptions) {
  const hubspot = new Map<string, HubspotContact>();
  const zendesk = new Map<number, ZendeskTicket>();
  const slack: string[] = [];
  const webhookEvents = new Map<string, { type: string; data: Record<string, unknown> }>();
  /** Verified deliveries per webhook-id: more than one is a duplicate effect. */
  const webhookDeliveries = new Map<string, number>();
  /** Random transient failures: each request fails with this probability, with one of these faults. */
  const chaos: Record<Vendor, { rate: number; faults: Fault[] } | undefined> = { hubspot: undefined, zendesk: undefined, slack: undefined, webhook: undefined };
  const requests: Array<{ vendor: Vendor; method: string; path: string; idempotencyKey: string | undefined; requestId: string | undefined; traceparent: string | undefined }> = [];
  const faults: Record<Vendor, Fault[]> = { hubspot: [], zendesk: [], slack: [], webhook: [] };
  let hubspotIds = 1000;
  let zendeskIds = 1;
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  const webhook = new Webhook(options.webhookSecret);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(text);
  };

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  const parseJson = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  /** Each vendor's routes: returns the answer, applying the effect before returning it. */
  function handle(vendor: Vendor, req: IncomingMessage, url: URL, raw: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const json = parseJson(raw);
    if (vendor === 'hubspot') {
      if (req.headers.authorization !== `Bearer ${options.hubspotToken}`) {
        return { status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } };
      }
      if (req.method === 'POST' && url.pathname === '/crm/v3/objects/contacts/batch/upsert') {
        const parsed = hubspotBatchUpsert.safeParse(json);
        if (!parsed.success) return { status: 400, body: { status: 'error', category: 'VALIDATION_ERROR', message: parsed.error.message } };
        const now = new Date().toISOString();
        const results = parsed.data.inputs.map((input) => {
          const existing = hubspot.get(input.id);
          // HubSpot sets exactly the properties sent; an empty string clears a value.
          const contact = existing ?? { id: String(hubspotIds++), properties: {} };
          Object.assign(contact.properties, input.properties, { email: input.id });
          hubspot.set(input.id, contact);
          return { id: contact.id, properties: contact.properties, createdAt: now, updatedAt: now, archived: false, new: !existing };
        });
        return { status: 200, body: { status: 'COMPLETE', results, startedAt: now, completedAt: now } };
      }
      const byEmail = url.pathname.match(/^\/crm\/v3\/objects\/contacts\/([^/]+)$/);
      if (req.method === 'GET' && byEmail && url.searchParams.get('idProperty') === 'email') {
        const contact = hubspot.get(decodeURIComponent(byEmail[1]!));
        return contact ? { status: 200, body: contact } : { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } };
      }
      return { status: 404, body: { status: 'error', message: 'no such endpoint' } };
    }
    if (vendor === 'zendesk') {
      const expected = `Basic ${Buffer.from(`${options.zendesk.email}/token:${options.zendesk.apiToken}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return { status: 401, body: { error: "Couldn't authenticate you" } };
      const path = url.pathname.replace(/\.json$/, '');
      if (req.method === 'POST' && path === '/api/v2/tickets') {
        const parsed = zendeskCreate.safeParse(json);
        if (!parsed.success) return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: parsed.error.issues } };
        const t = parsed.data.ticket;
        const ticket: ZendeskTicket = {
          id: zendeskIds++,
          external_id: t.external_id ?? null,
          subject: t.subject,
          priority: t.priority ?? null,
          tags: t.tags ?? [],
          requester: t.requester,
          comments: [t.comment.body],
          createdAt: new Date().toISOString(),
        };
        zendesk.set(ticket.id, ticket);
        return { status: 201, body: { ticket: zendeskTicketJson(url.origin, ticket) }, headers: { location: `${url.origin}/api/v2/tickets/${ticket.id}.json` } };
      }
      if (req.method === 'GET' && path === '/api/v2/tickets') {
        const externalId = url.searchParams.get('external_id');
        const tickets = [...zendesk.values()].filter((t) => externalId === null || t.external_id === externalId).map((t) => zendeskTicketJson(url.origin, t));
        return { status: 200, body: { tickets, count: tickets.length, next_page: null, previous_page: null } };
      }
      const comments = path.match(/^\/api\/v2\/tickets\/(\d+)\/comments$/);
      if (comments && req.method === 'GET') {
        const ticket = zendesk.get(Number(comments[1]));
        return ticket ? { status: 200, body: zendeskCommentsJson(ticket) } : { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
      }
      const one = path.match(/^\/api\/v2\/tickets\/(\d+)$/);
      if (one && (req.method === 'GET' || req.method === 'PUT')) {
        const ticket = zendesk.get(Number(one[1]));
        if (!ticket) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
        if (req.method === 'PUT') {
          const parsed = zendeskUpdate.safeParse(json);
          if (!parsed.success) return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors' } };
          if (parsed.data.ticket.comment) ticket.comments.push(parsed.data.ticket.comment.body);
          if (parsed.data.ticket.priority) ticket.priority = parsed.data.ticket.priority;
        }
        return { status: 200, body: { ticket: zendeskTicketJson(url.origin, ticket) } };
      }
      return { status: 404, body: { error: 'InvalidEndpoint' } };
    }
    if (vendor === 'slack') {
      if (req.method !== 'POST' || !slackMessage.safeParse(json).success) return { status: 400, body: 'invalid_payload' };
      slack.push((json as { text: string }).text);
      return { status: 200, body: 'ok' };
    }
    // A Standard Webhooks consumer: verify, then deduplicate on webhook-id as the spec advises.
    try {
      const event = webhook.verify(raw, {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      }) as { type: string; data: Record<string, unknown> };
      webhookEvents.set(String(req.headers['webhook-id']), event);
      webhookDeliveries.set(String(req.headers['webhook-id']), (webhookDeliveries.get(String(req.headers['webhook-id'])) ?? 0) + 1);
      return { status: 204, body: '' };
    } catch {
      return { status: 400, body: 'invalid signature' };
    }
  }

  let onApplied: ((vendor: Vendor, method: string) => void) | null = null;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const vendor = url.pathname.split('/')[1] as Vendor;
    const raw = await readBody(req);
    const inner = new URL(url.pathname.slice(vendor.length + 1) + url.search, url.origin);
    if (!(vendor in faults)) return send(res, 404, 'unknown vendor');
    requests.push({
      vendor,
      method: req.method ?? '',
      path: inner.pathname,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      // The correlation headers every vendor call carries.
      requestId: req.headers['x-request-id'] as string | undefined,
      traceparent: req.headers.traceparent as string | undefined,
    });
    // The first queued fault meant for this method (or for any method).
    const index = faults[vendor].findIndex((f) => !f.method || f.method === req.method);
    const random = chaos[vendor];
    const fault =
      index >= 0
        ? faults[vendor].splice(index, 1)[0]
        : random && Math.random() < random.rate
          ? random.faults[Math.floor(Math.random() * random.faults.length)]
          : undefined;
    if (fault?.kind === 'reset') return req.socket.destroy();
    if (fault?.kind === 'hang') return void hung.add(res);
    if (fault?.kind === 'status') {
      return send(res, fault.status, fault.body ?? (vendor === 'slack' ? 'rollup_error' : { error: 'injected' }), fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    }
    const answer = handle(vendor, req, inner, raw);
    onApplied?.(vendor, req.method ?? '');
    if (fault?.kind === 'apply-then-hang') return void hung.add(res);
    send(res, answer.status, answer.body, answer.headers);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in has no port');
  const base = `http://127.0.0.1:${address.port}`;

  return {
    urls: { hubspot: `${base}/hubspot`, zendesk: `${base}/zendesk`, slack: `${base}/slack/T000/B000/FAKE`, webhook: `${base}/webhook/receive` },
    hubspot,
    zendesk,
    slack,
    webhookEvents,
    webhookDeliveries,
    requests,
    /** From now on each request to `vendor` fails with probability `rate`, with one of `faults`. */
    chaos(vendor: Vendor, rate: number, faults: Fault[]) {
      chaos[vendor] = { rate, faults };
    },
    /** Queues faults for the vendor's next requests, in order. */
    inject(vendor: Vendor, ...next: Fault[]) {
      faults[vendor].push(...next);
    },
    /** Resolves when the vendor next applies an effect. */
    nextApplied(vendor: Vendor, method?: string): Promise<void> {
      return new Promise((resolve) => {
        onApplied = (v, m) => {
          if (v === vendor && (!method || m === method)) {
            onApplied = null;
            resolve();
          }
        };
      });
    },
    reset() {
      hubspot.clear();
      zendesk.clear();
      slack.length = 0;
      webhookEvents.clear();
      webhookDeliveries.clear();
      for (const v of Object.keys(chaos) as Vendor[]) chaos[v] = undefined;
      requests.length = 0;
      for (const v of Object.keys(faults) as Vendor[]) faults[v].length = 0;
    },
    async stop() {
      for (const res of hung) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type VendorStandIns = Awaited<ReturnType<typeof startVendorStandIns>>;
