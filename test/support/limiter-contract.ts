import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimitUnavailableError, type RateLimiter } from '../../src/policy/rate-limit/index.ts';
import type { RateRule } from '../../src/tools/tool-spec.ts';

/**
 * A long rule whose current window has at least a minute left. Windows are aligned to
 * the epoch, and a burst that straddles a boundary may rightly get one extra hit (the
 * previous window's weight rounds down), so exact counts need a burst that cannot.
 */
export function ruleWithRoomLeft(limit: number): RateRule {
  const now = Date.now();
  for (let windowSeconds = 3600; ; windowSeconds += 1) {
    const size = windowSeconds * 1000;
    if (size - (now % size) > 60_000) return { limit, windowSeconds };
  }
}

async function using(makeLimiter: () => RateLimiter, body: (limiter: RateLimiter) => Promise<void>): Promise<void> {
  const limiter = makeLimiter();
  try {
    await body(limiter);
  } finally {
    await limiter.close();
  }
}

/** The behaviour every backend owes the gateway; each backend's test file runs it. */
export function runLimiterContract(backend: string, makeLimiter: () => RateLimiter, options: { skip?: string | false } = {}): void {
  describe(`the ${backend} rate limiter`, { skip: options.skip ?? false }, () => {
    test('allows hits up to the limit and then denies them', () =>
      using(makeLimiter, async (limiter) => {
        const rule = ruleWithRoomLeft(3);
        const key = `conversation:${randomUUID()}`;
        const results = [];
        for (let hit = 0; hit < 5; hit += 1) results.push(await limiter.limit(key, rule));
        assert.deepEqual(
          results.map((r) => [r.success, r.remaining]),
          [[true, 2], [true, 1], [true, 0], [false, 0], [false, 0]],
        );
        for (const result of results) assert.ok(result.resetAt > Date.now());
      }));

    test('counts each key on its own', () =>
      using(makeLimiter, async (limiter) => {
        const rule = ruleWithRoomLeft(1);
        const first = `email:${randomUUID()}@example.com`;
        const second = `email:${randomUUID()}@example.com`;
        assert.equal((await limiter.limit(first, rule)).success, true);
        assert.equal((await limiter.limit(first, rule)).success, false);
        assert.equal((await limiter.limit(second, rule)).success, true);
      }));

    test('allows hits again once the window has passed', () =>
      using(makeLimiter, async (limiter) => {
        const rule = { limit: 2, windowSeconds: 1 };
        // Start just after a boundary so the whole burst lands in one window.
        await sleep(1000 - (Date.now() % 1000) + 20);
        const key = `ip:${randomUUID()}`;
        assert.equal((await limiter.limit(key, rule)).success, true);
        assert.equal((await limiter.limit(key, rule)).success, true);
        const denied = await limiter.limit(key, rule);
        assert.equal(denied.success, false);
        // The burst still weighs on the next window; from the one after, it no longer counts.
        await sleep(denied.resetAt + 1000 + 20 - Date.now());
        assert.equal((await limiter.limit(key, rule)).success, true);
      }));

    test('allows exactly the limit out of 100 concurrent hits', () =>
      using(makeLimiter, async (limiter) => {
        const rule = ruleWithRoomLeft(10);
        const key = `user:${randomUUID()}`;
        const results = await Promise.all(Array.from({ length: 100 }, () => limiter.limit(key, rule)));
        const allowed = results.filter((r) => r.success);
        assert.equal(allowed.length, 10);
        // Each allowed hit saw a distinct count: no two read the same state.
        assert.deepEqual(
          allowed.map((r) => r.remaining).sort((a, b) => a - b),
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        );
      }));

    test('rejects a rule that no window could enforce', () =>
      using(makeLimiter, async (limiter) => {
        await assert.rejects(limiter.limit('k', { limit: 0, windowSeconds: 60 }), RangeError);
        await assert.rejects(limiter.limit('k', { limit: 1.5, windowSeconds: 60 }), RangeError);
        await assert.rejects(limiter.limit('k', { limit: 1, windowSeconds: 0 }), RangeError);
      }));

    test('reports ready while the backend answers', () =>
      using(makeLimiter, async (limiter) => {
        assert.equal(await limiter.ping(), true);
      }));

    test('refuses hits and reports not ready once closed', async () => {
      const limiter = makeLimiter();
      await limiter.limit(`k:${randomUUID()}`, ruleWithRoomLeft(1));
      await limiter.close();
      await assert.rejects(
        limiter.limit(`k:${randomUUID()}`, ruleWithRoomLeft(1)),
        (error) => error instanceof RateLimitUnavailableError && error.reason === 'closed',
      );
      assert.equal(await limiter.ping(), false);
      await limiter.close();
    });
  });
}
