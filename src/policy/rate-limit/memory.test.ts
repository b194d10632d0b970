import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLimiterContract } from '../../../test/support/limiter-contract.ts';
import { createRateLimiter } from './limiter.ts';
import { MemoryRateLimiter } from './memory.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';

runLimiterContract('in-memory', () => createRateLimiter({ kind: 'memory' }));

/** A clock the test moves by hand. */
function manualClock(start: number): { now: () => number; set: (t: number) => void } {
  let time = start;
  return { now: () => time, set: (t) => (time = t) };
}

test('weights the previous window the way Ratelimit\'s sliding window script does', async () => {
  const clock = manualClock(500);
  const limiter = new MemoryRateLimiter({ now: clock.now });
  const rule = { limit: 10, windowSeconds: 1 };
  for (let hit = 0; hit < 10; hit += 1) assert.equal((await limiter.limit('k', rule)).success, true);
  // A quarter into the next window, three quarters of the 10 earlier hits still count.
  clock.set(1250);
  const allowed = [];
  for (let hit = 0; hit < 5; hit += 1) allowed.push((await limiter.limit('k', rule)).success);
  assert.deepEqual(allowed, [true, true, true, false, false]);
});

test('forgets keys whose windows have passed, so memory stays bounded', async () => {
  const clock = manualClock(0);
  const limiter = new MemoryRateLimiter({ now: clock.now, sweepIntervalMs: 1000 });
  const rule = { limit: 5, windowSeconds: 1 };
  for (let n = 0; n < 1000; n += 1) await limiter.limit(`ip:${n}`, rule);
  assert.equal(limiter.size, 1000);
  // Two windows on, none of those hits counts any more.
  clock.set(2000);
  await limiter.limit('ip:new', rule);
  assert.equal(limiter.size, 1);
});

test('fails closed instead of forgetting live keys when it is full', async () => {
  const limiter = new MemoryRateLimiter({ maxKeys: 2 });
  const rule = { limit: 1, windowSeconds: 60 };
  await limiter.limit('a', rule);
  await limiter.limit('b', rule);
  await assert.rejects(
    limiter.limit('c', rule),
    (error) => error instanceof RateLimitUnavailableError && error.code === 'CAPACITY',
  );
  // Keys it already holds are still counted, and still denied.
  assert.equal((await limiter.limit('a', rule)).success, false);
});
