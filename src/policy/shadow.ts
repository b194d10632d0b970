import { metrics } from '../observability/metrics.ts';
import type { Queryable } from '../store/database.ts';
import { sha256 } from '../store/canonical.ts';
import { countCandidateAllowed, recordShadowDecision } from '../store/policy-shadow.ts';
import type { Tool, ToolName, ToolRegistry } from '../tools/index.ts';
import type { CandidatePolicy } from '../config/policy-candidate.ts';
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

type Verdict = { decision: string; reason: string | null };

/**
 * The candidate's own rate limits for a tool it sets limits for: every limit of the tool (the
 * candidate's rule for a scope it overrides, the tool's own otherwise) counted over the calls the
 * candidate would have allowed, as recorded in the shadow log. The real limiter is never
 * charged. Returns the hashed keys to record with the call, and whether a limit is used up.
 */
async function candidateLimits(db: Queryable, tool: Tool, input: unknown, ctx: PolicyContext, candidate: CandidatePolicy) {
  const overrides = candidate.limits[tool.name as ToolName];
  const keys: string[] = [];
  let exhausted = false;
  for (const limit of tool.rateLimits) {
    const key = limit.key(input as never, ctx);
    const hashed = sha256(key);
    keys.push(hashed);
    if (!overrides || exhausted) continue;
    const rule = overrides[key.split(':')[1] as keyof typeof overrides] ?? limit.rule;
    if ((await countCandidateAllowed(db, hashed, rule.windowSeconds)) >= rule.limit) exhausted = true;
  }
  return { keys, exhausted: Boolean(overrides) && exhausted };
}

/**
 * Decides the call again with the candidate's settings, log-only: nothing it decides has an
 * effect, and a failure here is logged, never passed to the caller. The candidate runs the same
 * deterministic gates. For a tool the candidate sets no limits for, where the gates agree the
 * rest of the pipeline (idempotency, rate limits) is shared, so the enforced outcome stands for
 * both; where the candidate would allow a call the enforced gates stopped, the limits were never
 * charged, so its verdict is `allowed` subject to them. For a tool it sets limits for, the
 * candidate counts its own (candidateLimits), so a tightened or loosened limit shows up.
 */
export async function shadowDecide(call: ProposedCall, ctx: PolicyContext & { requestId: string }, enforcedDecision: Decision, deps: ShadowDeps): Promise<void> {
  try {
    const enforcedStatic = decideStatic(call, ctx, deps.tools);
    const candidateStatic = decideStatic(call, { ...ctx, thresholds: deps.candidate.thresholds }, deps.tools);
    const enforced = verdict(enforcedDecision);
    const sameStatic = verdict(enforcedStatic).decision === verdict(candidateStatic).decision && verdict(enforcedStatic).reason === verdict(candidateStatic).reason;
    let candidate: Verdict = sameStatic ? enforced : verdict(candidateStatic);
    let limitKeys: string[] = [];
    if (candidateStatic.decision === 'allowed' && enforcedDecision.decision !== 'duplicate') {
      const limits = await candidateLimits(deps.db, candidateStatic.tool, candidateStatic.input, ctx, deps.candidate);
      limitKeys = limits.keys;
      if (deps.candidate.limits[candidateStatic.tool.name]) {
        candidate = limits.exhausted ? { decision: 'denied', reason: 'rate_limited' } : { decision: 'allowed', reason: null };
      }
    }
    // Both allow it: a candidate with its own triage may still settle a ticket at another priority.
    let enforcedShown = enforced;
    if (Object.keys(deps.candidate.triage).length > 0 && candidateStatic.decision === 'allowed' && enforced.decision === 'allowed' && candidate.decision === 'allowed') {
      const settle = candidateStatic.tool.settledPriority;
      if (settle) {
        const input = candidateStatic.input as never;
        enforcedShown = { ...enforced, reason: enforced.reason ?? `priority_${settle(input, ctx)}` };
        candidate = { ...candidate, reason: candidate.reason ?? `priority_${settle(input, ctx, deps.candidate.triage)}` };
      }
    }
    const tool = deps.tools.find(call.tool) ? call.tool : 'unknown';
    const differs = candidate.decision !== enforcedShown.decision || candidate.reason !== enforcedShown.reason;
    metrics.shadowDecisions.inc({ tool, agreement: differs ? 'differs' : 'same' });
    await recordShadowDecision(deps.db, {
      requestId: ctx.requestId,
      conversationId: ctx.conversationId,
      tool,
      enforcedVersion: deps.enforcedVersion,
      candidateVersion: deps.candidate.version,
      enforcedDecision: enforcedShown.decision,
      enforcedReason: enforcedShown.reason,
      candidateDecision: candidate.decision,
      candidateReason: candidate.reason,
      limitKeys,
    });
  } catch (error) {
    deps.logError?.(error, { stage: 'policy shadow decision' });
  }
}
