import type { ProviderMetadata, StreamTextTransform, TextStreamPart, ToolSet } from 'ai';
import { capText } from './cap.ts';
import { cutPoint } from './cut-point.ts';
import type { Redaction, Redactor, TurnContext } from './types.ts';

/**
 * Shared by the transforms of one turn's steps (each `streamText` call gets
 * its own transform), so the reply cap and the cross-piece context span the
 * whole reply rather than one step.
 */
export interface TurnBudget {
  /** Characters of reply text sent so far; above the cap once the cap was hit. */
  emitted: number;
  /**
   * The tail of the raw (unredacted) text the client already has, so a match
   * that runs on from it is still caught. Kept in memory only: never log it.
   */
  context?: string;
}

/** Enough to hold the 7 words before a system-prompt run, or half of a long secret, for the next piece. */
const CONTEXT_CHARS = 512;

type DeltaType = 'text-delta' | 'reasoning-delta';

interface Held {
  type: DeltaType;
  id: string;
  text: string;
  providerMetadata?: ProviderMetadata;
}

/**
 * The output gate for `streamText({ experimental_transform })`. Model text
 * (and reasoning, which clients can be sent too) is held per part until a
 * sentence ends, then sent redacted; it never holds back more than the
 * sentence in progress, except to keep together something the next text may
 * complete into a match (see `Redactor.unfinishedFrom` and `cutPoint`).
 * Whatever is held goes out on the part's end, on any other part, and at the
 * end of the stream, so other parts keep their order. Reply text counts
 * against `maxChars` across the turn; past it, text is dropped.
 */
export function createOutputGateTransform<T extends ToolSet>(
  redact: Redactor,
  ctx: TurnContext,
  maxChars: number,
  onRedaction: (r: Redaction[]) => void,
  budget: TurnBudget = { emitted: 0 },
): StreamTextTransform<T> {
  // A plain redact function still works: each piece is then judged on its own.
  const continuation = redact.continuation ?? ((_before: string, text: string, c: TurnContext) => redact(text, c));
  const unfinishedFrom = redact.unfinishedFrom ?? ((text: string) => text.length);
  const exhausted = () => budget.emitted > maxChars;

  return () => {
    let held: Held | undefined;
    let reasoningContext = '';

    const emit = (controller: TransformStreamDefaultController<TextStreamPart<T>>, h: Held, piece: string) => {
      const isText = h.type === 'text-delta';
      if (isText && exhausted()) return;
      const before = isText ? (budget.context ?? '') : reasoningContext;
      const result = continuation(before, piece, ctx);
      const after = (before + piece).slice(-CONTEXT_CHARS);
      if (isText) budget.context = after;
      else reasoningContext = after;

      const redactions = [...result.redactions];
      let text = result.text;
      if (isText) {
        const capped = capText(text, maxChars - budget.emitted);
        text = capped.text;
        budget.emitted = capped.truncated ? maxChars + 1 : budget.emitted + text.length;
        if (capped.truncated) redactions.push({ kind: 'length', count: 1 });
      }
      if (redactions.length) onRedaction(redactions);
      if (text) {
        const meta = h.providerMetadata ? { providerMetadata: h.providerMetadata } : {};
        controller.enqueue({ type: h.type, id: h.id, text, ...meta });
        h.providerMetadata = undefined;
      }
    };

    /** Sends what can be judged now; with `all`, everything held. */
    const release = (controller: TransformStreamDefaultController<TextStreamPart<T>>, all: boolean) => {
      if (!held) return;
      if (all) {
        if (held.text) emit(controller, held, held.text);
        held = undefined;
        return;
      }
      for (let cut = cutPoint(held.text, unfinishedFrom); cut > 0; cut = cutPoint(held.text, unfinishedFrom)) {
        const piece = held.text.slice(0, cut);
        held.text = held.text.slice(cut);
        emit(controller, held, piece);
      }
    };

    return new TransformStream<TextStreamPart<T>, TextStreamPart<T>>({
      transform(part, controller) {
        if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
          if (part.type === 'text-delta' && exhausted()) return;
          if (part.text.length === 0) {
            // Some providers send empty deltas mid-sentence; they must not force held text out.
            // One that carries metadata (a reasoning signature) rides on the held text, or goes on as it is.
            if (held && held.text && held.type === part.type && held.id === part.id) {
              if (part.providerMetadata) held.providerMetadata = part.providerMetadata;
            } else if (part.providerMetadata) {
              release(controller, true);
              controller.enqueue(part);
            }
            return;
          }
          if (held && (held.type !== part.type || held.id !== part.id)) release(controller, true);
          held ??= { type: part.type, id: part.id, text: '' };
          held.text += part.text;
          // One output part cannot carry several deltas' metadata; the latest is what providers update.
          if (part.providerMetadata) held.providerMetadata = part.providerMetadata;
          release(controller, false);
          return;
        }
        release(controller, true);
        // A URL source is a link the client shows; it obeys the same host rule as links in text.
        if (part.type === 'source' && part.sourceType === 'url') {
          const shown = redact(part.url, ctx);
          if (shown.redactions.length) {
            onRedaction(shown.redactions);
            return;
          }
        }
        controller.enqueue(part);
      },
      flush(controller) {
        release(controller, true);
      },
    });
  };
}
