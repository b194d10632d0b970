import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkAlertRules, checkAlertRulesExclusive } from '../src/jobs/alert-check.ts';
import { ALERT_RULES, type AlertRule } from '../src/jobs/alert-rules.ts';
import type { Database } from '../src/store/database.ts';
import { testDatabases } from './support/databases.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import { startVendorStandIns } from './support/vendor-stand-ins.ts';

const BASE = 'https://gateway.test';
let seq = 0;
const tag = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A stored Stripe event in a given processing state (what the webhook route would have left). */
async function storeEvent(db: Database, o: { type: string; status: string; attempts?: number; receivedAgoMs?: number; customerId?: string }) {
  const id = `evt_alert_${tag()}`;
  await db.query(
    `insert into stripe_events (id, type, api_version, created, livemode, payload_sha256, payload, customer_id, status, attempts, last_error, received_at)
     values ($1, $2, '2026-10-28.endive', now(), false, repeat('0', 64), '{}'::jsonb, $3, $4, $5, $6, now() - make_interval(secs => $7::double precision / 1000))`,
    [id, o.type, o.customerId ?? null, o.status, o.attempts ?? 1, o.status === 'failed' ? 'boom' : null, o.receivedAgoMs ?? 0],
  );
  return id;
}

async function queueJob(db: Database, topic: string, o: { createdAgoMs: number; payload?: Record<string, unknown> }) {
  const [job] = await db.query<{ id: number }>(
    `insert into outbox (topic, payload, created_at, next_attempt_at)
     values ($1, $2::jsonb, now() - make_interval(secs => $3::double precision / 1000), now() + interval '1 hour') returning id`,
    [topic, JSON.stringify(o.payload ?? {}), o.createdAgoMs],
  );
  return job!.id;
}

async function failAttempts(db: Database, jobId: number, n: number) {
  for (let i = 1; i <= n; i++) {
    await db.query(
      `insert into outbox_attempts (job_id, attempt, worker, started_at, latency_ms, outcome, http_status, error_class, error)
       values ($1, $2, 'test', now(), 1, 'retry', 500, 'http_5xx', 'zendesk: 500')`,
      [jobId, i],
    );
  }
  await db.query(`update outbox set attempts = $2, last_error = 'zendesk: 500' where id = $1`, [jobId, n]);
}

interface Scenario {
  kind: string;
  /** Makes the condition hold; returns the episode key expected. */
  provoke(db: Database): Promise<string>;
  /** Makes it stop holding. */
  recover(db: Database, key: string): Promise<void>;
  /** Makes the same condition hold again after a recovery. */
  relapse(db: Database, key: string): Promise<void>;
  page: RegExp;
}

const MIN = 60_000;

