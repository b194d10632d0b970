import type { ToolName } from '../../tools/index.ts';
import { intentScores } from '../confidence-estimate.ts';
import { INJECTION } from '../intent-evidence/steering.ts';
import { normalizeText } from '../normalize-text.ts';
import { userWords } from '../user-words.ts';

/** Below this the model should not act on the message at all. */
export const MIN_INTENT_CONFIDENCE = 0.5;

export type Intent = {
  tool: ToolName | null;
  /** How sure the rules are that the message asks for `tool` (or for any tool, when null). */
  confidence: number;
};

/**
 * The tool the latest user message asks for: the best of the server's own estimates
 * (`intentScores`), so the local model and the confidence gate never disagree. Only the
 * user's own words count (`userWords`, applied here so callers cannot forget it).
 * Off-topic, vague and instruction-rewriting messages come back as `null` with
 * confidence below 0.5. A tie goes to the first tool in the evidence.
 */
export function classifyIntent(latestUserText: string): Intent {
  return ruleIntent(userWords(latestUserText));
}

/** The rules' choice alone, from the user's own words. */
export function ruleIntent(own: string): Intent {
  const scores = intentScores(own);
  const tools = Object.keys(scores) as ToolName[];
  let best = tools[0]!;
  for (const tool of tools) {
    if (scores[tool] > scores[best]) best = tool;
  }
  const confidence = scores[best];
  return confidence >= MIN_INTENT_CONFIDENCE ? { tool: best, confidence } : { tool: null, confidence };
}

/** Whether the user's own words try to rewrite the assistant's instructions rather than ask for something. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION.test(normalizeText(userWords(text)));
}

/** The most recent earlier message that asked for any tool, in the user's own words. */
export function lastRequest(history: string[]): { text: string; intent: Intent & { tool: ToolName } } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const own = userWords(history[i] ?? '');
    const intent = classifyIntent(own);
    if (intent.tool !== null) return { text: own, intent: { tool: intent.tool, confidence: intent.confidence } };
  }
  return null;
}
