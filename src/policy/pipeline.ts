import type { Queryable } from '../store/database.ts';
import type { Tool, ToolRegistry } from '../tools/index.ts';
import type { ToolResult } from '../tools/tool-result.ts';
import { confidenceGate } from './gates/confidence.ts';
import { contentGate } from './gates/content.ts';
import { groundingGate } from './gates/grounding.ts';
import { identityGate } from './gates/identity.ts';
import { findPriorResult } from './gates/idempotency.ts';
import { rateLimitGate } from './gates/rate-limit.ts';
import { schemaGate } from './gates/schema.ts';
import { turnBudgetGate } from './gates/turn-budget.ts';
import type { RateLimiter } from './rate-limit/index.ts';
import type { Halt, PolicyContext, ProposedCall } from './types.ts';

export type Decision =
  | { decision: 'allowed'; tool: Tool; input: unknown; idempotencyKey: string | null }
  | { decision: 'duplicate'; tool: Tool; input: unknown; idempotencyKey: string; prior: ToolResult }
  | (Halt & { tool?: Tool; input?: unknown });

/** The deterministic gates, which need no I/O: turn budget, schema, content, identity, grounding, confidence. */
export function decideStatic(call: ProposedCall, ctx: PolicyContext, tools: ToolRegistry): Decision {
  const budget = turnBudgetGate(ctx);
  if (!budget.pass) return budget;
  const schema = schemaGate(tools, call.tool, call.args);
  if (!schema.pass) return schema;
  const { tool, input } = schema;
  for (const gate of [
    () => contentGate(input, ctx),
    () => identityGate(tool, input, ctx),
    () => groundingGate(tool, input, ctx),
    () => confidenceGate(tool, call.confidence, ctx),
  ]) {
    const result = gate();
    if (!result.pass) return { ...result, tool, input };
  }
  return { decision: 'allowed', tool, input, idempotencyKey: tool.idempotencyKey(input, ctx) };
}

/**
 * The whole pipeline. A repeat of a call that already took effect is answered from
 * its idempotency record before the rate limit is charged: an honest retry must
 * come back as `duplicate`, not burn the per-email budget and read as `rate_limited`.
 */
export async function decide(
  call: ProposedCall,
  ctx: PolicyContext,
  deps: { db: Queryable; limiter: RateLimiter; tools: ToolRegistry },
): Promise<Decision> {
  const decided = decideStatic(call, ctx, deps.tools);
  if (decided.decision !== 'allowed') return decided;
  const { tool, input, idempotencyKey } = decided;
  const prior = await findPriorResult(deps.db, idempotencyKey);
  if (prior && idempotencyKey) return { decision: 'duplicate', tool, input, idempotencyKey, prior };
  const limited = await rateLimitGate(tool, input, ctx, deps.limiter);
  if (!limited.pass) return { ...limited, tool, input };
  return decided;
}
