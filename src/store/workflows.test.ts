import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { appendAudit } from './audit.ts';
import type { Queryable } from './database.ts';
import { workflowStats, type WorkflowName } from './workflows.ts';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

async function contact(db: Queryable, email: string, state: string, minutesAgo: number) {
  await db.query(`insert into contacts (email, name, crm_sync_state, created_at) values ($1, 'Lead', $2, $3)`, [email, state, ago(minutesAgo)]);
}

async function ticket(db: Queryable, conversationId: string, category: string, state: string, minutesAgo: number) {
  await db.query(`insert into conversations (id, owner) values ($1, 'visitor:v') on conflict do nothing`, [conversationId]);
  await db.query(
    `insert into tickets (conversation_id, category, subject, summary, priority, contact_email, requester, transcript_url, helpdesk_sync_state, created_at)
     values ($1, $2, 'Help', 'Summary', 'normal', 'a@example.com', 'visitor:v', 'https://x.test/t', $3, $4)`,
    [conversationId, category, state, ago(minutesAgo)],
  );
}

async function failedCall(db: Queryable, tool: string) {
  // The audit row's time is its insertion time: these fall inside the hour before the real now.
  await appendAudit(db, {
    requestId: 'r', conversationId: null, actor: 'visitor:v', kind: 'tool_call', tool, args: {}, argsDigest: null,
    decision: 'allowed', reason: 'tool_failed', confidence: 0.9, idempotencyKey: null, latencyMs: 1, outcome: 'error',
  });
}

async function payment(db: Queryable, id: string, customer: string, status: string, minutesAgo: number) {
  await db.query(
    `insert into stripe_events (id, type, created, livemode, payload_sha256, payload, customer_id, status, received_at)
     values ($1, 'invoice.paid', $2, false, 'x', '{}'::jsonb, $3, $4, $2)`,
    [id, ago(minutesAgo), customer, status],
  );
}

async function account(db: Queryable, customer: string, entitled: boolean) {
  await db.query(
    `insert into billing_accounts (stripe_customer_id, email, payment_state, entitlement_active) values ($1, $2, 'paid', $3)`,
    [customer, `${customer}@example.com`, entitled],
  );
}

const of = (stats: Awaited<ReturnType<typeof workflowStats>>, name: WorkflowName) => stats.find((s) => s.workflow === name)!;

