import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { CONSOLE_ORIGIN, postForm, signIn } from './support/console-security.ts';
import { testDatabases } from './support/databases.ts';
import { chatJson, newConversationId, testGateway } from './support/gateway.ts';
import * as stripe from './support/stripe.ts';

/** What the console's pages read from the database, on both backends. */
for (const backend of testDatabases()) {
  describe(`console pages on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    const { app } = await testGateway(db);
    const founder = await signIn(app);
    const page = async (path: string) => {
      const res = await app.request(path, { headers: { cookie: founder.cookie } });
      assert.equal(res.status, 200, path);
      return res.text();
    };

    const id = newConversationId();
    await chatJson(app, {
      id,
      text: "I'm Pia Page, pia@page.example",
      puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Pia Page', email: 'pia@page.example' }, confidence: 0.95 }], text: 'Saved.' },
    });
    await db.query(`update outbox set status = 'dead', attempts = 8, last_error = 'CRM answered 500' where topic = 'crm.upsert_contact'`);
    await db.query(`update contacts set crm_sync_state = 'failed'`);
    await db.query(
      `insert into stripe_events (id, type, created, livemode, payload_sha256, payload, customer_id, status, last_error)
       values ('evt_page_failed', 'invoice.paid', now(), false, 'x', '{}'::jsonb, 'cus_page', 'failed', 'no such price')`,
    );

    test('the exceptions queue shows the dead job with its lead, the failed syncs and the failed Stripe event', async () => {
      const html = await page('/admin/exceptions');
      assert.match(html, /Lead Pia Page &lt;pia@page\.example&gt;/);
      assert.match(html, /CRM answered 500/);
      assert.match(html, /invoice\.paid \(evt_page_failed\)/);
      assert.match(html, /no such price/);
      assert.match(html, /1 jobs need a human · 2 failed syncs/);
    });

    test('setting an owner is shown on the job and audited; a blank owner clears it', async () => {
      const [job] = await db.query<{ id: number }>(`select id from outbox where topic = 'crm.upsert_contact'`);
      const set = (owner: string) => postForm(app, `/admin/exceptions/${job!.id}/owner`, { _csrf: founder.csrf, owner }, { cookie: founder.cookie, origin: CONSOLE_ORIGIN });
      assert.equal((await set('Ada')).headers.get('location'), '/admin/exceptions?notice=owned');
      assert.match(await page('/admin/exceptions'), /Owner: Ada/);
      await set('');
      assert.match(await page('/admin/exceptions'), /Owner: nobody yet/);
      const audit = await db.query<{ args: { owner: string | null } }>(`select args from audit_log where kind = 'job_action' and decision = 'assigned' order by id`);
      assert.deepEqual(audit.map((a) => a.args.owner), ['Ada', null]);
      assert.equal((await set('x'.repeat(101))).headers.get('location'), '/admin/exceptions?notice=invalid');
    });

    test('a failed Stripe event is applied again from the queue once its cause is fixed', async () => {
      const event = stripe.event('customer.created', stripe.customer({ id: `cus_page_${backend.name}`, email: 'page.customer@example.com' }), Math.floor(Date.now() / 1000));
      await db.query(
        `insert into stripe_events (id, type, created, livemode, payload_sha256, payload, customer_id, status, attempts, last_error)
         values ($1, $2, now(), false, 'x', $3::jsonb, $4, 'failed', 3, 'database was down')`,
        [event.id, event.type, JSON.stringify(event), `cus_page_${backend.name}`],
      );
      const apply = (eventId: string) =>
        postForm(app, `/admin/exceptions/stripe/${eventId}/reprocess`, { _csrf: founder.csrf }, { cookie: founder.cookie, origin: CONSOLE_ORIGIN });
      assert.match(await page('/admin/exceptions'), new RegExp(`action="/admin/exceptions/stripe/${event.id}/reprocess"`));
      assert.equal((await apply(event.id)).headers.get('location'), '/admin/exceptions?notice=reprocessed');
      const [row] = await db.query<{ status: string; attempts: number }>('select status, attempts from stripe_events where id = $1', [event.id]);
      assert.deepEqual(row, { status: 'processed', attempts: 4 });
      const [account] = await db.query<{ email: string }>('select email from billing_accounts where stripe_customer_id = $1', [`cus_page_${backend.name}`]);
      assert.equal(account?.email, 'page.customer@example.com');
      assert.doesNotMatch(await page('/admin/exceptions'), new RegExp(event.id));
      assert.equal((await apply('evt_never_stored')).headers.get('location'), '/admin/exceptions?notice=gone');
      assert.equal((await apply('not-an-event')).headers.get('location'), '/admin/exceptions?notice=gone');
    });

    test('a conversation page shows the transcript with the tool call and its result inline', async () => {
      const html = await page(`/admin/conversations/${id}`);
      assert.match(html, /calls capture_lead/);
      assert.match(html, /Pia Page/);
      assert.match(html, /Take over/);
    });

    test('the audit page reports the chain intact and narrows to one request with its messages', async () => {
      const [row] = await db.query<{ request_id: string }>(`select request_id from audit_log where tool = 'capture_lead'`);
      const html = await page(`/admin/audit?requestId=${row!.request_id}`);
      assert.match(html, /data-chain="intact"/);
      assert.match(html, /Messages of this request/);
      assert.match(html, /capture_lead/);
      const refused = await app.request('/admin/audit?tool=%3Cscript%3E', { headers: { cookie: founder.cookie } });
      assert.equal(refused.status, 400);
      assert.ok(!(await refused.text()).includes('<script>'));
    });

    test('the workflows page draws a line and a bar chart per workflow', async () => {
      const html = await page('/admin/workflows?window=hour');
      assert.equal(html.match(/<svg class="chart"/g)?.length, 6);
      assert.match(html, /crm_sync/);
    });

    test('an unknown conversation, customer or trace is a not-found page', async () => {
      for (const path of ['/admin/conversations/conv_missing_1', '/admin/billing/cus_missing', '/admin/trace/req-missing']) {
        const res = await app.request(path, { headers: { cookie: founder.cookie } });
        assert.equal(res.status, 404, path);
      }
    });
  });
}
