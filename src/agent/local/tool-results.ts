import type { JSONValue, LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import { textOf } from './prompt.ts';
import type { Reply } from './reply.ts';

type ToolResultBody = { status?: string; message?: string };

const STATUS_FALLBACK: Record<string, string> = {
  done: 'Done.',
  duplicate: 'That was already taken care of, so nothing new was created.',
  denied: "I wasn't able to do that.",
  needs_confirmation: "Please confirm you'd like me to go ahead.",
  error: 'Something went wrong on our side. Please try again in a moment.',
};

function parseBody(value: JSONValue | undefined): ToolResultBody | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const status = typeof value.status === 'string' ? value.status : undefined;
  const message = typeof value.message === 'string' && value.message.trim() !== '' ? value.message.trim() : undefined;
  return { ...(status !== undefined ? { status } : {}), ...(message !== undefined ? { message } : {}) };
}

function bodyFromText(text: string): ToolResultBody {
  try {
    const parsed = parseBody(JSON.parse(text) as JSONValue);
    if (parsed !== null) return parsed;
  } catch {
    // Plain text is the message itself.
  }
  return { message: text.trim() };
}

function resultBody(output: LanguageModelV3ToolResultOutput): ToolResultBody {
  switch (output.type) {
    case 'json':
      return parseBody(output.value) ?? {};
    case 'text':
      return bodyFromText(output.value);
    case 'content':
      return bodyFromText(textOf(output.value));
    case 'execution-denied':
      return { status: 'denied' };
    // A thrown tool error can carry internals (paths, SQL, stack fragments): never repeat it.
    case 'error-text':
    case 'error-json':
      return { status: 'error' };
  }
}

/** The answer once the gateway has run the calls: their messages, never their internals. */
export function replyToToolResults(prompt: LanguageModelV3Prompt): Reply {
  const last = prompt.at(-1);
  const bodies =
    last?.role === 'tool'
      ? last.content.flatMap((part) => (part.type === 'tool-result' ? [resultBody(part.output)] : []))
      : [];
  const sentences = bodies
    .map((b) => b.message ?? STATUS_FALLBACK[b.status ?? ''] ?? '')
    .filter((s) => s.length > 0);
  const allDone = bodies.length > 0 && bodies.every((b) => b.status === 'done' || b.status === 'duplicate');
  if (allDone) sentences.push('Is there anything else I can help with?');
  return { type: 'text', text: sentences.length > 0 ? sentences.join(' ') : 'Is there anything else I can help with?' };
}
