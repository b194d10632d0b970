import type { ToolName } from '../../tools/index.ts';
import { CAPTURE_LEAD_EVIDENCE } from './capture-lead.ts';
import { CHECK_BILLING_EVIDENCE } from './check-billing.ts';
import { ESCALATE_TICKET_EVIDENCE } from './escalate-ticket.ts';

/**
 * Words that say a message asks for a tool, as data: the server's confidence estimate
 * and the offline model both read them, so they live with neither. Patterns match text
 * after `normalizeText` (lower case, no accents, common typos fixed).
 */

/** A pattern and how strongly a match alone says the message asks for the tool (0 to 1). */
export type IntentRule = readonly [pattern: RegExp, weight: number];

/** Every tool has evidence: a tool nothing can ask for would never be estimated above zero. */
export const INTENT_EVIDENCE: Record<ToolName, readonly IntentRule[]> = {
  capture_lead: CAPTURE_LEAD_EVIDENCE,
  escalate_ticket: ESCALATE_TICKET_EVIDENCE,
  check_billing: CHECK_BILLING_EVIDENCE,
};
