/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter", 2015): a uniform delay in [0, min(cap, base * 2^(attempt-1))], so workers that
 * failed together do not retry together. A vendor's `Retry-After` wins when it is given
 * (429 and 503), bounded so a bogus header cannot park a job for days.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 10 * 60_000, maxRetryAfterMs: 60 * 60_000 };

export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), options.maxRetryAfterMs);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
