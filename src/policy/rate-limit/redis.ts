import type { RatelimitConfig } from '@upstash/ratelimit';
import { Redis } from 'ioredis';
import { toUnavailable } from './deadline.ts';
import { IoredisRatelimitAdapter } from './ioredis-adapter.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';
import { RatelimitLimiter } from './ratelimit-limiter.ts';
import type { RateLimiter } from './types.ts';

/**
 * Longer than one call's deadline on purpose: a cold (TLS) connect that outlives the
 * first call keeps going in the background, so the next call finds it ready.
 */
const CONNECT_TIMEOUT_MS = 2000;

/** How long close() waits for the socket to finish closing before giving up on it. */
const CLOSE_WAIT_MS = 1000;

/** @upstash/ratelimit over a plain Redis (REDIS_URL), through ioredis. */
export function createRedisRateLimiter(url: string, options: { timeoutMs: number; prefix: string }): RateLimiter {
  const client = new Redis(url, {
    // Connect on first use, not at import or boot: an app without traffic opens no socket.
    lazyConnect: true,
    // Without a connection, fail now rather than queue commands nobody waits for any more.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
  });
  // Every failure reaches the caller of limit()/ping() as RateLimitUnavailableError;
  // this keeps only its code, since a failed connect() itself just says "closed".
  // Without a listener ioredis would print each reconnect error, host and port included.
  let lastErrorCode: string | undefined;
  client.on('error', (error: unknown) => {
    lastErrorCode = toUnavailable(error).code;
  });

  let connecting: Promise<void> | undefined;

  async function ready(): Promise<void> {
    if (client.status === 'ready') return;
    if (connecting === undefined && (client.status === 'wait' || client.status === 'end')) {
      connecting = client
        .connect()
        .catch(() => {
          throw new RateLimitUnavailableError('backend_error', lastErrorCode ?? 'NOT_CONNECTED');
        })
        .finally(() => {
          connecting = undefined;
        });
    }
    // Calls that arrive during the first connect wait for it; while ioredis is
    // reconnecting after a drop, they fail at once instead of piling up.
    if (connecting !== undefined) return connecting;
    throw new RateLimitUnavailableError('backend_error', 'NOT_CONNECTED');
  }

  async function close(): Promise<void> {
    if (client.status === 'end') return;
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_WAIT_MS);
      timer.unref();
      client.once('end', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (client.status === 'ready') {
      // QUIT lets replies already in flight arrive before the socket closes.
      await client.quit().catch(() => client.disconnect());
    } else {
      client.disconnect();
    }
    await ended;
  }

  return new RatelimitLimiter(
    {
      // Ratelimit's declared client type also lists get/set, used only by its
      // dynamic-limit methods, which this gateway does not call.
      client: new IoredisRatelimitAdapter(client) as unknown as RatelimitConfig['redis'],
      ready,
      ping: async () => {
        await client.ping();
      },
      close,
    },
    options,
  );
}
