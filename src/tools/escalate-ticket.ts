import { z } from 'zod';
import { digest } from '../store/canonical.ts';
import { upsertOpenTicket } from '../store/tickets.ts';
import { callerKey, ownsEmail } from './caller.ts';
import { mailboxKey, multiLine, singleLine } from './fields.ts';
import { proposedAbove, settlePriority, triage, type TriageOverrides } from './ticket-rules.ts';
import { defineTool, type ToolContext } from './tool-spec.ts';

export const TICKET_CATEGORIES = ['billing', 'technical', 'account', 'sales', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Customers write whole sentences as subjects; 300 holds them and still fits a helpdesk title. */
export const SUBJECT_MAX = 300;

export const escalateTicketInput = z
  .object({
    subject: singleLine(SUBJECT_MAX),
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
 * Whether the team can answer the caller in the conversation itself (human takeover): a
 * visitor holding a server-issued visitor token, or a signed-in user. Only such a caller may
 * open a ticket without an email; anyone else could never be reached.
 */
export function reachableInConversation(ctx: ToolContext): boolean {
  return ctx.session.actor.startsWith('visitor:') || ctx.session.actor.startsWith('user:');
}

/** Below this, the user's own words do not describe a problem (the offline model's ticket evidence). */
const OWN_PROBLEM_MIN = 0.3;

/**
 * Whether the user's own words in this conversation (quotes and pasted text already removed)
 * describe something a human should look at.
 */
export function ownWordsDescribeProblem(ctx: ToolContext): boolean {
  return (ctx.ownWordsAsk?.('escalate_ticket') ?? 0) >= OWN_PROBLEM_MIN;
}

/**
 * Whether a ticket without an email is the user's own request. When every word of the
 * conversation is theirs, nobody else could have asked for it: any request they make (a
 * feature they miss, a misaligned button) may reach a person, and the priority still comes
 * from their words alone. When someone else's text is in the conversation (a pasted page,
 * a quoted email), it could tell the model to open a ticket in the visitor's name, so the
 * user's own words must then describe the problem themselves.
 */
export function ownRequest(ctx: ToolContext): boolean {
  return ctx.foreignText === false || ownWordsDescribeProblem(ctx);
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
  // A ticket nobody can answer is worse than none. A caller who gave no email is still
  // reachable in this conversation (the team answers here) when the ticket is their own
  // request (`ownRequest`); anyone else is asked for an address first, which also keeps an
  // instruction in pasted text from opening a ticket by itself.
  identity: (_input, ctx) =>
    ticketContact(ctx) || (reachableInConversation(ctx) && ownRequest(ctx))
      ? null
      : { reason: 'contact_required', message: 'To open a ticket I need an email address to reach you. What is your email?' },
  // A new conversation costs nothing, so the budgets follow the caller, their address and the
  // mailbox the ticket is for: one visitor cannot flood the helpdesk or one customer's inbox.
  rateLimits: [
    { rule: TICKET_LIMITS.perConversation, key: (_input, ctx) => `escalate_ticket:conversation:${ctx.conversationId}` },
    { rule: TICKET_LIMITS.perCaller, key: (_input, ctx) => `escalate_ticket:caller:${callerKey(ctx)}` },
    { rule: TICKET_LIMITS.perAddress, key: (_input, ctx) => `escalate_ticket:address:${ctx.clientAddress}` },
    // Without an email there is no mailbox to protect; the caller's own budget (above) still applies.
    {
      rule: TICKET_LIMITS.perMailbox,
      key: (_input, ctx) => {
        const contact = ticketContact(ctx);
        return contact ? `escalate_ticket:email:${mailboxKey(contact)}` : `escalate_ticket:caller-mailbox:${callerKey(ctx)}`;
      },
    },
  ],
  // The contact is part of the effect: the same request repeated after the visitor gave an
  // email must reach the ticket (and fill in its address), not be answered as a duplicate.
  idempotencyKey: (input, ctx) => `escalate_ticket:${digest({ conversation: ctx.conversationId, input, contact: ticketContact(ctx) })}`,
  settledPriority: (input, ctx, rulePriorities = {}) => settlePriority(input.priority, triage(ctx.userTexts.join('\n'), rulePriorities as TriageOverrides).ceiling),
  async execute(tx, input, ctx) {
    const contact = ticketContact(ctx);
    if (!contact && !reachableInConversation(ctx)) throw new Error('identity gate let a ticket through without a way to reach the caller');
    const { tags, ceiling } = triage(ctx.userTexts.join('\n'));
    // The priority follows the evidence in the user's own words, for everyone: a real
    // incident reported by a visitor is still triaged as one. But only a signed-in customer
    // writing about their own verified email may page anyone (below): anyone can type
    // "my account was hacked" next to a stranger's address.
    const verified = contact !== null && ownsEmail(ctx, contact);
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
    const replyAt = ticket.contactEmail ? `to ${ticket.contactEmail}` : 'here in this chat (give me your email if you would also like a reply by email)';
    return {
      result: {
        status: 'done',
        message: ticket.inserted
          ? `I've opened ${/^[aeiou]/.test(input.category) ? 'an' : 'a'} ${input.category} ticket for our team (priority ${ticket.priority})${ctx.vendors?.helpdesk ? ', saved and syncing to our helpdesk' : ''}. They will reply ${replyAt}.`
          : `I've added this to your open ${input.category} ticket. Our team will reply ${replyAt}.`,
        ticketId: ticket.id,
        // Where the team answers: `email`, or `conversation` while no address is known.
        replyBy: ticket.contactEmail ? 'email' : 'conversation',
        priority: ticket.priority,
        sync: ctx.vendors?.helpdesk ? 'syncing' : 'saved',
      },
      outbox,
    };
  },
});
