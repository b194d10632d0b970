import { z } from 'zod';
import { digest } from '../store/canonical.ts';
import { upsertOpenTicket } from '../store/tickets.ts';
import { callerKey, ownsEmail } from './caller.ts';
import { mailboxKey, multiLine, singleLine } from './fields.ts';
import { proposedAbove, settlePriority, triage } from './ticket-rules.ts';
import { defineTool, type ToolContext } from './tool-spec.ts';

export const TICKET_CATEGORIES = ['billing', 'technical', 'account', 'sales', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const escalateTicketInput = z
  .object({
    // Customers write whole sentences as subjects; 300 holds them and still fits a helpdesk title.
    subject: singleLine(300),
    summary: multiLine(4000),
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(PRIORITIES).optional(),
  })
  .strict();

export type EscalateTicketInput = z.infer<typeof escalateTicketInput>;

/** The signed-in customer's verified email, else the last email the visitor typed here. */
export function ticketContact(ctx: ToolContext): string | null {
  return ctx.session.email?.toLowerCase() ?? ctx.typedEmails.at(-1) ?? null;
}

/** Ticket limits: per conversation, per caller (visitor or user), per client address and per target mailbox. */
export const TICKET_LIMITS = {
  perConversation: { limit: 2, windowSeconds: 3600 },
  perCaller: { limit: 3, windowSeconds: 3600 },
  perAddress: { limit: 10, windowSeconds: 3600 },
  perMailbox: { limit: 3, windowSeconds: 3600 },
} as const;

/**
 * Opens one ticket per conversation and category; a repeat appends to the open one,
 * so a frustrated user (or a looping model) produces one ticket, not ten.
 */
export const escalateTicket = defineTool({
  name: 'escalate_ticket',
  description:
    'Open a support ticket for a human when the visitor has a problem the assistant cannot solve (billing, technical, account).',
  input: escalateTicketInput,
  confidenceThreshold: 0.7,
  groundedFields: () => [],
  // A ticket nobody can answer is worse than none: ask for a way to reach the visitor first.
  identity: (_input, ctx) =>
    ticketContact(ctx) ? null : { reason: 'contact_required', message: 'To open a ticket I need an email address to reach you. What is your email?' },
  // A new conversation costs nothing, so the budgets follow the caller, their address and the
  // mailbox the ticket is for: one visitor cannot flood the helpdesk or one customer's inbox.
  rateLimits: [
    { rule: TICKET_LIMITS.perConversation, key: (_input, ctx) => `escalate_ticket:conversation:${ctx.conversationId}` },
    { rule: TICKET_LIMITS.perCaller, key: (_input, ctx) => `escalate_ticket:caller:${callerKey(ctx)}` },
    { rule: TICKET_LIMITS.perAddress, key: (_input, ctx) => `escalate_ticket:address:${ctx.clientAddress}` },
    { rule: TICKET_LIMITS.perMailbox, key: (_input, ctx) => `escalate_ticket:email:${mailboxKey(ticketContact(ctx) ?? '')}` },
  ],
  idempotencyKey: (input, ctx) => `escalate_ticket:${digest({ conversation: ctx.conversationId, input })}`,
  async execute(tx, input, ctx) {
    const contact = ticketContact(ctx);
    if (!contact) throw new Error('identity gate let a ticket through without a contact');
    const { tags, ceiling } = triage(ctx.userTexts.join('\n'));
    // The priority follows the evidence in the user's own words, for everyone: a real
    // incident reported by a visitor is still triaged as one. But only a signed-in customer
    // writing about their own verified email may page anyone (below): anyone can type
    // "my account was hacked" next to a stranger's address.
    const verified = ownsEmail(ctx, contact);
    const priority = settlePriority(input.priority, ceiling);
    // A priority the words did not support is kept beside the settled one, so a human
    // can judge it; only the settled one counts.
    const proposed = proposedAbove(input.priority, priority);
    const ticket = await upsertOpenTicket(tx, {
      conversationId: ctx.conversationId,
      category: input.category,
      subject: input.subject,
      summary: input.summary,
      priority,
      tags: proposed ? [...tags, `proposed_priority:${proposed}`] : tags,
      contactEmail: contact,
      requester: ctx.session.actor,
      verified,
      transcriptUrl: `${ctx.publicBaseUrl.replace(/\/$/, '')}/admin/v1/conversations/${encodeURIComponent(ctx.conversationId)}/messages`,
      update: { at: new Date().toISOString(), summary: input.summary, priority, ...(proposed ? { proposedPriority: proposed } : {}) },
    });
    const topic = ticket.inserted ? 'helpdesk.create_ticket' : 'helpdesk.append_ticket';
    const outbox: Array<{ topic: string; payload: Record<string, unknown> }> = [{ topic, payload: { ticketId: ticket.id, verified: ticket.verified } }];
    // The CRM hears of a new ticket once (`ticket.created`), as a business event beside the contact.
    if (ticket.inserted) {
      outbox.push({
        topic: 'crm.ticket_created',
        payload: { ticketId: ticket.id, category: input.category, priority: ticket.priority, subject: input.subject, email: contact, verified, source: 'chat' },
      });
    }
    // Paged only for this caller's own verified report: an unverified append to an urgent ticket must not page again.
    if (ticket.priority === 'urgent' && verified) outbox.push({ topic: 'notify.urgent_ticket', payload: { ticketId: ticket.id, verified: true } });
    return {
      result: {
        status: 'done',
        message: ticket.inserted
          ? `I've opened ${/^[aeiou]/.test(input.category) ? 'an' : 'a'} ${input.category} ticket for our team (priority ${ticket.priority})${ctx.vendors?.helpdesk ? ', saved and syncing to our helpdesk' : ''}. They will reply to ${contact}.`
          : `I've added this to your open ${input.category} ticket. Our team will reply to ${contact}.`,
        ticketId: ticket.id,
        priority: ticket.priority,
        sync: ctx.vendors?.helpdesk ? 'syncing' : 'saved',
      },
      outbox,
    };
  },
});
