import { MemoryRateLimiter } from './memory.ts';
import { createRedisRateLimiter } from './redis.ts';
import { DEFAULT_PREFIX, DEFAULT_TIMEOUT_MS, type RateLimitBackendConfig, type RateLimiter, type RateLimiterOptions } from './types.ts';
import { createUpstashRateLimiter } from './upstash.ts';

/**
 * The rate limiter for the configured backend. `timeoutMs` and `prefix` apply to the
 * Redis backends; the in-process one has no I/O to wait for and no shared keyspace.
 */
export function createRateLimiter(config: RateLimitBackendConfig, options: RateLimiterOptions = {}): RateLimiter {
  const resolved = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, prefix: options.prefix ?? DEFAULT_PREFIX };
  switch (config.kind) {
    case 'memory':
      return new MemoryRateLimiter();
    case 'redis':
      return createRedisRateLimiter(config.url, resolved);
    case 'upstash':
      return createUpstashRateLimiter(config.url, config.token, resolved);
  }
}
