import type { Redaction, RedactionKind, Span } from './types.ts';

export interface Rendered {
  text: string;
  redactions: Redaction[];
}

/**
 * Applies spans to `text`, from `from` on (what lies before it was already
 * shown). Overlaps resolve toward hiding more: a span inside one already
 * applied is dropped, a span reaching past one is applied for the part past
 * it, so every character any detector flagged is replaced.
 */
export function render(text: string, spans: Span[], from = 0): Rendered {
  // Earliest first; at the same start the longer one, so an image span wins over the URL inside it.
  // Sort is stable, so detectors registered first win exact ties.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const counts = new Map<RedactionKind, number>();
  let out = '';
  let pos = from;
  for (const span of spans) {
    if (span.end <= pos) continue;
    const start = Math.max(span.start, pos);
    out += text.slice(pos, start) + span.replacement;
    pos = span.end;
    if (span.kind) counts.set(span.kind, (counts.get(span.kind) ?? 0) + 1);
  }
  out += text.slice(pos);
  return { text: out, redactions: toRedactions(counts) };
}

export function toRedactions(counts: Map<RedactionKind, number>): Redaction[] {
  return [...counts].map(([kind, count]) => ({ kind, count }));
}
