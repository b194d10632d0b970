import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/server.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { artifactPath, browserAvailable, launchChromium, seriousAxeViolations } from './support/browser.ts';
import { ADMIN_TOKEN, chatJson, newConversationId, testGateway } from './support/gateway.ts';
import { closedPort } from './support/silent-server.ts';

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../docs');

/**
 * The founder console in real Chromium: sign in, retry a dead letter, resolve another with a
 * note, take a conversation over, answer the visitor and hand back, and read one request's
 * audit entries and messages. Every page is scanned with axe-core (no serious or critical
 * violation) and must fit a 390 px phone without sideways scrolling. The pages bypass the
 * console's Content-Security-Policy only so that axe-core can be injected; the policy itself is
 * asserted by the console security suite.
 */
describe('founder console in Chromium', { skip: !browserAvailable() && 'Chromium is not installed' }, () => {
  let db: Database;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  let app: ReturnType<typeof createApp>;
  let leadConversation: string;
  let leadJob: number;
  let ticketJob: number;

  before(async () => {
    db = await openPglite();
    await migrate(db);
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    ({ app } = await testGateway(db, { PUBLIC_BASE_URL: base }));
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });

    // A lead whose CRM sync died, and a ticket whose helpdesk sync died: the exceptions queue.
    leadConversation = newConversationId();
    await chatJson(app, {
      id: leadConversation,
      text: "Hi, I'm Grace Lin from Orbit Labs, grace@orbit.example. We'd like a demo.",
      puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Grace Lin', email: 'grace@orbit.example', company: 'Orbit Labs' }, confidence: 0.95 }], text: 'Thanks Grace, I saved your details.' },
    });
    const ticketConversation = newConversationId();
    const escalated = await chatJson(app, {
      id: ticketConversation,
      text: 'I was charged twice for March and I want a refund. Reach me at pat@example.com',
      puppet: {
        calls: [{ tool: 'escalate_ticket', args: { subject: 'Charged twice this month', summary: 'The customer was charged twice for the March invoice and wants a refund.', category: 'billing' }, confidence: 0.9 }],
        text: 'I opened a ticket for you.',
      },
    });
    assert.equal(escalated.toolCalls[0]?.output.status, 'done');
    const jobs = await db.query<{ id: number; topic: string }>(`select id, topic from outbox where topic in ('crm.upsert_contact', 'helpdesk.create_ticket') order by id`);
    leadJob = Number(jobs.find((j) => j.topic === 'crm.upsert_contact')!.id);
    ticketJob = Number(jobs.find((j) => j.topic === 'helpdesk.create_ticket')!.id);
    await db.query(`update outbox set status = 'dead', attempts = 8, last_error = 'HubSpot answered 503 Service Unavailable' where id = $1`, [leadJob]);
    await db.query(`update contacts set crm_sync_state = 'failed'`);
    await db.query(`update outbox set status = 'dead', attempts = 8, last_error = 'Zendesk answered 422: requester email invalid' where id = $1`, [ticketJob]);
    await db.query(`update tickets set helpdesk_sync_state = 'failed'`);
    // A paying customer, for the billing page and the payment workflow.
    await db.query(
      `insert into billing_accounts (stripe_customer_id, email, plan, status, payment_state, entitlement_active, last_payment_amount, last_payment_currency, last_payment_at)
       values ('cus_demo1', 'billing@orbit.example', 'pro', 'active', 'paid', true, 4900, 'usd', now() - interval '2 hours')`,
    );
    await db.query(
      `insert into stripe_events (id, type, created, livemode, payload_sha256, payload, customer_id, status, received_at, processed_at)
       values ('evt_demo1', 'invoice.paid', now() - interval '2 hours', false, 'x', '{}'::jsonb, 'cus_demo1', 'processed', now() - interval '2 hours', now() - interval '2 hours')`,
    );
    // A little history for the workflow charts.
    for (const [i, state] of ['synced', 'synced', 'synced', 'failed', 'synced', 'pending'].entries()) {
      await db.query(`insert into contacts (email, name, crm_sync_state, created_at) values ($1, 'Earlier lead', $2, now() - make_interval(hours => $3))`, [
        `lead${i}@example.com`,
        state,
        i * 7 + 1,
      ]);
    }
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await db?.close();
  });

  const checkPage = async (page: Page, name: string) => {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], `${name}: serious accessibility violations`);
    await page.screenshot({ path: artifactPath(`console-${name}.png`), fullPage: true });
  };

  const signIn = async (page: Page) => {
    await page.goto(`${base}/admin`);
    assert.match(page.url(), /\/admin\/sign-in$/);
    await page.getByLabel('Admin token or admin access token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/exceptions/);
  };

  test('sign in, retry a dead letter and resolve another with a note', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(page);
    assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly: scripts cannot read it');
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing is kept in web storage');
    const lead = page.locator(`[data-job="${leadJob}"]`);
    await lead.getByText('Lead Grace Lin <grace@orbit.example>').waitFor();
    await lead.getByText('HubSpot answered 503').waitFor();
    await checkPage(page, 'exceptions');

    await lead.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('The job is queued again.').waitFor();
    const [retried] = await db.query<{ status: string; attempts: number }>('select status, attempts from outbox where id = $1', [leadJob]);
    assert.deepEqual(retried, { status: 'pending', attempts: 0 });
    assert.equal(await page.locator(`[data-job="${leadJob}"]`).count(), 0, 'the retried job left the queue');

    const ticket = page.locator(`[data-job="${ticketJob}"]`);
    await ticket.getByText('Ticket "Charged twice this month" for pat@example.com').waitFor();
    await ticket.getByLabel(`Resolution note for job ${ticketJob}`).fill('Opened the ticket in Zendesk by hand');
    await ticket.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('The job is resolved with your note.').waitFor();
    const [resolved] = await db.query<{ status: string; resolved_note: string }>('select status, resolved_note from outbox where id = $1', [ticketJob]);
    assert.deepEqual(resolved, { status: 'resolved', resolved_note: 'Opened the ticket in Zendesk by hand' });
    const actions = await db.query<{ decision: string }>(`select decision from audit_log where kind = 'job_action' order by id`);
    assert.deepEqual(actions.map((a) => a.decision), ['retried', 'resolved']);
    await page.close();
  });

  test("take a conversation over, answer the visitor, see their reply, hand back; then read one request's story", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(page);
    await page.getByRole('link', { name: 'Conversations' }).click();
    await page.getByRole('link', { name: leadConversation }).click();
    await page.getByText('calls capture_lead').waitFor();
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.getByText('You are answering this conversation; the assistant is paused.').waitFor();

    await page.getByLabel('Reply as a person').fill('Hi Grace, Sam here. Does Thursday 10:00 suit you for the demo?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Your message is on its way to the visitor.').waitFor();
    await page.getByText('Does Thursday 10:00 suit you').waitFor();

    const visitor = await chatJson(app, { id: leadConversation, text: 'Thursday works, thank you Sam!' });
    assert.equal(visitor.handoff, 'human');
    // The transcript refreshes itself while a person answers.
    await page.getByText('Thursday works, thank you Sam!').waitFor({ timeout: 60_000 });
    await checkPage(page, 'conversation');

    await page.getByRole('button', { name: 'Hand back to the assistant' }).click();
    await page.getByText('The assistant answers this conversation again').waitFor();
    const handoffs = await db.query<{ decision: string }>(`select decision from audit_log where kind = 'handoff' and conversation_id = $1 order by id`, [leadConversation]);
    assert.deepEqual(handoffs.map((h) => h.decision), ['taken_over', 'human_replied', 'handed_back']);

    // The first request of the conversation: its audit entry and its messages on one page.
    await page.getByRole('link', { name: 'request' }).first().click();
    await page.getByText('Hash chain intact').waitFor();
    await page.getByRole('heading', { name: 'Messages of this request' }).waitFor();
    assert.ok(await page.getByRole('cell', { name: 'capture_lead' }).count() >= 1);
    await checkPage(page, 'request');

    // The same request end to end: its decision, the CRM job it queued and that job's state.
    await page.getByRole('link', { name: 'Trace of this request (jobs, deliveries, alerts)' }).click();
    await page.waitForURL(/\/admin\/trace\//);
    assert.ok((await page.locator('tr[data-source="audit"]').count()) >= 1, 'the policy decision is in the trace');
    await page.locator('tr[data-source="outbox_job"]').getByText('crm.upsert_contact').waitFor();
    await checkPage(page, 'trace');
    await page.close();
  });

  test('every page passes axe-core, and at 390x844 nothing scrolls sideways', async () => {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signIn(desktop);
    for (const path of ['/admin/conversations', '/admin/requests', '/admin/billing', '/admin/billing/cus_demo1', '/admin/audit', '/admin/workflows', '/admin/workflows?window=week', '/admin/digest', '/admin/policy-shadow']) {
      await desktop.goto(`${base}${path}`);
      await checkPage(desktop, `desktop${path.replace(/[/?=]/g, '-')}`);
    }
    await desktop.goto(`${base}/admin/workflows?window=week`);
    assert.equal(await desktop.locator('svg.chart').count(), 6, 'a line and a bar chart per workflow');
    await desktop.screenshot({ path: artifactPath('console-desktop.png'), fullPage: true });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true });
    await signIn(phone);
    for (const path of ['/admin/exceptions', '/admin/conversations', `/admin/conversations/${leadConversation}`, '/admin/requests', '/admin/audit', '/admin/workflows', '/admin/digest']) {
      await phone.goto(`${base}${path}`);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width}px wide at 390`);
      await checkPage(phone, `mobile${path.replace(/[/?=]/g, '-').slice(0, 40)}`);
    }
    await phone.goto(`${base}/admin/workflows`);
    await phone.screenshot({ path: artifactPath('console-mobile.png'), fullPage: false });
    // The README's screenshots are refreshed on request only, so a test run leaves the tree as it was.
    if (process.env.TOOLGATE_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(artifactPath('console-desktop.png'), resolve(DOCS, 'console-desktop.png'));
      copyFileSync(artifactPath('console-mobile.png'), resolve(DOCS, 'console-mobile.png'));
    }
    await desktop.close();
    await phone.close();
  });
});
