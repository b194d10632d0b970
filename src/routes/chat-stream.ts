import { generateId, UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from 'ai';
import type { ChunkWriter } from '../agent/ui-chunks.ts';

/**
 * The WHATWG Response as Node provides it, taken when this module loads. `serve()` of
 * `@hono/node-server` later replaces the global with a lighter class, whose streamed body the
 * adapter sends after flushing the headers on their own (one more write per answer); for a
 * standard Response it reads the first chunk first and sends it with the headers. Where the
 * global was replaced already (a module loaded after `serve()`), this is the lighter class:
 * the same bytes, one more write.
 */
const StandardResponse = globalThis.Response;

/** How a turn's stream ended, for its latency metric: its work threw, a step was aborted, or neither. */
export type StreamEnd = 'ok' | 'failed' | 'aborted';

interface TurnSink {
  /** Runs the turn, writing its chunks. */
  execute: (writer: ChunkWriter) => Promise<void>;
  /** What the client is told when `execute` throws: never the error itself. */
  onError: (error: unknown) => string;
}

/**
 * Runs a turn into `emit`. A turn that throws ends with one `error` chunk carrying
 * `onError`'s text, as `createUIMessageStream` does.
 */
async function drive({ execute, onError }: TurnSink, emit: (chunk: UIMessageChunk) => void): Promise<StreamEnd> {
  let aborted = false;
  const writer: ChunkWriter = {
    write(chunk) {
      if (chunk.type === 'abort') aborted = true;
      emit(chunk);
    },
  };
  try {
    await execute(writer);
    return aborted ? 'aborted' : 'ok';
  } catch (error) {
    emit({ type: 'error', errorText: onError(error) });
    return 'failed';
  }
}

/**
 * The turn as an AI SDK UI message stream response (SSE, `x-vercel-ai-ui-message-stream: v1`),
 * byte for byte what `createUIMessageStream` + `createUIMessageStreamResponse` send: the
 * `start` chunk gets a message id, every chunk is one `data:` event, `[DONE]` ends it. Built
 * as one byte stream because the SDK's pair stacks five stream layers and rebuilds the UI
 * message after every chunk, a large share of a turn's CPU. After the first, chunks written in
 * the same turn of the event loop go out in one write: the client sees them at the same moment
 * either way, and each write is a system call.
 */
export function turnStreamResponse(sink: TurnSink & { headers: Record<string, string>; onEnd: (end: StreamEnd) => void }): Response {
  const encoder = new TextEncoder();
  const messageId = generateId();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const bytes = encoder.encode(pending);
    pending = '';
    if (!cancelled) controller.enqueue(bytes);
  };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    // The client went away: the turn still runs to its end (its calls are audited), unseen.
    cancel: () => {
      cancelled = true;
    },
  });
  let first = true;
  const emit = (chunk: UIMessageChunk) => {
    const shown = chunk.type === 'start' && chunk.messageId == null ? { ...chunk, messageId } : chunk;
    if (!pending && !first) setImmediate(flush);
    pending += `data: ${JSON.stringify(shown)}\n\n`;
    // The first chunk goes out at once: the server then sends it with the response headers,
    // in one write, instead of flushing the headers on their own.
    if (first) {
      first = false;
      flush();
    }
  };
  void drive(sink, emit).then((end) => {
    pending += 'data: [DONE]\n\n';
    flush();
    if (!cancelled) controller.close();
    sink.onEnd(end);
  });
  return new StandardResponse(body, { status: 200, headers: { ...UI_MESSAGE_STREAM_HEADERS, ...sink.headers } });
}

/** The turn for JSON mode: its reply text, and whether an error chunk was written. */
export async function collectTurn(sink: TurnSink): Promise<{ text: string; failed: boolean; end: StreamEnd }> {
  let text = '';
  let failed = false;
  const end = await drive(sink, (chunk) => {
    if (chunk.type === 'text-delta') text += chunk.delta;
    if (chunk.type === 'error') failed = true;
  });
  return { text, failed, end };
}
