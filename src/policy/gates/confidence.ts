import type { Tool } from '../../tools/index.ts';
import { PASS, type GateResult, type PolicyContext } from '../types.ts';

/** Gate 4: below the tool's threshold the user confirms first; a confirmed call passes. */
export function confidenceGate(tool: Tool, confidence: number | null, ctx: PolicyContext): GateResult {
  if (ctx.confirmed) return PASS;
  const threshold = ctx.thresholds[tool.name];
  if (confidence !== null && confidence >= threshold) return PASS;
  return {
    pass: false,
    decision: 'needs_confirmation',
    reason: 'low_confidence',
    message: `I want to be sure before I do this (${tool.name.replace('_', ' ')}). Reply "yes" to confirm.`,
  };
}
