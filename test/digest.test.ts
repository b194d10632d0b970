import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { appendAudit } from '../src/store/audit.ts';
import { digestText, MINUTES_SAVED, weeklyDigest } from '../src/store/digest.ts';
import { isDigestDue } from '../src/web/console/digest-schedule.ts';
import { CONSOLE_ORIGIN, postForm, signIn } from './support/console-security.ts';
import { testDatabases } from './support/databases.ts';
import { testGateway } from './support/gateway.ts';

const refusal = (reason: string) => ({
  requestId: 'r', conversationId: null, actor: 'visitor:v', kind: 'tool_call' as const, tool: 'capture_lead', args: {}, argsDigest: null,
  decision: 'denied', reason, confidence: 0.9, idempotencyKey: null, latencyMs: 1, outcome: 'denied',
});

test('the digest is due on Mondays from 08:00 UTC', () => {
  assert.equal(isDigestDue(new Date('2026-11-30T07:59:00Z')), false);
  assert.equal(isDigestDue(new Date('2026-11-30T08:00:00Z')), true);
  assert.equal(isDigestDue(new Date('2026-12-01T09:00:00Z')), false);
});

for (const backend of testDatabases()) {
  describe(`weekly digest on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    await db.query(`insert into contacts (email, name) values ('a@digest.example', 'A'), ('b@digest.example', 'B')`);
    await db.query(`insert into contacts (email, name, created_at) values ('old@digest.example', 'Old', now() - interval '8 days')`);
    await db.query(`insert into conversations (id, owner) values ('conv_digest_1', 'visitor:v')`);
    await db.query(
      `insert into tickets (conversation_id, category, subject, summary, priority, contact_email, requester, transcript_url)
       values ('conv_digest_1', 'support', 'Help', 'Summary', 'normal', 'a@digest.example', 'visitor:v', 'https://x.test/t')`,
    );
    await db.query(`insert into outbox (topic, payload) values ('crm.billing_status', '{"status": "recovered"}'::jsonb), ('crm.billing_status', '{"status": "payment_failed"}'::jsonb)`);
    for (const reason of ['not_grounded', 'not_grounded', 'rate_limited']) await appendAudit(db, refusal(reason));

    test('counts what the assistant did this week, refusals by reason, and the time it saved', async () => {
      const d = await weeklyDigest(db);
      assert.deepEqual([d.leads, d.tickets, d.billingAnswers, d.paymentsRecovered], [2, 1, 0, 1]);
      assert.deepEqual(d.refusals, [{ reason: 'not_grounded', count: 2 }, { reason: 'rate_limited', count: 1 }]);
      assert.equal(d.minutesSaved, 2 * MINUTES_SAVED.lead + MINUTES_SAVED.ticket + MINUTES_SAVED.paymentRecovered);
    });

    test('the text for the alert channel carries figures and the console link, no addresses', async () => {
      const text = digestText(await weeklyDigest(db), 'https://gateway.test/admin/digest');
      assert.match(text, /2 leads captured, 1 tickets opened/);
      assert.match(text, /not_grounded 2, rate_limited 1/);
      assert.match(text, /https:\/\/gateway\.test\/admin\/digest/);
      assert.doesNotMatch(text, /@digest\.example/);
    });

    test('sending from the console queues one alert per channel, once a day; without a channel it says so', async () => {
      const { app } = await testGateway(db, { ALERT_WEBHOOK_URL: 'https://hooks.example/alert' });
      const founder = await signIn(app);
      const send = () => postForm(app, '/admin/digest/send', { _csrf: founder.csrf }, { cookie: founder.cookie, origin: CONSOLE_ORIGIN });
      assert.equal((await send()).headers.get('location'), '/admin/digest?notice=digest_sent');
      assert.equal((await send()).headers.get('location'), '/admin/digest?notice=digest_already');
      const jobs = await db.query<{ channel: string }>(
        `select o.payload->>'channel' as channel from outbox o join alerts a on a.id = (o.payload->>'alertId')::bigint where a.kind = 'weekly_digest'`,
      );
      assert.deepEqual(jobs, [{ channel: 'slack' }]);

      const { app: silent } = await testGateway(db);
      const other = await signIn(silent);
      const res = await postForm(silent, '/admin/digest/send', { _csrf: other.csrf }, { cookie: other.cookie, origin: CONSOLE_ORIGIN });
      assert.equal(res.headers.get('location'), '/admin/digest?notice=digest_no_channel');
    });
  });
}
