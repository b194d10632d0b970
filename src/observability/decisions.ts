import type { ToolOutcome } from '../policy/enforce.ts';
import type { ToolRegistry } from '../tools/index.ts';
import { metrics } from './metrics.ts';

/**
 * Counts one decided call. A tool name the registry does not know is counted as `unknown`: the
 * name comes from the model, and a label per invented name would grow the series without bound.
 */
export function countDecision(outcome: ToolOutcome, tools: ToolRegistry): void {
  const reason = outcome.reason ?? (outcome.output.status === 'duplicate' ? 'duplicate' : 'none');
  metrics.decisions.inc({ tool: tools.find(outcome.tool) ? outcome.tool : 'unknown', decision: outcome.decision, reason });
}
