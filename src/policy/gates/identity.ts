import type { Tool } from '../../tools/index.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** Gate 2: who may call the tool comes from the session alone (the tool's identity rule). */
export function identityGate(tool: Tool, input: unknown, ctx: PolicyContext): GateResult {
  const refusal = tool.identity(input, ctx);
  return refusal ? deny(refusal.reason, refusal.message) : PASS;
}
