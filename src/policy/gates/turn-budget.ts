import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** A turn never runs away: a model proposing more calls than this in one turn gets the rest refused. */
export const MAX_TOOL_CALLS_PER_TURN = 8;

/** Gate 0: the per-turn cap on proposed calls, before anything else is looked at. */
export function turnBudgetGate(ctx: PolicyContext): GateResult {
  return ctx.callsThisTurn > MAX_TOOL_CALLS_PER_TURN ? deny('rate_limited', 'Too many actions in one message.') : PASS;
}
