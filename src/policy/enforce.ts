import { appendAudit, recordAudit, type AuditEntry } from '../store/audit.ts';
import { digest } from '../store/canonical.ts';
import type { Database } from '../store/database.ts';
import type { ToolResult } from '../tools/tool-result.ts';
import type { ExecutionContext, ToolSpec } from '../tools/tool-spec.ts';
import { decide } from './pipeline.ts';
import type { RateLimiter } from './rate-limit/index.ts';
import type { Reason } from './reasons.ts';
import { redactArgs } from './redact-args.ts';
import { findTool } from '../tools/index.ts';
import type { ProposedCall } from './types.ts';

export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;
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

export interface ToolOutcome {
  tool: string;
  /** Redacted: safe to show to the client and to log. */
  args: unknown;
  decision: 'allowed' | 'denied' | 'needs_confirmation';
  reason?: Reason;
  /** Exactly what the model sees as the tool result. */
  output: ToolResult;
}

export interface EnforceDeps {
  db: Database;
  limiter: RateLimiter;
  /** Removes confidential content (the output gate) from text kept in the audit log or shown to the client. */
  scrub: (text: string) => string;
  logError?: (error: unknown, context: Record<string, unknown>) => void;
}

/**
 * Runs one proposed call through the pipeline and records it. An allowed call's
 * domain write, idempotency record, outbox rows and audit row commit together or
 * not at all; every other outcome still leaves an audit row.
 */
export async function enforce(proposed: ProposedCall, ctx: ExecutionContext, deps: EnforceDeps): Promise<ToolOutcome> {
  const started = performance.now();
  // Arguments nested deeper than any schema allows are replaced before anything walks
  // them recursively (hashing, redaction); the schema gate then refuses the stand-in.
  const call = withinDepth(proposed.args, MAX_ARGUMENT_DEPTH) ? proposed : { ...proposed, args: { too_deeply_nested: true } };
  // The audit log and the client see arguments scrubbed, never a secret the model smuggled in.
  const toolName = findTool(call.tool) ? call.tool : String(redactArgs(call.tool, deps.scrub));
  const args = redactArgs(call.args, deps.scrub);
  const audit = (fields: Pick<AuditEntry, 'decision' | 'reason' | 'outcome' | 'idempotencyKey'>): AuditEntry => ({
    requestId: ctx.requestId,
    conversationId: ctx.conversationId,
    actor: ctx.session.actor,
    kind: 'tool_call',
    tool: toolName,
    args,
    argsDigest: digest(call.args ?? null),
    confidence: ctx.confirmed ? 1 : call.confidence,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    ...fields,
  });
  const decision = await decide(call, ctx, deps);

  switch (decision.decision) {
    case 'denied': {
      await recordAudit(deps.db, audit({ decision: 'denied', reason: decision.reason, outcome: 'denied', idempotencyKey: null }));
      return { tool: toolName, args, decision: 'denied', reason: decision.reason, output: { status: 'denied', reason: decision.reason, message: decision.message } };
    }
    case 'needs_confirmation': {
      await deps.db.transaction(async (tx) => {
        // A new proposal replaces any older one: only the latest question can be answered "yes".
        await tx.query('update pending_confirmations set consumed_at = now() where conversation_id = $1 and consumed_at is null', [ctx.conversationId]);
        await tx.query(
          `insert into pending_confirmations (conversation_id, tool, args, args_digest, confidence, expires_at)
           values ($1, $2, $3::jsonb, $4, $5, $6)`,
          [ctx.conversationId, call.tool, JSON.stringify(decision.input), digest(decision.input), call.confidence, new Date(Date.now() + CONFIRMATION_TTL_MS).toISOString()],
        );
        await appendAudit(tx, audit({ decision: 'needs_confirmation', reason: 'low_confidence', outcome: 'needs_confirmation', idempotencyKey: null }));
      });
      return { tool: toolName, args, decision: 'needs_confirmation', reason: 'low_confidence', output: { status: 'needs_confirmation', reason: 'low_confidence', message: decision.message } };
    }
    case 'duplicate': {
      await recordAudit(deps.db, audit({ decision: 'allowed', reason: 'duplicate', outcome: 'duplicate', idempotencyKey: decision.idempotencyKey }));
      return { tool: toolName, args, decision: 'allowed', output: { ...decision.prior, status: 'duplicate', message: `Already done: ${decision.prior.message}` } };
    }
    case 'allowed':
      return execute(decision.tool, decision.input, decision.idempotencyKey, call, ctx, deps, args, audit);
  }
}

async function execute(
  tool: ToolSpec,
  input: unknown,
  idempotencyKey: string | null,
  call: ProposedCall,
  ctx: ExecutionContext,
  deps: EnforceDeps,
  args: unknown,
  audit: (fields: Pick<AuditEntry, 'decision' | 'reason' | 'outcome' | 'idempotencyKey'>) => AuditEntry,
): Promise<ToolOutcome> {
  try {
    const output = await deps.db.transaction(async (tx) => {
      if (idempotencyKey) {
        // The unique key settles a race between two identical calls: the loser sees the winner's result.
        const claimed = await tx.query(
          `insert into tool_executions (idempotency_key, tool, conversation_id, result) values ($1, $2, $3, '{}'::jsonb)
           on conflict (idempotency_key) do nothing returning idempotency_key`,
          [idempotencyKey, tool.name, ctx.conversationId],
        );
        if (claimed.length === 0) return null;
      }
      const run = await tool.execute(tx, input, ctx);
      if (idempotencyKey) {
        await tx.query('update tool_executions set result = $2::jsonb where idempotency_key = $1', [idempotencyKey, JSON.stringify(run.result)]);
      }
      for (const [index, message] of run.outbox.entries()) {
        await tx.query(
          'insert into outbox (topic, payload, dedupe_key) values ($1, $2::jsonb, $3) on conflict (dedupe_key) do nothing',
          [message.topic, JSON.stringify(message.payload), `${idempotencyKey ?? `${ctx.requestId}:${call.tool}`}:${index}:${message.topic}`],
        );
      }
      await appendAudit(tx, audit({ decision: 'allowed', reason: run.result.reason ?? null, outcome: run.result.status, idempotencyKey }));
      return run.result;
    });
    if (output === null) {
      await recordAudit(deps.db, audit({ decision: 'allowed', reason: 'duplicate', outcome: 'duplicate', idempotencyKey }));
      return { tool: tool.name, args, decision: 'allowed', output: { status: 'duplicate', message: 'Already done.' } };
    }
    return { tool: tool.name, args, decision: 'allowed', output };
  } catch (error) {
    deps.logError?.(error, { tool: call.tool, requestId: ctx.requestId });
    await recordAudit(deps.db, audit({ decision: 'allowed', reason: 'tool_failed', outcome: 'error', idempotencyKey }));
    return { tool: tool.name, args, decision: 'allowed', output: { status: 'error', reason: 'tool_failed', message: 'Something went wrong on our side; nothing was saved. Please try again.' } };
  }
}
