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
import { metrics, secondsSince } from '../observability/metrics.ts';
import { inSpan, inSyncSpan } from '../observability/tracing.ts';
import type { RateLimiter } from './rate-limit/index.ts';
import type { Halt, PolicyContext, ProposedCall } from './types.ts';

export type Decision =
  | { decision: 'allowed'; tool: Tool; input: unknown; idempotencyKey: string | null }
  | { decision: 'duplicate'; tool: Tool; input: unknown; idempotencyKey: string; prior: ToolResult }
  | (Halt & { tool?: Tool; input?: unknown });

/** One gate, timed into its latency histogram and, when tracing is on, a span of its own. */
function timed<T>(gate: string, run: () => T): T {
  const started = performance.now();
  try {
    return inSyncSpan(`policy.gate.${gate}`, { 'toolgate.gate': gate }, run);
  } finally {
    metrics.gateSeconds.observe({ gate }, secondsSince(started));
  }
}

async function timedAsync<T>(gate: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await inSpan(`policy.gate.${gate}`, { 'toolgate.gate': gate }, run);
  } finally {
    metrics.gateSeconds.observe({ gate }, secondsSince(started));
  }
}

/** The deterministic gates, which need no I/O: turn budget, schema, content, identity, grounding, confidence. */
export function decideStatic(call: ProposedCall, ctx: PolicyContext, tools: ToolRegistry): Decision {
  const budget = timed('turn_budget', () => turnBudgetGate(ctx));
  if (!budget.pass) return budget;
  const schema = timed('schema', () => schemaGate(tools, call.tool, call.args));
  if (!schema.pass) return schema;
  const { tool, input } = schema;
  for (const [name, gate] of [
    ['content', () => contentGate(input, ctx)],
    ['identity', () => identityGate(tool, input, ctx)],
    ['grounding', () => groundingGate(tool, input, ctx)],
    ['confidence', () => confidenceGate(tool, call.confidence, ctx)],
  ] as const) {
    const result = timed(name, gate);
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
  // The name comes from the model: one outside the registry is not copied into a span.
  return inSpan('policy.decide', { 'toolgate.tool': deps.tools.find(call.tool) ? call.tool : 'unknown' }, async (span) => {
    const decided = await decideAll(call, ctx, deps);
    span.setAttribute('toolgate.decision', decided.decision);
    if ('reason' in decided) span.setAttribute('toolgate.reason', decided.reason);
    return decided;
  });
}

async function decideAll(call: ProposedCall, ctx: PolicyContext, deps: { db: Queryable; limiter: RateLimiter; tools: ToolRegistry }): Promise<Decision> {
  const decided = decideStatic(call, ctx, deps.tools);
  if (decided.decision !== 'allowed') return decided;
  const { tool, input, idempotencyKey } = decided;
  // In a conversation with no write yet the gate answers without asking the database.
  const prior = await timedAsync('idempotency', async () => (ctx.noPriorWrites ? null : findPriorResult(deps.db, idempotencyKey)));
  if (prior && idempotencyKey) return { decision: 'duplicate', tool, input, idempotencyKey, prior };
  const limited = await timedAsync('rate_limit', () => rateLimitGate(tool, input, ctx, deps.limiter));
  if (!limited.pass) return { ...limited, tool, input };
  return decided;
}
