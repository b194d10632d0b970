import { Redis } from '@upstash/redis';
import { RatelimitLimiter } from './ratelimit-limiter.ts';
import type { RateLimiter } from './types.ts';

/** @upstash/ratelimit over Upstash's REST API (UPSTASH_REDIS_REST_URL + _TOKEN). */
export function createUpstashRateLimiter(
  url: string,
  token: string,
  options: { timeoutMs: number; prefix: string },
): RateLimiter {
  const redis = createClient(url, token, options.timeoutMs);
  return new RatelimitLimiter(
    {
      client: redis,
      // HTTP: there is no connection to open or to close.
      ready: async () => {},
      ping: async () => {
        await redis.ping();
      },
      close: async () => {},
    },
    options,
  );
}

function createClient(url: string, token: string, timeoutMs: number): Redis {
  try {
    return new Redis({
      url,
      token,
      // Its default retries five times with backoff (about 4 s) after our deadline
      // has already failed the call; the caller decides whether to try again.
      retry: { retries: 0 },
      // A *function* matters: with a plain AbortSignal an aborted fetch resolves as
      // a 200 whose result is the string "Aborted", which Ratelimit would misread.
      signal: () => AbortSignal.timeout(timeoutMs),
      enableTelemetry: false,
    });
  } catch {
    // Its UrlError repeats the URL, which may hold credentials.
    throw new TypeError('Upstash Redis REST URL must be an http(s) URL');
  }
}
