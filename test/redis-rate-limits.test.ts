import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import { redisSkip, requireRedisUrl } from './support/redis-test-env.ts';
import { testDatabases } from './support/databases.ts';
import { chatJson, newConversationId, testGateway } from './support/gateway.ts';

/** The gateway's limits enforced through real Redis, as in server mode. */
describe('tool rate limits over Redis', { skip: redisSkip }, async () => {
  const [backend] = testDatabases();
  const { db, drop } = await backend!.open();
  // A unique prefix per run: Redis keeps windows between runs.
  const limiter = createRateLimiter({ kind: 'redis', url: requireRedisUrl() }, { prefix: `toolgate-test-${randomBytes(4).toString('hex')}`, timeoutMs: 10_000 });
  const { app } = await testGateway(db, {}, limiter);
  after(async () => {
    await limiter.close();
    await drop();
  });

  test('lead spam stops at three per conversation', async () => {
    const people = ['Ann One', 'Ben Two', 'Cat Three', 'Dan Four'].map((name, i) => ({ name, email: `redis${i}@example.com` }));
    const res = await chatJson(app, {
      id: newConversationId(),
      text: people.map((p) => `${p.name} ${p.email}`).join(', '),
      puppet: { calls: people.map((args) => ({ tool: 'capture_lead', args, confidence: 1 })) },
    });
    assert.deepEqual(res.toolCalls.map((c) => c.reason ?? c.output.status), ['done', 'done', 'done', 'rate_limited']);
  });

  test('the same email is accepted once an hour across conversations', async () => {
    const call = { tool: 'capture_lead', args: { name: 'Once Only', email: 'once@example.com' }, confidence: 1 };
    const text = "I'm Once Only, once@example.com";
    const first = await chatJson(app, { id: newConversationId(), text, puppet: { calls: [call] } });
    const second = await chatJson(app, { id: newConversationId(), text, puppet: { calls: [call] } });
    assert.equal(first.toolCalls[0]?.output.status, 'done');
    assert.equal(second.toolCalls[0]?.reason, 'rate_limited');
  });
});
