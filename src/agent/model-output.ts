import type { LanguageModelV3, LanguageModelV3Content, LanguageModelV3Middleware, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import { deepStorable, toStorable } from '../store/storable-text.ts';
import { boundToolInput } from './json-bounds.ts';

/**
 * Where the agent receives model output, before the AI SDK parses it: tool-call input is held
 * to the JSON bounds (a 5,000-deep argument becomes a marker the schema gate denies, not a stack
 * overflow), and text Postgres cannot store (lone surrogates, NUL) is replaced with U+FFFD in
 * text, tool names and arguments. The model produced it, so refusing would lose the audit row
 * and the turn; repairing keeps both.
 */
export function repairedModel(model: LanguageModelV3): LanguageModelV3 {
  return wrapLanguageModel({ model, middleware: modelOutputMiddleware });
}

export const modelOutputMiddleware: LanguageModelV3Middleware = {
  specificationVersion: 'v3',
  async wrapGenerate({ doGenerate }) {
    const result = await doGenerate();
    return { ...result, content: result.content.map(repairContent) };
  },
  async wrapStream({ doStream }) {
    const { stream, ...rest } = await doStream();
    return { ...rest, stream: stream.pipeThrough(repairStream()) };
  },
};

function repairContent(part: LanguageModelV3Content): LanguageModelV3Content {
  if (part.type === 'text' || part.type === 'reasoning') return { ...part, text: toStorable(part.text) };
  if (part.type === 'tool-call') return { ...part, toolName: toStorable(part.toolName), input: repairToolInput(part.input) };
  return part;
}

/** Bounded first, then parsed (now safe) to repair the strings JSON escapes can hide (`"\ud800"`, `"\u0000"`). */
export function repairToolInput(input: string): string {
  const bounded = boundToolInput(input);
  try {
    return JSON.stringify(deepStorable(JSON.parse(bounded)));
  } catch {
    return toStorable(bounded);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function repairStream(): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
  // A surrogate pair may be split across two deltas: a trailing high surrogate waits for the next one.
  const held = new Map<string, string>();
  const take = (id: string, delta: string) => {
    const text = (held.get(id) ?? '') + delta;
    held.delete(id);
    if (text && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      held.set(id, text.slice(-1));
      return toStorable(text.slice(0, -1));
    }
    return toStorable(text);
  };
  return new TransformStream({
    transform(part, controller) {
      switch (part.type) {
        case 'text-delta':
        case 'reasoning-delta': {
          const delta = take(part.id, part.delta);
          if (delta) controller.enqueue({ ...part, delta });
          return;
        }
        case 'text-end':
        case 'reasoning-end': {
          const rest = held.get(part.id);
          if (rest !== undefined) {
            held.delete(part.id);
            controller.enqueue({ type: part.type === 'text-end' ? 'text-delta' : 'reasoning-delta', id: part.id, delta: toStorable(rest) });
          }
          controller.enqueue(part);
          return;
        }
        // Streamed argument fragments are only a preview (the gateway shows decided calls, never
        // previews), and partial-JSON parsing of a hostile fragment is one more parser to bound.
        case 'tool-input-start':
        case 'tool-input-delta':
        case 'tool-input-end':
          return;
        case 'tool-call':
          controller.enqueue({ ...part, toolName: toStorable(part.toolName), input: repairToolInput(part.input) });
          return;
        default:
          controller.enqueue(part);
      }
    },
  });
}
