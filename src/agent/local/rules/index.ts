import type { ToolName } from '../../../tools/index.ts';
import type { LocalToolRules } from '../reply.ts';
import { captureLeadRules } from './capture-lead.ts';
import { checkBillingRules } from './check-billing.ts';
import { escalateTicketRules } from './escalate-ticket.ts';

/**
 * The local model's knowledge of each tool. Keyed by every tool name, so a new tool
 * cannot be offered to the local model without rules for it. The order is the order
 * capabilities are listed in and continuations are tried in.
 */
export const LOCAL_RULES: Record<ToolName, LocalToolRules> = {
  capture_lead: captureLeadRules,
  escalate_ticket: escalateTicketRules,
  check_billing: checkBillingRules,
};
