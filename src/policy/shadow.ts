import { metrics } from '../observability/metrics.ts';
import type { Queryable } from '../store/database.ts';
import { recordShadowDecision } from '../store/policy-shadow.ts';
import type { ToolRegistry } from '../tools/index.ts';
import type { CandidatePolicy } from './candidate.ts';
import { decideStatic, type Decision } from './pipeline.ts';
import type { PolicyContext, ProposedCall } from './types.ts';

/** What a decision amounts to, as both policies are compared. */
function verdict(decision: Decision): { decision: string; reason: string | null } {
  switch (decision.decision) {
    case 'allowed':
      return { decision: 'allowed', reason: null };
    case 'duplicate':
      return { decision: 'allowed', reason: 'duplicate' };
    default:
      return { decision: decision.decision, reason: decision.reason };
  }
}

export interface ShadowDeps {
  db: Queryable;
  tools: ToolRegistry;
  enforcedVersion: string;
  candidate: CandidatePolicy;
  logError?: (error: unknown, context: Record<string, unknown>) => void;
}

/**
 * Decides the call again with the candidate's settings, log-only: nothing it decides has an
 * effect, and a failure here is logged, never passed to the caller. The candidate runs the same
 * deterministic gates; where those agree with the enforced ones the rest of the pipeline
 * (idempotency, rate limits) is shared, so the enforced outcome stands for both. Where the
 * candidate would allow a call the enforced gates stopped, the limits were never charged, so
 * the candidate's verdict is `allowed` subject to them.
 */
export async function shadowDecide(call: ProposedCall, ctx: PolicyContext & { requestId: string }, enforcedDecision: Decision, deps: ShadowDeps): Promise<void> {
  try {
    const enforcedStatic = decideStatic(call, ctx, deps.tools);
    const candidateStatic = decideStatic(call, { ...ctx, thresholds: deps.candidate.thresholds }, deps.tools);
    const enforced = verdict(enforcedDecision);
    const sameStatic = verdict(enforcedStatic).decision === verdict(candidateStatic).decision && verdict(enforcedStatic).reason === verdict(candidateStatic).reason;
    const candidate = sameStatic ? enforced : verdict(candidateStatic);
    const tool = deps.tools.find(call.tool) ? call.tool : 'unknown';
    const differs = candidate.decision !== enforced.decision || candidate.reason !== enforced.reason;
    metrics.shadowDecisions.inc({ tool, agreement: differs ? 'differs' : 'same' });
    await recordShadowDecision(deps.db, {
      requestId: ctx.requestId,
      conversationId: ctx.conversationId,
      tool,
      enforcedVersion: deps.enforcedVersion,
      candidateVersion: deps.candidate.version,
      enforcedDecision: enforced.decision,
      enforcedReason: enforced.reason,
      candidateDecision: candidate.decision,
      candidateReason: candidate.reason,
    });
  } catch (error) {
    deps.logError?.(error, { stage: 'policy shadow decision' });
  }
}
