import type { TicketForSync } from '../../store/sync-state.ts';
import type { IdempotentCall } from '../vendor-fetch.ts';

/** Where tickets go. Both calls are safe to repeat: they read back before they write. */
export interface HelpdeskProvider {
  readonly name: 'zendesk' | 'webhook';
  /** Creates the ticket unless the vendor already holds one for our id; returns the vendor's id. */
  createTicket(ticket: TicketForSync, call: IdempotentCall): Promise<{ vendorId: string | null }>;
  /** Adds the latest update to the vendor's ticket (creating it first if it never got there). */
  appendTicket(ticket: TicketForSync, call: IdempotentCall): Promise<{ vendorId: string | null }>;
}
