import type { TicketForSync } from '../../store/sync-state.ts';
import { DeliveryError } from '../delivery-error.ts';
import { jsonBody, vendorFetch, type VendorCall } from '../vendor-fetch.ts';
import type { HelpdeskProvider } from './types.ts';

/**
 * Zendesk Support Tickets API (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/):
 * `POST /api/v2/tickets.json` with a `{"ticket": ...}` envelope, `GET /api/v2/tickets.json?external_id=`
 * to list by our id, `PUT /api/v2/tickets/{id}.json` to add a comment, and
 * `GET /api/v2/tickets/{id}/comments.json` (Ticket Comments API) to read them back. Authentication is
 * `{email}/token:{api_token}` as basic auth (API token authentication, same reference).
 *
 * Our ticket id is the Zendesk `external_id`, and every create is preceded by a look-up by
 * it, so a retry after a timeout, or after a worker died mid-call, finds the ticket the
 * first attempt created instead of opening a second one.
 */
interface ZendeskTicket {
  id: number;
  external_id?: string | null;
}

export function zendeskHelpdesk(options: { baseUrl: string; email: string; apiToken: string }): HelpdeskProvider {
  const base = options.baseUrl.replace(/\/$/, '');
  const authorization = `Basic ${Buffer.from(`${options.email}/token:${options.apiToken}`).toString('base64')}`;
  const headers = (idempotencyKey?: string) => ({
    authorization,
    'content-type': 'application/json',
    // Zendesk honours Idempotency-Key on ticket creation; harmless elsewhere.
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  });

  async function findByExternalId(id: string, call: VendorCall): Promise<string | null> {
    const response = await vendorFetch('zendesk', `${base}/api/v2/tickets.json?external_id=${encodeURIComponent(id)}`, { method: 'GET', headers: headers() }, call);
    const body = await jsonBody<{ tickets?: ZendeskTicket[] }>('zendesk', response);
    const match = body.tickets?.find((t) => t.external_id === id);
    return match ? String(match.id) : null;
  }

  /** The ticket's comment bodies (List Comments, `GET /api/v2/tickets/{id}/comments.json`), following pages. */
  async function commentBodies(id: string, call: VendorCall): Promise<string[]> {
    const bodies: string[] = [];
    let next: string | null = `${base}/api/v2/tickets/${encodeURIComponent(id)}/comments.json`;
    for (let page = 0; next && page < 20; page++) {
      const response = await vendorFetch('zendesk', next, { method: 'GET', headers: headers() }, call);
      const json = await jsonBody<{ comments?: Array<{ body?: string; plain_body?: string }>; next_page?: string | null }>('zendesk', response);
      for (const c of json.comments ?? []) bodies.push(c.body ?? c.plain_body ?? '');
      next = json.next_page ?? null;
    }
    return bodies;
  }

  const priorityOf = (p: TicketForSync['priority']) => (p === 'low' || p === 'normal' || p === 'high' || p === 'urgent' ? p : 'normal');

  async function create(ticket: TicketForSync, idempotencyKey: string, call: VendorCall): Promise<string> {
    const response = await vendorFetch('zendesk', `${base}/api/v2/tickets.json`, {
      method: 'POST',
      headers: headers(idempotencyKey),
      body: JSON.stringify({
        ticket: {
          external_id: ticket.id,
          subject: ticket.subject,
          comment: { body: `${ticket.summary}\n\nTranscript: ${ticket.transcriptUrl}` },
          priority: priorityOf(ticket.priority),
          tags: [...new Set([...ticket.tags, `category_${ticket.category}`, 'toolgate', ...(ticket.contactEmail ? [] : ['reply_in_chat'])])].map((t) => t.replace(/\s+/g, '_')),
          // Without an email the API user stays the requester and the team answers in the chat (transcript link).
          ...(ticket.contactEmail ? { requester: { name: ticket.contactEmail.split('@')[0], email: ticket.contactEmail } } : {}),
        },
      }),
    }, call);
    const body = await jsonBody<{ ticket?: ZendeskTicket }>('zendesk', response);
    if (!body.ticket?.id) throw new DeliveryError('zendesk: create answered without a ticket id', { retryable: true, errorClass: 'bad_response', outcomeUnknown: true });
    return String(body.ticket.id);
  }

  return {
    name: 'zendesk',
    async createTicket(ticket, call) {
      const existing = ticket.helpdeskVendorId ?? (await findByExternalId(ticket.id, call));
      return { vendorId: existing ?? (await create(ticket, call.idempotencyKey, call)) };
    },
    async appendTicket(ticket, call) {
      const { idempotencyKey } = call;
      const vendorId = ticket.helpdeskVendorId ?? (await findByExternalId(ticket.id, call));
      // The create never reached Zendesk: creating now carries the summary; the update follows.
      const id = vendorId ?? (await create(ticket, `${idempotencyKey}:create`, call));
      const update = ticket.updates.at(-1);
      if (!update) return { vendorId: id };
      const body = `Update (${update.at}): ${update.summary}`;
      // A comment whose answer was lost (timeout, reset) may be on the ticket already: read the
      // comments back and add it only when it is missing, so a retry never posts it twice.
      if ((await commentBodies(id, call)).includes(body)) return { vendorId: id };
      await vendorFetch('zendesk', `${base}/api/v2/tickets/${encodeURIComponent(id)}.json`, {
        method: 'PUT',
        headers: headers(idempotencyKey),
        body: JSON.stringify({ ticket: { comment: { body }, priority: priorityOf(ticket.priority) } }),
      }, call);
      return { vendorId: id };
    },
  };
}
