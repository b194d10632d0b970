import type { ToolName } from '../../tools/index.ts';
import { CAPTURE_LEAD_EVIDENCE } from './capture-lead.ts';
import { CHECK_BILLING_EVIDENCE } from './check-billing.ts';
import { rulesFromCues } from './cues.ts';
import { ESCALATE_TICKET_EVIDENCE } from './escalate-ticket.ts';
import { LANGUAGE_CUES } from './languages/index.ts';

/**
 * Words that say a message asks for a tool, as data: the server's confidence estimate
 * and the offline model both read them, so they live with neither. Patterns match text
 * after `normalizeText` (lower case, no accents, common typos fixed). The keyword rules
 * per tool come first; the cue phrases of every language (`languages/`) follow.
 */

/** A pattern and how strongly a match alone says the message asks for the tool (0 to 1). */
export type IntentRule = readonly [pattern: RegExp, weight: number];

function withLanguageCues(tool: ToolName, rules: readonly IntentRule[]): readonly IntentRule[] {
  return [...rules, ...Object.values(LANGUAGE_CUES).flatMap((cues) => rulesFromCues(cues[tool]))];
}

/** Every tool has evidence: a tool nothing can ask for would never be estimated above zero. */
export const INTENT_EVIDENCE: Record<ToolName, readonly IntentRule[]> = {
  capture_lead: withLanguageCues('capture_lead', CAPTURE_LEAD_EVIDENCE),
  escalate_ticket: withLanguageCues('escalate_ticket', ESCALATE_TICKET_EVIDENCE),
  check_billing: withLanguageCues('check_billing', CHECK_BILLING_EVIDENCE),
};
