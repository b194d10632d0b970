import { randomBytes } from 'node:crypto';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { sha256 } from '../store/canonical.ts';

/**
 * Headers for a call to a vendor, so their logs can be matched with ours: `x-request-id` is the
 * correlation id, `traceparent` (W3C Trace Context, version 00) the current span. Without
 * tracing there is no span, so the trace id is derived from the correlation id: every call made
 * for one request or event then shares one trace id at the vendor, unsampled (flags 00).
 */
export function outgoingTraceHeaders(correlationId: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (correlationId) headers['x-request-id'] = correlationId;
  const span = trace.getSpan(context.active())?.spanContext();
  if (span && isSpanContextValid(span)) {
    headers.traceparent = `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 1).toString(16).padStart(2, '0')}`;
  } else if (correlationId) {
    headers.traceparent = `00-${traceIdOf(correlationId)}-${randomBytes(8).toString('hex')}-00`;
  }
  return headers;
}

/** 16 bytes of the id's SHA-256, never all zero (an invalid trace id). */
export function traceIdOf(correlationId: string): string {
  const id = sha256(correlationId).slice(0, 32);
  return /^0+$/.test(id) ? `${id.slice(0, 31)}1` : id;
}
