import { z } from 'zod';
import { digest } from '../store/canonical.ts';
import { upsertOpenTicket } from '../store/tickets.ts';
import { multiLine, singleLine } from './fields.ts';
import { settlePriority, triage } from './ticket-rules.ts';
import { defineTool, type ToolContext } from './tool-spec.ts';

export const TICKET_CATEGORIES = ['billing', 'technical', 'account', 'sales', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const escalateTicketInput = z
  .object({
    subject: singleLine(150),
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
  rateLimits: [{ rule: { limit: 2, windowSeconds: 3600 }, key: (_input, ctx) => `escalate_ticket:conversation:${ctx.conversationId}` }],
  idempotencyKey: (input, ctx) => `escalate_ticket:${digest({ conversation: ctx.conversationId, input })}`,
  async execute(tx, input, ctx) {
    const contact = ticketContact(ctx);
    if (!contact) throw new Error('identity gate let a ticket through without a contact');
    const { tags, ceiling } = triage(ctx.userTexts.join('\n'));
    const priority = settlePriority(input.priority, ceiling);
    const ticket = await upsertOpenTicket(tx, {
      conversationId: ctx.conversationId,
      category: input.category,
      subject: input.subject,
      summary: input.summary,
      priority,
      tags,
      contactEmail: contact,
      requester: ctx.session.actor,
      transcriptUrl: `${ctx.publicBaseUrl.replace(/\/$/, '')}/admin/v1/conversations/${encodeURIComponent(ctx.conversationId)}/messages`,
      update: { at: new Date().toISOString(), summary: input.summary, priority },
    });
    const topic = ticket.inserted ? 'helpdesk.create_ticket' : 'helpdesk.append_ticket';
    const outbox = [{ topic, payload: { ticketId: ticket.id } }];
    if (ticket.priority === 'urgent') outbox.push({ topic: 'notify.urgent_ticket', payload: { ticketId: ticket.id } });
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
