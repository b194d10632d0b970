import { recordAudit } from '../store/audit.ts';
import { storePendingConfirmation } from '../store/confirmations.ts';
import type { Database } from '../store/database.ts';
import { recordOneStatementWrite, recordWriteEffects } from '../store/effects.ts';
import type { ToolRegistry } from '../tools/index.ts';
import type { Reason } from '../tools/reasons.ts';
import type { ToolResult } from '../tools/tool-result.ts';
import { inSpan } from '../observability/tracing.ts';
import { beginAttempt, type Attempt } from './attempt.ts';
import { decide, type Decision } from './pipeline.ts';
import type { CandidatePolicy } from '../config/policy-candidate.ts';
import { shadowDecide } from './shadow.ts';
import type { RateLimiter } from './rate-limit/index.ts';
import type { EnforceContext, ProposedCall } from './types.ts';

export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;

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
  /** The tool registry the pipeline looks calls up in. */
  tools: ToolRegistry;
  /** Removes confidential content (the output gate) from text kept in the audit log or shown to the client. */
  scrub: (text: string) => string;
  logError?: (error: unknown, context: Record<string, unknown>) => void;
  /** The enforced policy's version (config/policy-version.ts), recorded on every audit row. */
  policyVersion?: string;
  /** A candidate policy that decides every call too, log-only (POLICY_CANDIDATE_FILE). */
  candidatePolicy?: CandidatePolicy;
}

type Allowed = Extract<Decision, { decision: 'allowed' }>;

/**
 * Runs one proposed call through the pipeline and records it: decide, then write,
 * then audit. An allowed call's domain write, idempotency record, outbox rows and
 * audit row commit together or not at all; every other outcome still leaves an audit row.
 */
export async function enforce(proposed: ProposedCall, ctx: EnforceContext, deps: EnforceDeps): Promise<ToolOutcome> {
  const attempt = beginAttempt(proposed, ctx, deps);
  const decision = await decide(attempt.call, ctx, deps);
  if (deps.candidatePolicy && deps.policyVersion) {
    await shadowDecide(attempt.call, ctx, decision, { ...deps, enforcedVersion: deps.policyVersion, candidate: deps.candidatePolicy });
  }
  const { tool, args } = attempt.shown;

  switch (decision.decision) {
    case 'denied': {
      await recordAudit(deps.db, attempt.audit({ decision: 'denied', reason: decision.reason, outcome: 'denied', idempotencyKey: null }));
      return { tool, args, decision: 'denied', reason: decision.reason, output: { status: 'denied', reason: decision.reason, message: decision.message } };
    }
    case 'needs_confirmation': {
      await storePendingConfirmation(
        deps.db,
        {
          conversationId: ctx.conversationId,
          tool: attempt.call.tool,
          args: decision.input,
          confidence: attempt.call.confidence,
          expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS),
        },
        attempt.audit({ decision: 'needs_confirmation', reason: 'low_confidence', outcome: 'needs_confirmation', idempotencyKey: null }),
      );
      return { tool, args, decision: 'needs_confirmation', reason: 'low_confidence', output: { status: 'needs_confirmation', reason: 'low_confidence', message: decision.message } };
    }
    case 'duplicate': {
      await recordAudit(deps.db, attempt.audit({ decision: 'allowed', reason: 'duplicate', outcome: 'duplicate', idempotencyKey: decision.idempotencyKey }));
      return { tool, args, decision: 'allowed', output: { ...decision.prior, status: 'duplicate', message: `Already done: ${decision.prior.message}` } };
    }
    case 'allowed':
      return perform(attempt, decision, deps);
  }
}

/** Thrown inside the write's transaction to roll it back: an identical call committed first. */
class LostIdempotencyRace extends Error {}

/** The allowed write: run the tool, then record its result, outbox rows and audit row; one statement or one transaction. */
async function perform(attempt: Attempt, allowed: Allowed, deps: EnforceDeps): Promise<ToolOutcome> {
  const { tool, input, idempotencyKey } = allowed;
  const { ctx, call, shown } = attempt;
  const dedupeBase = idempotencyKey ?? `${ctx.requestId}:${call.tool}`;
  const execution = idempotencyKey ? { idempotencyKey, tool: tool.name, conversationId: ctx.conversationId } : null;
  const audit = (result: ToolResult) => attempt.audit({ decision: 'allowed', reason: result.reason ?? null, outcome: result.status, idempotencyKey });
  try {
    const output = await inSpan('policy.write', { 'toolgate.tool': tool.name }, async () => {
      if (tool.write) {
        // One statement: the write and its effects commit together, with no transaction around them.
        const write = tool.write(input, ctx);
        const recorded = await recordOneStatementWrite(deps.db, { write, execution, dedupeBase, audit: audit(write.result) });
        return recorded?.result ?? null;
      }
      return deps.db
        .transaction(async (tx) => {
          const run = await tool.execute(tx, input, ctx);
          const recorded = await recordWriteEffects(tx, {
            execution: execution && { ...execution, result: run.result },
            outbox: run.outbox.map((message, index) => ({ ...message, dedupeKey: `${dedupeBase}:${index}:${message.topic}` })),
            audit: audit(run.result),
          });
          if (!recorded) throw new LostIdempotencyRace();
          return run.result;
        })
        .catch((error: unknown) => {
          if (error instanceof LostIdempotencyRace) return null;
          throw error;
        });
    });
    if (output === null) {
      // Another identical call committed first: its write stands, this one is a repeat.
      await recordAudit(deps.db, attempt.audit({ decision: 'allowed', reason: 'duplicate', outcome: 'duplicate', idempotencyKey }));
      return { tool: tool.name, args: shown.args, decision: 'allowed', output: { status: 'duplicate', message: 'Already done.' } };
    }
    return { tool: tool.name, args: shown.args, decision: 'allowed', output };
  } catch (error) {
    deps.logError?.(error, { tool: call.tool, requestId: ctx.requestId });
    await recordAudit(deps.db, attempt.audit({ decision: 'allowed', reason: 'tool_failed', outcome: 'error', idempotencyKey }));
    return { tool: tool.name, args: shown.args, decision: 'allowed', output: { status: 'error', reason: 'tool_failed', message: 'Something went wrong on our side; nothing was saved. Please try again.' } };
  }
}
