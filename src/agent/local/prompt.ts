import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { findTool, type ToolName } from '../../tools/index.ts';

/** Reading the prompt the SDK hands the local model: what the user typed, and which tools it may call. */

export function textOf(content: ReadonlyArray<{ type: string; text?: string }>): string {
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

/** Every user message, oldest first, as typed (the system prompt is never read). */
export function userTexts(prompt: LanguageModelV3Prompt): string[] {
  return prompt.flatMap((m) => (m.role === 'user' ? [textOf(m.content)] : []));
}

/** The gateway's tools offered for this step, narrowed by the tool choice. */
export function availableTools(options: LanguageModelV3CallOptions): Set<ToolName> {
  const choice = options.toolChoice;
  if (choice?.type === 'none') return new Set();
  const names = new Set<ToolName>();
  for (const t of options.tools ?? []) {
    const known = t.type === 'function' ? findTool(t.name) : undefined;
    if (known === undefined) continue;
    if (choice?.type === 'tool' && choice.toolName !== known.name) continue;
    names.add(known.name);
  }
  return names;
}

/** The messages between the user's previous message and their latest one: the assistant's last turn. */
export function lastAssistantTurn(prompt: LanguageModelV3Prompt): LanguageModelV3Prompt {
  const userIndexes = prompt.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const latest = userIndexes.at(-1);
  const previous = userIndexes.at(-2);
  return latest === undefined || previous === undefined ? [] : prompt.slice(previous + 1, latest);
}
