import { stringsIn } from '../strings.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/**
 * Gate 1b: what a tool writes leaves the gateway (CRM, helpdesk), so arguments may
 * not carry what the output gate would never let a client see: configured secrets,
 * key-shaped tokens, spans of the system prompt. Otherwise a model could exfiltrate
 * through a ticket instead of through its reply.
 */
export function contentGate(input: unknown, ctx: PolicyContext): GateResult {
  for (const text of stringsIn(input)) {
    if (ctx.findSensitive(text).length > 0) {
      return deny('sensitive_content', "I can't include keys, passwords or other confidential text in that request.");
    }
  }
  return PASS;
}