const scenarios: Scenario[] = [
  {
    kind: 'webhook_processing_failing',
    provoke: (db) => storeEvent(db, { type: 'invoice.paid', status: 'failed', attempts: 3, customerId: 'cus_alert1' }),
    recover: async (db, id) => void (await db.query(`update stripe_events set status = 'processed' where id = $1`, [id])),
    relapse: async (db, id) => void (await db.query(`update stripe_events set status = 'failed', attempts = attempts + 3 where id = $1`, [id])),
    page: /\/admin\/billing\/cus_alert1$/,
  },
  {
    kind: 'webhook_failures',
    async provoke(db) {
      await db.query(`insert into webhook_rejections (minute, reason, count) values (date_trunc('minute', now()), 'invalid_signature', 4)`);
      return 'stripe';
    },
    // The failures age out of the ten-minute window.
    recover: async (db) => void (await db.query(`update webhook_rejections set minute = minute - interval '1 hour'`)),
    relapse: async (db) => void (await db.query(`insert into webhook_rejections (minute, reason, count) values (date_trunc('minute', now()), 'missing_signature', 2), (date_trunc('minute', now()), 'malformed_event', 2)`)),
    page: /\/admin\/billing$/,
  },
  {
    kind: 'duplicate_events',
    async provoke(db) {
      const id = await storeEvent(db, { type: 'customer.created', status: 'processed' });
      await db.query(`update stripe_events set duplicates = 1, last_duplicate_at = now() where id = $1`, [id]);
      return 'stripe';
    },
    recover: async (db) => void (await db.query(`update stripe_events set last_duplicate_at = now() - interval '1 hour' where last_duplicate_at is not null`)),
    relapse: async (db) => void (await db.query(`update stripe_events set last_duplicate_at = now() where id = (select id from stripe_events where duplicates > 0 limit 1)`)),
    page: /\/admin\/billing$/,
  },
  {
    kind: 'crm_sync_pending',
    provoke: async (db) => String(await queueJob(db, 'crm.upsert_contact', { createdAgoMs: 6 * MIN, payload: { contactId: 'none' } })),
    recover: async (db, id) => void (await db.query(`update outbox set status = 'done' where id = $1`, [Number(id)])),
    relapse: async (db, id) => void (await db.query(`update outbox set status = 'pending' where id = $1`, [Number(id)])),
    page: /\/admin\/exceptions#note-\d+$/,
  },
  {
    kind: 'ticket_create_failing',
    async provoke(db) {
      const id = await queueJob(db, 'helpdesk.create_ticket', { createdAgoMs: MIN, payload: { ticketId: 'ticket-x' } });
      await failAttempts(db, id, 3);
      return String(id);
    },
    recover: async (db, id) => void (await db.query(`update outbox set status = 'done' where id = $1`, [Number(id)])),
    relapse: async (db, id) => void (await db.query(`update outbox set status = 'dead' where id = $1`, [Number(id)])),
    page: /\/admin\/exceptions#note-\d+$/,
  },
  {
    kind: 'money_event_unprocessed',
    // A dispute that arrived before its charge waits (ignored, awaiting the charge) for eleven minutes.
    provoke: (db) => storeEvent(db, { type: 'charge.dispute.created', status: 'ignored', receivedAgoMs: 11 * MIN, customerId: 'cus_alert2' }),
    recover: async (db, id) => void (await db.query(`update stripe_events set status = 'processed' where id = $1`, [id])),
    relapse: async (db, id) => void (await db.query(`update stripe_events set status = 'received' where id = $1`, [id])),
    page: /\/admin\/billing\/cus_alert2$/,
  },
  {
    kind: 'support_backlog',
    async provoke(db) {
      const conversation = `conv_alert_${tag()}`;
      await db.query(`insert into conversations (id, owner) values ($1, 'anon')`, [conversation]);
      await db.query(
        `insert into tickets (conversation_id, category, subject, summary, priority, tags, contact_email, requester, transcript_url, verified, created_at)
         values ($1, 'support', 'Cannot log in', 'Locked out', 'normal', '[]'::jsonb, 'old@example.com', 'anon', 'https://gateway.test/t', false, now() - interval '25 hours')`,
        [conversation],
      );
      return 'tickets';
    },
    recover: async (db) => void (await db.query(`update tickets set status = 'closed' where contact_email = 'old@example.com'`)),
    relapse: async (db) => void (await db.query(`update tickets set status = 'open' where contact_email = 'old@example.com'`)),
    page: /\/admin\/requests$/,
  },
  {
    kind: 'visitor_waiting',
    async provoke(db) {
      const conversation = `conv_wait_${tag()}`;
      await db.query(`insert into conversations (id, owner, handled_by) values ($1, 'anon', 'human')`, [conversation]);
      await db.query(`insert into messages (conversation_id, role, content, created_at) values ($1, 'user', '"anyone there?"'::jsonb, now() - interval '5 minutes')`, [conversation]);
      return conversation;
    },
    // The person answers; then the visitor writes again and is left waiting.
    recover: async (db, id) => void (await db.query(`insert into messages (conversation_id, role, author, content) values ($1, 'assistant', 'human', '"here now"'::jsonb)`, [id])),
    relapse: async (db, id) => void (await db.query(`insert into messages (conversation_id, role, content, created_at) values ($1, 'user', '"still there?"'::jsonb, now() - interval '3 minutes')`, [id])),
    page: /\/admin\/conversations\/conv_wait_/,
  },
];

