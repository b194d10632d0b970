import { createParser } from 'eventsource-parser';

/** One chunk of the AI SDK UI message stream, read loosely: the widget uses a few fields of a few types. */
export interface UiChunk {
  type: string;
  id?: string;
  delta?: string;
  toolCallId?: string;
  toolName?: string;
  output?: unknown;
  errorText?: string;
  data?: unknown;
}

/**
 * The chunks of an AI SDK UI message stream (server-sent events, one JSON chunk per `data:`
 * line, ended by `[DONE]`), in order. A body that breaks off mid-stream throws, so the caller
 * can tell a finished turn from a lost connection.
 */
export async function* uiChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<UiChunk> {
  const queue: UiChunk[] = [];
  let done = false;
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      try {
        queue.push(JSON.parse(event.data) as UiChunk);
      } catch {
        // A line that is not JSON is not part of the protocol: skipped, never shown.
      }
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (value) parser.feed(decoder.decode(value, { stream: true }));
    while (queue.length) yield queue.shift()!;
    if (ended || done) break;
  }
  if (!done) throw new Error('stream ended early');
}
