import { digest } from '../store/canonical.ts';
import { TOOL_NAMES, TOOLS, type ToolName } from '../tools/index.ts';
import { MAX_TOOL_CALLS_PER_TURN } from '../policy/gates/turn-budget.ts';

/** The configurable part of the policy: what two deployments must share to decide alike. */
export interface PolicySettings {
  thresholds: Record<ToolName, number>;
  /** A candidate's limits per tool and scope; the enforced policy has none beyond the tools' own. */
  limits?: Partial<Record<ToolName, Partial<Record<string, { limit: number; windowSeconds: number }>>>>;
  /** A candidate's triage rule priorities; the enforced policy uses the rules' own. */
  triage?: Readonly<Record<string, string>>;
}

/**
 * The policy version: a short hash of everything configurable that the gates decide with
 * (thresholds, each tool's rate limits, the per-turn budget). Every audit row carries it, so a
 * decision can be traced to the exact configuration that made it, and a change shows up as a
 * new version. Code changes to a gate are versioned by the deployment, not by this hash.
 */
export function policyVersion(settings: PolicySettings): string {
  const tools = TOOL_NAMES.map((name) => ({
    name,
    threshold: settings.thresholds[name],
    rateLimits: TOOLS[name].rateLimits.map((limit) => limit.rule),
  }));
  const limits = settings.limits && Object.keys(settings.limits).length > 0 ? { limitOverrides: settings.limits } : {};
  const triage = settings.triage && Object.keys(settings.triage).length > 0 ? { triageOverrides: settings.triage } : {};
  return digest({ maxToolCallsPerTurn: MAX_TOOL_CALLS_PER_TURN, tools, ...limits, ...triage }).slice(0, 16);
}
