/**
 * Where the Redis-backed tests find Redis. Without REDIS_URL they are skipped, with the
 * reason shown, on a developer machine; in CI they run and fail, so a misconfigured
 * pipeline cannot pass by silently skipping them.
 */
const url = process.env.REDIS_URL || undefined;

export const redisSkip: string | false =
  url === undefined && !process.env.CI ? 'REDIS_URL is not set: start Redis and set REDIS_URL to run this' : false;

export function requireRedisUrl(): string {
  if (url === undefined) throw new Error('REDIS_URL must be set in CI: the Redis rate limit tests may not be skipped');
  return url;
}
