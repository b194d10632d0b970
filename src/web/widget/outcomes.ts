/**
 * What a tool result means to the person chatting, as one of a few states the widget draws.
 * Pure and DOM-free, so it is unit tested in Node; the reason codes are the gateway's closed
 * enum (src/tools/reasons.ts), matched as strings because the bundle carries no server code.
 */
export type OutcomeKind = 'saved' | 'syncing' | 'synced' | 'follow_up' | 'ticket' | 'confirm' | 'refused' | 'rate_limited' | 'failed' | 'done';

export interface Outcome {
  kind: OutcomeKind;
  title: string;
  /** The gateway's own sentence for the user. */
  detail: string;
  /** A lead or ticket whose sync state can be followed through /v1/me/requests. */
  requestId?: string;
}

export interface ToolOutput {
  status?: unknown;
  reason?: unknown;
  message?: unknown;
  [detail: string]: unknown;
}

/** Plain words for each refusal reason; the gateway's message follows them. */
const REFUSALS: Record<string, string> = {
  invalid_input: 'Some details did not look right',
  sensitive_content: 'That contained something that must not be shared',
  unknown_tool: 'That is not something I can do',
  unauthenticated: 'Please sign in first',
  forbidden: 'That is not allowed for your account',
  not_grounded: 'I can only use details you typed yourself',
  contact_required: 'I need your email address first',
  not_found: 'Nothing was found',
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A short, readable ticket number from the ticket's id. */
export const ticketNumber = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();

export function describeOutcome(tool: string, output: ToolOutput): Outcome {
  const detail = text(output.message);
  const reason = text(output.reason);
  switch (output.status) {
    case 'needs_confirmation':
      return { kind: 'confirm', title: 'Please confirm', detail };
    case 'denied':
      if (reason === 'rate_limited' || reason === 'rate_limit_unavailable') return { kind: 'rate_limited', title: 'Limit reached: try again later', detail };
      return { kind: 'refused', title: `Not done: ${REFUSALS[reason] ?? 'this request was refused'}`, detail };
    case 'error':
      return { kind: 'failed', title: 'Something failed on our side; nothing was saved', detail };
    case 'done':
    case 'duplicate': {
      const already = output.status === 'duplicate' ? ' (already done)' : '';
      const ticketId = text(output.ticketId);
      if (tool === 'escalate_ticket' && ticketId) {
        const priority = text(output.priority);
        return {
          kind: 'ticket',
          title: `Ticket #${ticketNumber(ticketId)} opened${priority ? `, priority ${priority}` : ''}${already}`,
          detail,
          ...(output.sync === 'syncing' ? { requestId: ticketId } : {}),
        };
      }
      const contactId = text(output.contactId);
      if (tool === 'capture_lead') {
        if (output.sync === 'syncing') return { kind: 'syncing', title: `Details saved, syncing${already}`, detail, ...(contactId ? { requestId: contactId } : {}) };
        return { kind: 'saved', title: `Details saved${already}`, detail };
      }
      return { kind: 'done', title: `Done${already}`, detail };
    }
    default:
      return { kind: 'failed', title: 'Something went wrong', detail };
  }
}

/** A followed request's state (GET /v1/me/requests) as the outcome it now is. */
export function followedOutcome(previous: Outcome, state: string, message: string): Outcome {
  if (state === 'synced') return { ...previous, kind: previous.kind === 'ticket' ? 'ticket' : 'synced', title: previous.kind === 'ticket' ? previous.title : 'Details saved and synced', detail: message };
  if (state === 'queued_for_follow_up') return { ...previous, kind: 'follow_up', title: 'Saved; a person will follow up', detail: message };
  return previous;
}