for (const backend of testDatabases()) {
  describe(`alert rules on ${backend.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await backend.open());
    });
    after(() => drop());

    const openEpisodes = (kind: string) =>
      db.query<{ id: number; key: string; link: string; message: string }>(`select id, key, link, message from alerts where kind = $1 and closed_at is null`, [kind]);
    const deliveriesOf = async (kind: string) =>
      Number((await db.query<{ n: number }>(`select count(*)::int as n from outbox o join alerts a on a.id = (o.payload ->> 'alertId')::bigint where o.topic = 'notify.alert' and a.kind = $1`, [kind]))[0]?.n);

    test('every rule (the seeds\' seven and the waiting visitor) is configured, each with a distinct kind', () => {
      assert.deepEqual(
        ALERT_RULES.map((r) => r.kind).sort(),
        scenarios.map((s) => s.kind).sort(),
      );
    });

    for (const scenario of scenarios) {
      test(`${scenario.kind}: alerts once per episode with a console link, and again after a recovery`, async () => {
        const rule = ALERT_RULES.find((r) => r.kind === scenario.kind) as AlertRule;
        const check = () => checkAlertRules(db, { channels: ['slack', 'email'], publicBaseUrl: BASE, rules: [rule] });

        assert.deepEqual((await check()).opened, [], 'quiet before the condition holds');
        const key = await scenario.provoke(db);
        assert.deepEqual((await check()).opened, [`${scenario.kind}:${key}`]);
        const [episode] = await openEpisodes(scenario.kind);
        assert.equal(episode?.key, key);
        assert.ok(episode?.link.startsWith(`${BASE}/admin/`), episode?.link);
        assert.match(episode!.link, scenario.page);
        assert.equal(await deliveriesOf(scenario.kind), 2, 'one delivery per channel');

        // The same episode: checked again (and again) nothing more is sent.
        assert.deepEqual((await check()).opened, []);
        assert.deepEqual((await check()).opened, []);
        assert.equal(await deliveriesOf(scenario.kind), 2);

        // Recovery closes the episode without alerting.
        await scenario.recover(db, key);
        const recovered = await check();
        assert.deepEqual(recovered.opened, []);
        assert.equal(recovered.closed, 1);
        assert.deepEqual(await openEpisodes(scenario.kind), []);

        // The condition again: a new episode, alerted once more.
        await scenario.relapse(db, key);
        assert.deepEqual((await check()).opened, [`${scenario.kind}:${key}`]);
        assert.deepEqual((await check()).opened, []);
        assert.equal(await deliveriesOf(scenario.kind), 4);
        await scenario.recover(db, key);
        await check();
      });
    }

    test('webhook_failures: three refused signatures are enough; three other failures are not', async () => {
      const rule = ALERT_RULES.find((r) => r.kind === 'webhook_failures') as AlertRule;
      const check = () => checkAlertRules(db, { channels: [], publicBaseUrl: BASE, rules: [rule] });
      await db.query(`delete from webhook_rejections`);
      await db.query(`insert into webhook_rejections (minute, reason, count) values (date_trunc('minute', now()), 'malformed_event', 3)`);
      assert.deepEqual((await check()).opened, []);
      await db.query(`delete from webhook_rejections`);
      await db.query(`insert into webhook_rejections (minute, reason, count) values (date_trunc('minute', now()), 'invalid_signature', 3)`);
      assert.deepEqual((await check()).opened, ['webhook_failures:stripe']);
      await db.query(`delete from webhook_rejections`);
      assert.equal((await check()).closed, 1);
    });

    test('a rule whose query fails does not silence the others', async () => {
      const broken: AlertRule = { kind: 'broken', description: 'fails', signals: () => db.query('select * from no_such_table').then(() => []) };
      const working: AlertRule = { kind: 'always', description: 'holds', signals: async () => [{ key: 'k', message: 'holds', page: '/admin/exceptions' }] };
      const report = await checkAlertRules(db, { channels: [], publicBaseUrl: BASE, rules: [broken, working] });
      assert.deepEqual(report.failed, ['broken']);
      assert.deepEqual(report.opened, ['always:k']);
    });

    test('two checks at once open each episode once', async () => {
      const key = await scenarios[4]!.provoke(db);
      const reports = await Promise.all([1, 2, 3].map(() => checkAlertRulesExclusive(db, { channels: ['slack'], publicBaseUrl: BASE })));
      const opened = reports.flatMap((r) => r?.opened ?? []).filter((k) => k === `ticket_create_failing:${key}`);
      assert.equal(opened.length, 1);
      await scenarios[4]!.recover(db, key);
    });

    test('the worker delivers a rule alert to Slack with the link to its console page', async () => {
      const vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
      try {
        await db.query(`update outbox set status = 'done' where status in ('pending', 'processing')`);
        const key = await scenarios[5]!.provoke(db);
        await checkAlertRules(db, { channels: ['slack'], publicBaseUrl: BASE });
        const { worker } = testWorker(db, vendorEnv(vendors, { PUBLIC_BASE_URL: BASE }));
        await drain(db, worker);
        const sent = vendors.slack.filter((t) => t.includes('money_event_unprocessed'));
        assert.equal(sent.length, 1);
        assert.match(sent[0]!, new RegExp(`${key}[\\s\\S]*\\nOpen: https://gateway\\.test/admin/billing/cus_alert2$`));
      } finally {
        await vendors.stop();
      }
    });
  });
}
