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
    return { ...rest, stream: repaired(stream) };
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

/** What `repair` hands on: the parts to pass downstream, in order. */
type Emit = (part: LanguageModelV3StreamPart) => void;

/**
 * The model's stream with every part repaired. A stream that pulls from the model's reader
 * rather than `pipeThrough` a TransformStream: the same parts in the same order, errors and
 * cancellation passed through, without a second stream pair and the pipe's promises per part
 * (on Node 20 that was about 50 µs of CPU per model step).
 */
function repaired(source: ReadableStream<LanguageModelV3StreamPart>): ReadableStream<LanguageModelV3StreamPart> {
  const reader = source.getReader();
  const repair = repairer();
  let controller!: ReadableStreamDefaultController<LanguageModelV3StreamPart>;
  let emitted = false;
  // One function for the stream's life, not one per pull.
  const emit: Emit = (part) => {
    emitted = true;
    controller.enqueue(part);
  };
  return new ReadableStream<LanguageModelV3StreamPart>({
    start(c) {
      controller = c;
    },
    async pull() {
      // A pull ends once it passed something on (or the stream ended): dropped parts read on.
      emitted = false;
      while (!emitted) {
        const next = await reader.read();
        if (next.done) {
          controller.close();
          return;
        }
        repair(next.value, emit);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function repairer(): (part: LanguageModelV3StreamPart, emit: Emit) => void {
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
  return (part, emit) => {
    switch (part.type) {
      case 'text-delta':
      case 'reasoning-delta': {
        const delta = take(part.id, part.delta);
        if (delta) emit({ ...part, delta });
        return;
      }
      case 'text-end':
      case 'reasoning-end': {
        const rest = held.get(part.id);
        if (rest !== undefined) {
          held.delete(part.id);
          emit({ type: part.type === 'text-end' ? 'text-delta' : 'reasoning-delta', id: part.id, delta: toStorable(rest) });
        }
        emit(part);
        return;
      }
      // Streamed argument fragments are only a preview (the gateway shows decided calls, never
      // previews), and partial-JSON parsing of a hostile fragment is one more parser to bound.
      case 'tool-input-start':
      case 'tool-input-delta':
      case 'tool-input-end':
        return;
      case 'tool-call':
        emit({ ...part, toolName: toStorable(part.toolName), input: repairToolInput(part.input) });
        return;
      default:
        emit(part);
    }
  };
}
