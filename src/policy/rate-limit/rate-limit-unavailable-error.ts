/** Why the backend could not answer: too slow, failed, or already closed by us. */
export type RateLimitUnavailableReason = 'timeout' | 'backend_error' | 'closed';

/**
 * The rate limit backend could not give an answer, so the caller must fail closed
 * (reason code `rate_limit_unavailable`). Retrying later may succeed.
 *
 * The message is built only from fixed text and a short error code such as
 * `ECONNREFUSED`: backend errors can carry hosts, URLs or tokens, so they are never
 * copied in, nor attached as `cause` where a logger would serialize them.
 */
export class RateLimitUnavailableError extends Error {
  readonly retryable = true;
  readonly reason: RateLimitUnavailableReason;
  /** A short, credential-free code from the underlying failure, when there is one. */
  readonly code: string | undefined;

  constructor(reason: RateLimitUnavailableReason, code?: string) {
    super(`Rate limit backend unavailable (${reason}${code === undefined ? '' : `: ${code}`})`);
    this.name = 'RateLimitUnavailableError';
    this.reason = reason;
    this.code = code;
  }
}
