import { DEFAULT_RULES } from '../policy/rate-limit/index.ts';
import { deny, PASS } from '../policy/types.ts';
import { digest } from '../store/canonical.ts';
import { escalateTicketInput, TOOL_DESCRIPTIONS, type EscalateTicketInput } from './schemas.ts';
import { settlePriority, triage } from './ticket-rules.ts';
import type { PolicyContext } from '../policy/types.ts';
import type { ToolSpec } from './tool-spec.ts';

/** The signed-in customer's verified email, else the last email the visitor typed here. */
export function ticketContact(ctx: PolicyContext): string | null {
  return ctx.session.email?.toLowerCase() ?? ctx.typedEmails.at(-1) ?? null;
}

/**
 * Opens one ticket per conversation and category; a repeat appends to the open one,
 * so a frustrated user (or a looping model) produces one ticket, not ten.
 */
export const escalateTicket: ToolSpec<EscalateTicketInput> = {
  name: 'escalate_ticket',
  description: TOOL_DESCRIPTIONS.escalate_ticket,
  input: escalateTicketInput,
  requiresSignIn: false,
  groundedFields: () => [],
  rateLimits: (_input, ctx) => [
    { key: `escalate_ticket:conversation:${ctx.conversationId}`, rule: DEFAULT_RULES.escalateTicketPerConversation },
  ],
  idempotencyKey: (input, ctx) => `escalate_ticket:${digest({ conversation: ctx.conversationId, input })}`,
  identityCheck: (_input, ctx) =>
    ticketContact(ctx)
      ? PASS
      : deny('contact_required', 'To open a ticket I need an email address to reach you. What is your email?'),
  async execute(tx, input, ctx) {
    const contact = ticketContact(ctx);
    if (!contact) throw new Error('identity gate let a ticket through without a contact');
    const { tags, ceiling } = triage(ctx.userTexts.join('\n'));
    const priority = settlePriority(input.priority, ceiling);
    const update = { at: new Date().toISOString(), summary: input.summary, priority };
    const [row] = await tx.query<{ id: string; inserted: boolean; priority: string }>(
      `insert into tickets (conversation_id, category, subject, summary, priority, tags, contact_email, requester, transcript_url)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
       on conflict (conversation_id, category) where status = 'open' do update set
         updates = tickets.updates || jsonb_build_array($10::jsonb),
         tags = (select coalesce(jsonb_agg(distinct t), '[]'::jsonb) from jsonb_array_elements(tickets.tags || excluded.tags) t),
         priority = case when array_position(array['low','normal','high','urgent'], excluded.priority)
                            > array_position(array['low','normal','high','urgent'], tickets.priority)
                         then excluded.priority else tickets.priority end,
         updated_at = now()
       returning id, (xmax = 0) as inserted, priority`,
      [
        ctx.conversationId,
        input.category,
        input.subject,
        input.summary,
        priority,
        JSON.stringify(tags),
        contact,
        ctx.session.actor,
        `${ctx.publicBaseUrl.replace(/\/$/, '')}/admin/v1/conversations/${encodeURIComponent(ctx.conversationId)}/messages`,
        JSON.stringify(update),
      ],
    );
    if (!row) throw new Error('ticket upsert returned no row');
    const topic = row.inserted ? 'helpdesk.create_ticket' : 'helpdesk.append_ticket';
    const outbox = [{ topic, payload: { ticketId: row.id } }];
    if (row.priority === 'urgent') outbox.push({ topic: 'notify.urgent_ticket', payload: { ticketId: row.id } });
    return {
      result: {
        status: 'done',
        message: row.inserted
          ? `I've opened ${/^[aeiou]/.test(input.category) ? 'an' : 'a'} ${input.category} ticket for our team (priority ${row.priority}). They will reply to ${contact}.`
          : `I've added this to your open ${input.category} ticket. Our team will reply to ${contact}.`,
        ticketId: row.id,
        priority: row.priority,
      },
      outbox,
    };
  },
};
