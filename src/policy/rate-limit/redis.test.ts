import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { runLimiterContract, ruleWithRoomLeft } from '../../../test/support/limiter-contract.ts';
import { createRateLimiter } from './limiter.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';
import { redisSkip, requireRedisUrl } from '../../../test/support/redis-test-env.ts';
import { startSilentServer } from '../../../test/support/silent-server.ts';

const run = promisify(execFile);

// One prefix per run, so concurrent runs against the same Redis never share counters.
const prefix = `toolgate-test-${randomUUID()}`;

after(async () => {
  if (redisSkip !== false || process.env.REDIS_URL === undefined) return;
  const redis = new Redis(requireRedisUrl());
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

// A deadline far above any real round trip: the contract is about counting, and a busy CI machine must not turn it into a timeout.
const HEALTHY_TIMEOUT_MS = 10_000;

runLimiterContract('Redis', () => createRateLimiter({ kind: 'redis', url: requireRedisUrl() }, { prefix, timeoutMs: HEALTHY_TIMEOUT_MS }), {
  skip: redisSkip,
});

test('stores only a hash of the key in Redis, never the raw email', { skip: redisSkip }, async () => {
  const ownPrefix = `${prefix}-hashing`;
  const limiter = createRateLimiter({ kind: 'redis', url: requireRedisUrl() }, { prefix: ownPrefix, timeoutMs: HEALTHY_TIMEOUT_MS });
  const redis = new Redis(requireRedisUrl());
  try {
    await limiter.limit('captureLeadPerEmail:alice@example.com', ruleWithRoomLeft(1));
    const keys = await redis.keys(`${ownPrefix}:*`);
    assert.equal(keys.length, 1);
    assert.match(keys[0] ?? '', new RegExp(`^${ownPrefix}:[0-9a-f]{32}:\\d+$`));
    assert.doesNotMatch(keys.join(' '), /alice|example\.com/);
  } finally {
    await limiter.close();
    await redis.quit();
  }
});

test('closes its connection on close, so the process can exit', { skip: redisSkip }, async () => {
  // A child process exits by itself only if nothing (socket, reconnect timer) is left
  // holding its event loop open; if close() leaked, the timeout below would kill it.
  const script = [
    `import { createRateLimiter } from ${JSON.stringify(new URL('./limiter.ts', import.meta.url).href)};`,
    `const limiter = createRateLimiter({ kind: 'redis', url: process.env.REDIS_URL }, { prefix: process.env.PREFIX });`,
    `const result = await limiter.limit('k', { limit: 1, windowSeconds: 60 });`,
    `await limiter.close();`,
    `console.log(JSON.stringify(result.success));`,
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    env: { ...process.env, REDIS_URL: requireRedisUrl(), PREFIX: prefix },
    timeout: 10_000,
  });
  assert.equal(stdout.trim(), 'true');
});

test('fails closed within a second when Redis is unreachable, without revealing the URL or password', async () => {
  const limiter = createRateLimiter({ kind: 'redis', url: 'redis://toolgate:s3cret-pass@127.0.0.1:1' });
  try {
    const started = Date.now();
    const error = await limiter.limit('k', ruleWithRoomLeft(1)).then(
      () => assert.fail('an unreachable Redis must not allow the hit'),
      (error: unknown) => error,
    );
    assert.ok(Date.now() - started < 1000);
    assert.ok(error instanceof RateLimitUnavailableError);
    assert.equal(error.retryable, true);
    assert.doesNotMatch(error.message, /s3cret|toolgate:|127\.0\.0\.1|redis:\/\//);
  } finally {
    await limiter.close();
  }
});

test('reports not ready when Redis is unreachable', async () => {
  const limiter = createRateLimiter({ kind: 'redis', url: 'redis://127.0.0.1:1' });
  try {
    assert.equal(await limiter.ping(), false);
  } finally {
    await limiter.close();
  }
});

test('fails closed at the deadline when Redis accepts connections but never answers', async () => {
  const server = await startSilentServer();
  const limiter = createRateLimiter({ kind: 'redis', url: `redis://127.0.0.1:${server.port}` }, { timeoutMs: 200 });
  try {
    const started = Date.now();
    await assert.rejects(
      limiter.limit('k', ruleWithRoomLeft(1)),
      (error) => error instanceof RateLimitUnavailableError && error.reason === 'timeout',
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 190 && elapsed < 1000, `took ${elapsed} ms`);
    assert.equal(await limiter.ping(), false);
  } finally {
    await limiter.close();
    await server.stop();
  }
});
