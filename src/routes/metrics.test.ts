import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { chat, newConversationId, testGateway, type App } from '../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../test/support/route-security.ts';
import * as s from '../../test/support/stripe.ts';
import type { Database } from '../store/database.ts';
import { enqueueOutbox } from '../store/outbox.ts';

describeRouteSecurity('GET /metrics', { request: () => ({ path: '/metrics' }) });

const METRICS_TOKEN = 'metrics-scrape-token-0123456789';

/** The value of one series in Prometheus text, 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

for (const backend of testDatabases()) {
  describe(`GET /metrics (${backend.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: App;
    const scrape = async () => {
      const res = await app.request('/metrics');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      return res.text();
    };

    before(async () => {
      ({ db, drop } = await backend.open());
      ({ app } = await testGateway(db));
    });
    after(() => drop());

    test('every metric the README lists is exposed', async () => {
      const text = await scrape();
      for (const name of [
        'toolgate_policy_decisions_total',
        'toolgate_policy_gate_duration_seconds',
        'toolgate_chat_turn_duration_seconds',
        'toolgate_vendor_call_duration_seconds',
        'toolgate_webhook_events_total',
        'toolgate_outbox_deliveries_total',
        'toolgate_outbox_dead_lettered_total',
        'toolgate_alerts_sent_total',
        'toolgate_policy_shadow_decisions_total',
        'toolgate_outbox_depth',
        'toolgate_outbox_oldest_age_seconds',
        'toolgate_outbox_dead_letters',
      ]) {
        assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name);
      }
    });

    test('a turn counts its decisions by tool, decision and reason, times each gate and the turn to the end of its stream', async () => {
      const before = await scrape();
      const res = await chat(app, {
        id: newConversationId(),
        json: false,
        text: `I am Mia Metric, mia.${backend.name}@example.com, a demo please`,
        puppet: {
          calls: [
            { tool: 'capture_lead', args: { name: 'Mia Metric', email: `mia.${backend.name}@example.com` }, confidence: 0.9 },
            { tool: 'delete_everything', args: {} },
            { tool: 'escalate_ticket', args: { subject: 'x', summary: 'y' }, confidence: 0.9 },
          ],
          text: 'Done.',
        },
      });
      assert.equal(res.status, 200);
      await res.text();
      const afterText = await scrape();
      const delta = (name: string, labels: Record<string, string>) => sample(afterText, name, labels) - sample(before, name, labels);
      assert.equal(delta('toolgate_policy_decisions_total', { tool: 'capture_lead', decision: 'allowed', reason: 'none' }), 1);
      // A name the model made up is counted as `unknown`, never as a label of its own.
      assert.equal(delta('toolgate_policy_decisions_total', { tool: 'unknown', decision: 'denied', reason: 'unknown_tool' }), 1);
      assert.doesNotMatch(afterText, /delete_everything/);
      assert.ok(delta('toolgate_policy_gate_duration_seconds_count', { gate: 'schema' }) >= 3);
      assert.ok(delta('toolgate_policy_gate_duration_seconds_count', { gate: 'grounding' }) >= 1);
      assert.equal(delta('toolgate_chat_turn_duration_seconds_count', { mode: 'stream', outcome: 'ok' }), 1);
    });

    test('webhook deliveries are counted by type and outcome, signature failures included', async () => {
      const before = await scrape();
      const e = s.event('customer.created', s.customer({ id: s.uid('cus'), email: 'metrics@example.com' }), Math.floor(Date.now() / 1000));
      assert.equal((await s.deliver(app, e)).status, 200);
      assert.equal((await s.deliver(app, e)).status, 200);
      assert.equal((await s.deliver(app, e, { signature: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` })).status, 400);
      const afterText = await scrape();
      const delta = (labels: Record<string, string>) => sample(afterText, 'toolgate_webhook_events_total', labels) - sample(before, 'toolgate_webhook_events_total', labels);
      assert.equal(delta({ provider: 'stripe', type: 'customer.created', outcome: 'duplicate' }), 1);
      assert.equal(delta({ provider: 'stripe', type: 'customer.created', outcome: 'processed' }) + delta({ provider: 'stripe', type: 'customer.created', outcome: 'ignored' }), 1);
      assert.equal(delta({ provider: 'stripe', type: 'unknown', outcome: 'invalid_signature' }), 1);
    });

    test('outbox depth, oldest age and dead letters per topic are read from the database at scrape time', async () => {
      await db.query(`update outbox set status = 'done' where status in ('pending', 'processing', 'dead')`);
      for (const key of ['m1', 'm2']) await enqueueOutbox(db, { topic: 'test.metrics', payload: {} }, `metrics:${backend.name}:${key}`);
      await enqueueOutbox(db, { topic: 'test.dead', payload: {} }, `metrics:${backend.name}:dead`);
      await db.query(`update outbox set status = 'dead' where topic = 'test.dead'`);
      await db.query(`update outbox set created_at = now() - interval '90 seconds' where topic = 'test.metrics'`);
      let text = await scrape();
      assert.equal(sample(text, 'toolgate_outbox_depth', { topic: 'test.metrics' }), 2);
      assert.ok(sample(text, 'toolgate_outbox_oldest_age_seconds', { topic: 'test.metrics' }) >= 90);
      assert.equal(sample(text, 'toolgate_outbox_dead_letters', { topic: 'test.dead' }), 1);
      assert.equal(sample(text, 'toolgate_outbox_depth', { topic: 'test.dead' }), 0);
      // A topic that emptied reads nothing, not its last value.
      await db.query(`update outbox set status = 'done' where topic in ('test.metrics', 'test.dead')`);
      text = await scrape();
      assert.equal(sample(text, 'toolgate_outbox_depth', { topic: 'test.metrics' }), 0);
      assert.doesNotMatch(text, /topic="test\.metrics"/);
    });

    test('with METRICS_TOKEN set, a scrape without it or with another token is 401, and with it 200', async () => {
      const { app: guarded } = await testGateway(db, { METRICS_TOKEN });
      const refused = await guarded.request('/metrics');
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
      assert.equal((await refused.json()).code, 'unauthorized');
      for (const header of [`Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, 'Bearer ']) {
        assert.equal((await guarded.request('/metrics', { headers: { authorization: header } })).status, 401, header);
      }
      const ok = await guarded.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(ok.status, 200);
      assert.match(await ok.text(), /toolgate_policy_decisions_total/);
    });

    test('METRICS_TOKEN shorter than 16 characters stops the configuration', async () => {
      await assert.rejects(testGateway(db, { METRICS_TOKEN: 'short' }), /METRICS_TOKEN/);
    });
  });
}
