import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';

/** Upper-case error kinds such as ECONNREFUSED, NOAUTH or WRONGPASS: safe to surface. */
const SAFE_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

/**
 * Runs one backend operation under a deadline and turns every failure into
 * RateLimitUnavailableError, so callers see one error type and fail closed.
 * The operation is not cancelled on timeout; its late result is ignored.
 */
export async function withDeadline<T>(timeoutMs: number, operation: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RateLimitUnavailableError('timeout')), timeoutMs);
  });
  try {
    return await Promise.race([(async () => operation())(), deadline]);
  } catch (error) {
    throw toUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
}

export function toUnavailable(error: unknown): RateLimitUnavailableError {
  if (error instanceof RateLimitUnavailableError) return error;
  return new RateLimitUnavailableError('backend_error', safeCode(error, 0));
}

/**
 * Extracts a short code without ever copying a message: socket errors carry `code`,
 * Redis replies (ioredis ReplyError, UpstashError) start with their error kind, and
 * fetch wraps the socket error in `cause`.
 */
function safeCode(error: unknown, depth: number): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 2) return undefined;
  const { code, name, message, cause } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && SAFE_CODE.test(code)) return code;
  if ((name === 'ReplyError' || name === 'UpstashError') && typeof message === 'string') {
    const kind = message.split(' ', 1)[0] ?? '';
    if (SAFE_CODE.test(kind)) return kind;
  }
  return safeCode(cause, depth + 1);
}