for (const backend of testDatabases()) {
  describe(`workflow success rates on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);

    await contact(db, 'synced1@example.com', 'synced', 10);
    await contact(db, 'synced2@example.com', 'synced', 30);
    await contact(db, 'failed@example.com', 'failed', 20);
    await contact(db, 'pending@example.com', 'pending', 5);
    await contact(db, 'noncrm@example.com', 'not_configured', 40);
    await contact(db, 'old@example.com', 'synced', 3 * 24 * 60);
    await contact(db, 'ancient@example.com', 'failed', 9 * 24 * 60);
    await contact(db, 'future@example.com', 'failed', -60);

    await ticket(db, 'conv_wf_1', 'support', 'synced', 15);
    await ticket(db, 'conv_wf_2', 'support', 'failed', 120);
    await ticket(db, 'conv_wf_3', 'support', 'pending', 5 * 24 * 60);

    await account(db, 'cus_ok', true);
    await account(db, 'cus_unentitled', false);
    await payment(db, 'evt_ok', 'cus_ok', 'processed', 10);
    await payment(db, 'evt_unentitled', 'cus_unentitled', 'processed', 10);
    await payment(db, 'evt_failed', 'cus_ok', 'failed', 50);
    await payment(db, 'evt_crm_dead', 'cus_ok', 'processed', 200);
    await db.query(`insert into outbox (topic, payload, status) values ('crm.lifecycle', '{"eventId": "evt_crm_dead"}'::jsonb, 'dead')`);
    await db.query(`insert into outbox (topic, payload, status) values ('crm.lifecycle', '{"eventId": "evt_ok"}'::jsonb, 'done')`);

    test('leads: each window counts what was captured in it, and the CRM step is named where it failed or waits', async () => {
      const lead = of(await workflowStats(db, NOW), 'lead_to_crm');
      assert.deepEqual(lead.steps, ['capture', 'crm_sync']);
      const hour = lead.windows.hour;
      assert.deepEqual([hour.started, hour.completed, hour.failed, hour.pending, hour.skipped], [5, 2, 1, 1, 1]);
      assert.equal(hour.successRate, 2 / 4, 'skipped (no CRM configured) is not counted');
      assert.deepEqual(hour.failingSteps, [{ step: 'crm_sync', failed: 1, pending: 1 }]);
      assert.equal(lead.windows.day.started, 5);
      assert.equal(lead.windows.week.started, 6, 'three days ago is in the week, nine days ago and the future are not');
      assert.equal(lead.windows.week.completed, 3);
    });

    test('the chart series add up to the window, oldest first, one bar per interval', async () => {
      const lead = of(await workflowStats(db, NOW), 'lead_to_crm');
      for (const [name, bars] of [['hour', 12], ['day', 24], ['week', 7]] as const) {
        const w = lead.windows[name];
        assert.equal(w.series.length, bars, name);
        assert.equal(w.series.reduce((n, b) => n + b.started, 0), w.started, name);
        assert.equal(w.series.reduce((n, b) => n + b.completed, 0), w.completed, name);
        assert.ok(w.series.every((b, i) => i === 0 || b.start > w.series[i - 1]!.start), `${name} is oldest first`);
      }
      // Five minutes ago is in the newest five-minute bar, forty minutes ago eight bars back.
      const hour = lead.windows.hour.series;
      assert.equal(hour.at(-1)!.started, 0, 'nothing in the last 5 minutes (exactly 5 minutes old belongs to the bar before)');
      assert.equal(hour.at(-2)!.started, 1, 'the pending lead, 5 minutes old');
      assert.equal(hour.at(-3)!.started, 1, 'the lead synced 10 minutes ago');
      assert.equal(hour[3]!.started, 1, 'the lead captured 40 minutes ago');
    });

    test('payments: a failed event, a customer without access and an undelivered CRM update each name their step', async () => {
      const pay = of(await workflowStats(db, NOW), 'payment_to_entitlement_to_crm');
      const day = pay.windows.day;
      assert.deepEqual([day.started, day.completed, day.failed, day.pending], [4, 1, 3, 0]);
      assert.equal(day.successRate, 1 / 4);
      assert.deepEqual(
        day.failingSteps.map((s) => s.step).sort(),
        ['crm_sync', 'entitlement', 'payment_processing'],
      );
      assert.equal(pay.windows.hour.started, 3, 'the CRM failure was 200 minutes ago');
    });

    test('escalations: tickets by helpdesk state, and a ticket creation that failed counts against the rate', async () => {
      const esc = of(await workflowStats(db, NOW), 'escalation_to_ticket_to_helpdesk');
      assert.deepEqual([esc.windows.hour.started, esc.windows.hour.completed], [1, 1]);
      assert.equal(esc.windows.day.failed, 1);
      assert.deepEqual(esc.windows.week.failingSteps, [{ step: 'helpdesk_sync', failed: 1, pending: 1 }]);
      await failedCall(db, 'escalate_ticket');
      const live = of(await workflowStats(db), 'escalation_to_ticket_to_helpdesk');
      assert.ok(live.windows.hour.failingSteps.some((s) => s.step === 'ticket_creation' && s.failed === 1), JSON.stringify(live.windows.hour));
    });

    test('with nothing in a window the rate is null, not zero', async () => {
      const empty = await workflowStats(db, new Date('2020-01-01T00:00:00Z'));
      for (const s of empty) assert.equal(s.windows.week.successRate, null);
    });
  });
}
