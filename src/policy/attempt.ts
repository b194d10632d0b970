import type { AuditEntry } from '../store/audit.ts';
import { digest } from '../store/canonical.ts';
import type { ToolRegistry } from '../tools/index.ts';
import { redactArgs } from './redact-args.ts';
import type { EnforceContext, ProposedCall } from './types.ts';

const MAX_ARGUMENT_DEPTH = 16;

/** Iterative, so a hostile 10,000-deep array cannot overflow the stack while being measured. */
function withinDepth(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

export type AuditFields = Pick<AuditEntry, 'decision' | 'reason' | 'outcome' | 'idempotencyKey'>;

/** One proposed call on its way through enforcement: what is decided, what may be shown, how it is audited. */
export interface Attempt {
  /** The call the pipeline decides on. */
  call: ProposedCall;
  ctx: EnforceContext;
  /** The tool name and arguments scrubbed: safe to show to the client and to log. */
  shown: { tool: string; args: unknown };
  /** The audit row for this attempt with the given outcome, its latency measured now. */
  audit(fields: AuditFields): AuditEntry;
}

export function beginAttempt(
  proposed: ProposedCall,
  ctx: EnforceContext,
  deps: { tools: ToolRegistry; scrub: (text: string) => string; policyVersion?: string | undefined },
): Attempt {
  const started = performance.now();
  // Arguments nested deeper than any schema allows are replaced before anything walks
  // them recursively (hashing, redaction); the schema gate then refuses the stand-in.
  const call = withinDepth(proposed.args, MAX_ARGUMENT_DEPTH) ? proposed : { ...proposed, args: { too_deeply_nested: true } };
  // The audit log and the client see arguments scrubbed, never a secret the model smuggled in.
  const shown = {
    tool: deps.tools.find(call.tool) ? call.tool : String(redactArgs(call.tool, deps.scrub)),
    args: redactArgs(call.args, deps.scrub),
  };
  return {
    call,
    ctx,
    shown,
    audit: (fields) => ({
      requestId: ctx.requestId,
      conversationId: ctx.conversationId,
      actor: ctx.session.actor,
      kind: 'tool_call',
      tool: shown.tool,
      args: shown.args,
      argsDigest: digest(call.args ?? null),
      confidence: ctx.confirmed ? 1 : call.confidence,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      policyVersion: deps.policyVersion ?? null,
      ...fields,
    }),
  };
}
