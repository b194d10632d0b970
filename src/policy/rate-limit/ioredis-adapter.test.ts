import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { IoredisRatelimitAdapter } from './ioredis-adapter.ts';
import { redisSkip, requireRedisUrl } from '../../../test/support/redis-test-env.ts';

describe('the ioredis adapter for Ratelimit', { skip: redisSkip }, () => {
  let redis: Redis;
  let adapter: IoredisRatelimitAdapter;
  before(() => {
    redis = new Redis(requireRedisUrl());
    adapter = new IoredisRatelimitAdapter(redis);
  });
  after(async () => {
    await redis.quit();
  });

  /** A script Redis has never cached, shaped like Ratelimit's (Upstash shebang first). */
  function freshScript(): string {
    return `#!lua flags=allow-key-locking\n-- ${randomUUID()}\nreturn {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}`;
  }

  test('runs scripts carrying the Upstash-only shebang flag that Redis rejects', async () => {
    const script = freshScript();
    await assert.rejects(redis.eval(script, 0), /allow-key-locking/);
    assert.deepEqual(await adapter.eval(script, ['a', 'b'], [1, 'two']), ['a', 'b', '1', 'two']);
  });

  test('reports NOSCRIPT for a script Redis does not hold, so Ratelimit falls back to EVAL', async () => {
    const script = freshScript();
    const hash = createHash('sha1').update(script).digest('hex');
    const error = await adapter.evalsha(hash, ['a', 'b'], [1, 2]).then(
      () => assert.fail('an uncached script cannot run by hash'),
      (error: unknown) => error,
    );
    // Ratelimit decides on the fallback by looking for this word in `${error}`.
    assert.match(`${error}`, /NOSCRIPT/);
  });

  test('runs a script by Ratelimit\'s hash once EVAL has loaded it', async () => {
    const script = freshScript();
    const hash = createHash('sha1').update(script).digest('hex');
    await adapter.eval(script, ['a', 'b'], [1, 2]);
    assert.deepEqual(await adapter.evalsha(hash, ['c', 'd'], [3, 4]), ['c', 'd', '3', '4']);
  });
});
