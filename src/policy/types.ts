import type { ToolName } from '../tools/index.ts';
import type { Reason } from '../tools/reasons.ts';
import type { ExecutionContext, ToolContext } from '../tools/tool-spec.ts';

/** A tool call as the model proposed it: nothing here is trusted yet. */
export interface ProposedCall {
  tool: string;
  args: unknown;
  /** Reported by the model (or the puppet script); null when the model gave none. */
  confidence: number | null;
}

/**
 * What the pipeline knows about the turn, all of it from the server's side. Every
 * security input is required: a caller that forgot one would otherwise open its gate.
 */
export interface PolicyContext extends ToolContext {
  thresholds: Record<ToolName, number>;
  /** True when the user just confirmed this exact call: the confidence gate has been passed. */
  confirmed: boolean;
  /** Kinds of confidential content (secrets, system prompt) found in a text; none when empty. */
  findSensitive: (text: string) => string[];
  /** How many calls this turn has proposed so far, this one included. */
  callsThisTurn: number;
  /**
   * True when no call of this conversation can have taken effect yet: this request created
   * the conversation and no earlier call of the turn was allowed. Idempotency keys are scoped
   * to the conversation, so the prior-result lookup can only come back empty and is skipped
   * (a concurrent identical write is still settled by the key's unique index). Absent: look.
   */
  noPriorWrites?: boolean;
}

/** What enforcing one call needs: the policy's view of the turn and what a write needs. */
export interface EnforceContext extends PolicyContext, ExecutionContext {}

/** Every gate returns pass or a decision that ends the pipeline. */
export type GateResult = { pass: true } | Halt;

export type Halt =
  | { pass: false; decision: 'denied'; reason: Reason; message: string }
  | { pass: false; decision: 'needs_confirmation'; reason: 'low_confidence'; message: string };

export const deny = (reason: Reason, message: string): Halt => ({ pass: false, decision: 'denied', reason, message });
export const PASS: GateResult = { pass: true };
