import { postSignedWebhook } from '../signed-webhook.ts';
import type { HelpdeskProvider } from './types.ts';

/** Signed `ticket.created` / `ticket.updated` events for a helpdesk reached through Zapier, Make or n8n. */
export function webhookHelpdesk(options: { url: string; secret: string }): HelpdeskProvider {
  const target = { url: options.url, secret: options.secret, vendor: 'helpdesk webhook' };
  const data = (t: Parameters<HelpdeskProvider['createTicket']>[0]) => ({
    id: t.id,
    subject: t.subject,
    summary: t.summary,
    category: t.category,
    priority: t.priority,
    tags: t.tags,
    contactEmail: t.contactEmail,
    transcriptUrl: t.transcriptUrl,
  });
  return {
    name: 'webhook',
    async createTicket(ticket, call) {
      await postSignedWebhook(target, { id: call.idempotencyKey, type: 'ticket.created', data: data(ticket) }, call);
      return { vendorId: null };
    },
    async appendTicket(ticket, call) {
      await postSignedWebhook(target, { id: call.idempotencyKey, type: 'ticket.updated', data: { ...data(ticket), update: ticket.updates.at(-1) ?? null } }, call);
      return { vendorId: null };
    },
  };
}
