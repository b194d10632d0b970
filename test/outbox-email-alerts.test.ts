import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../src/store/database.ts';
import { raiseAlert } from '../src/store/alerts.ts';
import { openPglite } from '../src/store/pglite.ts';
import { migrate } from '../src/store/migrate.ts';
import { drain, testWorker } from './support/outbox-fixtures.ts';
import { startSmtpStandIn } from './support/smtp-stand-in.ts';

// Email alerts go through nodemailer to a local SMTP server; the delivery logic is the same on
// both databases (covered by outbox-delivery.test.ts), so PGlite alone here.
describe('founder alerts by email', () => {
  let db: Database;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  before(async () => {
    db = await openPglite();
    await migrate(db);
    smtp = await startSmtpStandIn();
  });
  after(async () => {
    await smtp.stop();
    await db.close();
  });
  const env = () => ({ SMTP_URL: smtp.url, ALERT_EMAIL_TO: 'founder@example.com', ALERT_EMAIL_FROM: 'alerts@example.com' });

  test('an alert is mailed once to ALERT_EMAIL_TO, with a Message-ID derived from the alert', async () => {
    const { worker } = testWorker(db, env());
    const id = await raiseAlert(db, { kind: 'job_dead', key: 'mail-1', message: 'Job 7 (crm.upsert_contact) was dead-lettered.', correlationId: 'req-mail-1' }, ['email']);
    await drain(db, worker);
    assert.equal(smtp.messages.length, 1);
    assert.match(smtp.messages[0]!, /To: founder@example\.com/);
    assert.match(smtp.messages[0]!, new RegExp(`Message-ID: <alert-${id}@toolgate>`, 'i'));
    assert.match(smtp.messages[0]!, /Job 7 \(crm\.upsert_contact\) was dead-lettered/);
    assert.match(smtp.messages[0]!, /X-Request-Id: req-mail-1/i, 'the correlation id of the work that raised it');
    assert.match(smtp.messages[0]!, /Traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]/i);
  });

  test('a permanent SMTP refusal dead-letters the alert job instead of retrying it', async () => {
    smtp.state.refuse = true;
    const { worker } = testWorker(db, env());
    await raiseAlert(db, { kind: 'job_dead', key: 'mail-2', message: 'refused', correlationId: null }, ['email']);
    await drain(db, worker);
    smtp.state.refuse = false;
    const [job] = await db.query<{ status: string; attempts: number; last_error: string }>(
      `select o.status, o.attempts, o.last_error from outbox o join alerts a on a.id::text = o.payload->>'alertId' where a.key = 'mail-2'`,
    );
    assert.equal(job?.status, 'dead');
    assert.equal(job?.attempts, 1);
    assert.match(job?.last_error ?? '', /smtp: permanent failure 550/);
  });
});
