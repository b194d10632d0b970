import { DeliveryError } from '../../integrations/delivery-error.ts';
import type { HelpdeskProvider } from '../../integrations/helpdesk/index.ts';
import { setTicketSync, ticketForSync } from '../../store/sync-state.ts';
import type { JobHandler } from '../handler.ts';

const ticketIdOf = (payload: Record<string, unknown>) => {
  if (typeof payload.ticketId !== 'string') throw new DeliveryError('payload has no ticketId', { retryable: false, errorClass: 'bad_payload' });
  return payload.ticketId;
};

/** `helpdesk.create_ticket` / `helpdesk.append_ticket` {ticketId}. */
export function helpdeskTicket(helpdesk: HelpdeskProvider | null, mode: 'create' | 'append'): JobHandler {
  return {
    async run({ db, job, call }) {
      const ticket = await ticketForSync(db, ticketIdOf(job.payload));
      if (!ticket) throw new DeliveryError('the ticket no longer exists', { retryable: false, errorClass: 'missing_row' });
      if (!helpdesk) {
        await setTicketSync(db, ticket.id, 'not_configured');
        return;
      }
      const { vendorId } = mode === 'create' ? await helpdesk.createTicket(ticket, call) : await helpdesk.appendTicket(ticket, call);
      await setTicketSync(db, ticket.id, 'synced', vendorId);
    },
    // The seeds' rule: after three failed creates a human hears of it, while retries go on.
    ...(mode === 'create'
      ? {
          alertAfterFailures: {
            attempts: 3,
            kind: 'ticket_create_failing',
            key: (job) => String(job.id),
            message: (job) => `Ticket ${String(job.payload.ticketId)} could not be created in the helpdesk after 3 attempts; it is queued and retrying.`,
          },
        }
      : {}),
  };
}
