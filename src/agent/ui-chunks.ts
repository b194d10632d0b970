import type { TextStreamPart, ToolSet, UIMessageChunk } from 'ai';

/** Where a turn writes what the client sees: UI message stream chunks, in order. */
export interface ChunkWriter {
  write(chunk: UIMessageChunk): void;
}

/**
 * The UI message chunk a model step's stream part becomes, or null when the client is
 * not sent it: what `result.toUIMessageStream({ sendStart: false, sendFinish: false })`
 * sends, minus tool parts (the gateway writes those itself, with redacted arguments and
 * the policy's result). Done here part by part because the SDK's conversion wraps the
 * step's stream in three more stream layers, a measurable share of a turn's CPU.
 * `errorText` turns a step's error into what the user may read (never the error itself).
 */
export function uiChunkOf(part: TextStreamPart<ToolSet>, errorText: (error: unknown) => string): UIMessageChunk | null {
  const meta = 'providerMetadata' in part && part.providerMetadata != null ? { providerMetadata: part.providerMetadata } : {};
  switch (part.type) {
    case 'text-start':
    case 'text-end':
    case 'reasoning-start':
    case 'reasoning-end':
      return { type: part.type, id: part.id, ...meta };
    case 'text-delta':
    case 'reasoning-delta':
      return { type: part.type, id: part.id, delta: part.text, ...meta };
    case 'file':
      return { type: 'file', mediaType: part.file.mediaType, url: `data:${part.file.mediaType};base64,${part.file.base64}`, ...meta };
    case 'error':
      return { type: 'error', errorText: errorText(part.error) };
    case 'start-step':
    case 'finish-step':
      return { type: part.type };
    case 'abort':
      return part as UIMessageChunk;
    // The turn writes its own start and finish; sources are not sent (the SDK's default);
    // raw provider chunks and tool parts never reach the client from here.
    default:
      return null;
  }
}
