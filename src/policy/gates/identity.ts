import type { ToolSpec } from '../../tools/tool-spec.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** Gate 2: who may call the tool comes from the session alone. */
export function identityGate(tool: ToolSpec, input: unknown, ctx: PolicyContext): GateResult {
  if (tool.requiresSignIn && !ctx.session.userId) {
    return deny('unauthenticated', 'Please sign in first, then ask again about your billing.');
  }
  return tool.identityCheck ? tool.identityCheck(input, ctx) : PASS;
}
