import { metrics, secondsSince } from '../observability/metrics.ts';
import { outgoingTraceHeaders } from '../observability/trace-headers.ts';
import { inSpan } from '../observability/tracing.ts';
import { DeliveryError } from './delivery-error.ts';

/**
 * Answers that will not improve by asking again: a malformed request (400, 422), bad or
 * missing credentials (401, 403), a target that does not exist (404, 410). They go
 * straight to the dead-letter queue for a human instead of burning attempts.
 */
const NON_RETRYABLE = new Set([400, 401, 403, 404, 410, 422]);

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns
 * milliseconds from now, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What every vendor call of one delivery shares: its deadline, and the correlation id of the
 * request or event behind the job, which the vendor sees (`x-request-id`, `traceparent`) so its
 * logs can be matched with ours.
 */
export interface VendorCall {
  signal: AbortSignal;
  correlationId: string;
}

/** A vendor call that writes: also the key, stable across a job's attempts, that vendors deduplicate on. */
export interface IdempotentCall extends VendorCall {
  idempotencyKey: string;
}

/** The error Node's fetch raises for a call that was aborted by our deadline. */
function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * Node's fetch with the outbox's view of failure: any non-2xx answer becomes a typed
 * DeliveryError (retryable or not), a deadline or a dropped connection becomes a
 * retryable error whose outcome is unknown. Vendor response bodies are not copied into
 * errors beyond a short excerpt, since they end up in the exceptions queue and logs.
 */
export function vendorFetch(vendor: string, url: string, init: RequestInit, call: VendorCall): Promise<Response> {
  return inSpan('vendor.call', { 'toolgate.vendor': vendor, 'http.request.method': init.method ?? 'GET' }, async (span) => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const response = await vendorCall(vendor, url, init, call);
      span.setAttribute('http.response.status_code', response.status);
      return response;
    } catch (error) {
      outcome = error instanceof DeliveryError ? (error.status ? `http_${error.status}` : error.errorClass) : 'internal';
      throw error;
    } finally {
      metrics.vendorSeconds.observe({ vendor, outcome }, secondsSince(started));
    }
  });
}

async function vendorCall(vendor: string, url: string, init: RequestInit, { signal, correlationId }: VendorCall): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(outgoingTraceHeaders(correlationId))) if (!headers.has(name)) headers.set(name, value);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, signal });
  } catch (error) {
    if (isAbort(error) || signal.aborted) {
      throw new DeliveryError(`${vendor}: no answer before the deadline`, { retryable: true, errorClass: 'timeout', outcomeUnknown: true });
    }
    // A reset after the request left may still have been processed by the vendor.
    throw new DeliveryError(`${vendor}: connection failed`, { retryable: true, errorClass: 'network', outcomeUnknown: true });
  }
  if (response.ok) return response;
  const excerpt = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
  const status = response.status;
  const message = `${vendor}: HTTP ${status}${excerpt ? ` ${excerpt}` : ''}`;
  if (NON_RETRYABLE.has(status)) throw new DeliveryError(message, { retryable: false, errorClass: `http_${status}`, status });
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  throw new DeliveryError(message, {
    retryable: true,
    errorClass: status === 429 ? 'rate_limited' : `http_${status}`,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** A 2xx body that should be JSON; anything else is the vendor misbehaving, worth a retry. */
export async function jsonBody<T>(vendor: string, response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new DeliveryError(`${vendor}: answered 2xx without a JSON body`, { retryable: true, errorClass: 'bad_response', outcomeUnknown: true });
  }
}
