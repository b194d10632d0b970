import { context, createContextKey, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * Our own spans. Until a tracer provider is installed (OTEL_EXPORTER_OTLP_ENDPOINT, or the
 * in-memory exporter in tests) `inSpan` calls the function directly: no span objects, no
 * context switches, so the untraced path costs one boolean test.
 */
let enabled = false;

export const TRACER_NAME = 'toolgate';

/** Called by the set-up that installs a provider (setup.ts, tests). */
export function markTracingEnabled(on: boolean): void {
  enabled = on;
}

export const tracingEnabled = (): boolean => enabled;

const CORRELATION = createContextKey('toolgate.correlation_id');

/**
 * Runs `fn` with `id` as the correlation id of the spans it opens, however deep (a chat request's
 * id, a Stripe event's id, the id an outbox job inherited). It rides the trace context, which
 * tracing propagates anyway; untraced it is a plain call. Everything else that records the id
 * (logs, outbox rows, vendor calls) is handed it explicitly: on Node 20 carrying it implicitly
 * (AsyncLocalStorage) puts a hook on every promise of every request.
 */
export function withSpanCorrelation<T>(id: string, fn: () => T): T {
  if (!enabled) return fn();
  return context.with(context.active().setValue(CORRELATION, id), fn);
}

const NO_SPAN = trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });

/** Runs `fn` inside an active span (a child of the current one); an error marks the span and is rethrown. */
export async function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!enabled) return fn(NO_SPAN);
  const correlationId = context.active().getValue(CORRELATION) as string | undefined;
  return trace.getTracer(TRACER_NAME).startActiveSpan(
    name,
    { attributes: correlationId ? { ...attributes, 'toolgate.correlation_id': correlationId } : attributes },
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** A synchronous step (a policy gate) as a child span of the current one. */
export function inSyncSpan<T>(name: string, attributes: Attributes, fn: () => T): T {
  if (!enabled) return fn();
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { attributes }, context.active());
  try {
    return fn();
  } finally {
    span.end();
  }
}
