import type { ToolOutcome } from '../policy/enforce.ts';
import { TOOL_REGISTRY } from '../tools/index.ts';

/** A tool call as the model proposed it, on its way to the policy. */
export interface ProposedToolCall {
  toolCallId: string;
  toolName: string;
  /** The parsed JSON arguments, or the model's text as it is when it is not JSON. */
  input: unknown;
  /** What the model reported, else the server's own estimate; null for an unknown tool. */
  confidence: number | null;
}

/** A call the policy decided: what the model sees (`outcome.output`) and what the client sees (`shownOutput`, redacted). */
export interface Decided {
  call: ProposedToolCall;
  outcome: ToolOutcome;
  shownOutput: ToolOutcome['output'];
}

/**
 * A call of a finished step as the SDK reports it. Every call reaches the SDK's invalid-call
 * path (tool-definitions.ts), which keeps the arguments' text when it is not JSON; an empty
 * text there stands for `{}`, as it does for a call the SDK accepts.
 */
export function proposedCall(
  call: { toolCallId: string; toolName: string; input: unknown; providerMetadata?: Record<string, unknown> | undefined },
  estimate: (toolName: string) => number | null,
): ProposedToolCall {
  const known = TOOL_REGISTRY.find(call.toolName) !== undefined;
  const input = known && typeof call.input === 'string' && call.input.trim() === '' ? {} : call.input;
  const reported = (call.providerMetadata?.toolgate as { confidence?: unknown } | undefined)?.confidence;
  return {
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    input,
    confidence: typeof reported === 'number' ? reported : estimate(call.toolName),
  };
}
