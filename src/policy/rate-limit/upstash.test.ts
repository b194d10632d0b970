import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleWithRoomLeft } from '../../../test/support/limiter-contract.ts';
import { createRateLimiter } from './limiter.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';
import { closedPort, startSilentServer } from '../../../test/support/silent-server.ts';

// Upstash itself cannot be reached from here: these tests cover construction and every
// way of not getting an answer, which must all end in a fast, clean refusal.

const token = 'upstash-token-s3cret';

async function refusal(url: string, timeoutMs?: number): Promise<{ error: unknown; elapsed: number }> {
  const limiter = createRateLimiter({ kind: 'upstash', url, token }, timeoutMs === undefined ? {} : { timeoutMs });
  try {
    const started = Date.now();
    const error = await limiter.limit('k', ruleWithRoomLeft(1)).then(
      () => assert.fail('an unreachable Upstash must not allow the hit'),
      (error: unknown) => error,
    );
    return { error, elapsed: Date.now() - started };
  } finally {
    await limiter.close();
  }
}

function assertCleanRefusal(error: unknown, url: string): asserts error is RateLimitUnavailableError {
  assert.ok(error instanceof RateLimitUnavailableError);
  assert.equal(error.retryable, true);
  assert.ok(!error.message.includes(token), 'the message must not contain the token');
  assert.ok(!error.message.includes(url), 'the message must not contain the URL');
}

test('builds a limiter for an Upstash REST URL without contacting it', async () => {
  const limiter = createRateLimiter({ kind: 'upstash', url: 'https://eu1-example-12345.upstash.io', token });
  assert.equal(typeof limiter.limit, 'function');
  await limiter.close();
});

test('fails closed within a second when the Upstash URL is unreachable, without revealing URL or token', async () => {
  const url = 'http://127.0.0.1:1';
  const { error, elapsed } = await refusal(url);
  assertCleanRefusal(error, url);
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
});

test('fails closed without retrying when the Upstash host refuses the connection', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  // A deadline far away, so only the absence of retries can make this fast:
  // @upstash/redis would otherwise retry five times with backoff, about 4 s.
  const { error, elapsed } = await refusal(url, 10_000);
  assertCleanRefusal(error, url);
  assert.equal(error.code, 'ECONNREFUSED');
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
});

test('fails closed at the deadline when the Upstash host never answers', async () => {
  const server = await startSilentServer();
  try {
    const url = `http://127.0.0.1:${server.port}`;
    const { error, elapsed } = await refusal(url, 200);
    assertCleanRefusal(error, url);
    assert.equal(error.reason, 'timeout');
    assert.ok(elapsed >= 190 && elapsed < 1000, `took ${elapsed} ms`);
  } finally {
    await server.stop();
  }
});

test('reports not ready when Upstash cannot be reached', async () => {
  const limiter = createRateLimiter({ kind: 'upstash', url: 'http://127.0.0.1:1', token });
  try {
    assert.equal(await limiter.ping(), false);
  } finally {
    await limiter.close();
  }
});

test('rejects a malformed Upstash URL without repeating it', () => {
  const url = 'upstash.example/with-s3cret';
  assert.throws(
    () => createRateLimiter({ kind: 'upstash', url, token }),
    (error) => error instanceof TypeError && !error.message.includes('s3cret'),
  );
});
