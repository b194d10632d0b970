import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../store/database.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, testGateway, userToken, type App } from '../../../test/support/gateway.ts';
import { drain, jobFor, seedContact, seedTicket, testWorker, VENDOR_CREDENTIALS, vendorEnv } from '../../../test/support/outbox-fixtures.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';
import { startVendorStandIns, type VendorStandIns } from '../../../test/support/vendor-stand-ins.ts';

describeRouteSecurity('POST /admin/v1/jobs/{id}/resolve', { request: () => ({ path: '/admin/v1/jobs/1/resolve', body: { note: 'handled by phone' } }) });

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

for (const backend of testDatabases()) {
  describe(`exceptions queue and job actions (${backend.name})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: App;
    let vendors: VendorStandIns;
    let n = 0;
    const email = () => `exc${n++}.${backend.name}@example.com`;
    const post = (path: string, body?: unknown, headers: Record<string, string> = admin) =>
      app.request(path, {
        method: 'POST',
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    const exceptions = async () => (await (await app.request('/admin/v1/exceptions', { headers: admin })).json()).items as Array<Record<string, any>>;
    const auditRows = (decision: string) =>
      db.query<{ actor: string; args: Record<string, unknown> }>(`select actor, args from audit_log where kind = 'job_action' and decision = $1 order by id`, [decision]);

    before(async () => {
      ({ db, drop } = await backend.open());
      ({ app } = await testGateway(db));
      vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
    });
    after(async () => {
      await vendors.stop();
      await drop();
    });

    test('a dead job is listed with its lead; after the vendor recovers, a retry delivers it exactly once', async () => {
      const address = email();
      const contact = await seedContact(db, { email: address, name: 'Grace Hopper' });
      vendors.inject('hubspot', { kind: 'status', status: 403 });
      const { worker } = testWorker(db, vendorEnv(vendors));
      await drain(db, worker);
      const job = await jobFor(db, 'contactId', contact.id);
      const item = (await exceptions()).find((i) => i.id === job.id);
      assert.equal(item?.kind, 'dead_job');
      assert.equal(item?.state, 'dead');
      assert.match(item?.lastError, /HTTP 403/);
      assert.deepEqual(item?.context.contact, { id: contact.id, email: address, name: 'Grace Hopper' });

      const res = await post(`/admin/v1/jobs/${job.id}/retry`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { id: job.id, status: 'pending' });
      const [row] = await db.query<{ crm_sync_state: string }>('select crm_sync_state from contacts where id = $1', [contact.id]);
      assert.equal(row?.crm_sync_state, 'pending');
      assert.ok((await auditRows('retried')).some((r) => r.args.jobId === job.id && r.actor === 'admin'));
      await drain(db, worker);
      assert.equal(vendors.hubspot.size, 1);
      assert.equal(vendors.requests.filter((r) => r.vendor === 'hubspot').length, 2, 'the refused call, then one delivery');
      assert.equal((await exceptions()).some((i) => i.id === job.id), false);
    });

    test('a job whose outcome is unknown is listed as unknown with its ticket', async () => {
      const ticket = await seedTicket(db);
      vendors.inject('zendesk', { kind: 'apply-then-hang', method: 'POST' });
      const { worker } = testWorker(db, vendorEnv(vendors, { OUTBOX_TIMEOUT_MS: '200' }));
      await worker.runOnce();
      const job = await jobFor(db, 'ticketId', ticket.id);
      const item = (await exceptions()).find((i) => i.id === job.id);
      assert.equal(item?.kind, 'unknown_job');
      assert.equal(item?.state, 'unknown');
      assert.equal(item?.context.ticket.id, ticket.id);
      assert.equal(item?.context.ticket.conversationId, ticket.conversationId);
    });

    test('an alert that cannot be delivered is listed; resolving it takes a note, is audited and closes it', async () => {
      const [alertJob] = await db.query<{ id: number }>(
        `with a as (insert into alerts (kind, key, message) values ('job_dead', 'x-${backend.name}', 'Job x died') returning id)
         insert into outbox (topic, payload, status, attempts, last_error)
         select 'notify.alert', jsonb_build_object('alertId', id, 'channel', 'slack'), 'dead', 1, 'alert webhook: HTTP 404 no_service' from a returning id`,
      );
      const item = (await exceptions()).find((i) => i.id === alertJob!.id);
      assert.equal(item?.kind, 'undeliverable_alert');
      assert.equal(item?.context.alert.message, 'Job x died');

      const res = await post(`/admin/v1/jobs/${alertJob!.id}/resolve`, { note: 'Rotated the Slack webhook; told the founder by phone.' });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { id: alertJob!.id, status: 'resolved' });
      assert.equal((await exceptions()).some((i) => i.id === alertJob!.id), false);
      const audited = (await auditRows('resolved')).find((r) => r.args.jobId === alertJob!.id);
      assert.equal(audited?.args.note, 'Rotated the Slack webhook; told the founder by phone.');
      const verify = await (await app.request('/admin/v1/audit/verify', { headers: admin })).json();
      assert.equal(verify.ok, true);
      // Settled is settled: a second resolve or a retry finds nothing to act on.
      assert.equal((await post(`/admin/v1/jobs/${alertJob!.id}/resolve`, { note: 'again' })).status, 404);
      assert.equal((await post(`/admin/v1/jobs/${alertJob!.id}/retry`)).status, 404);
    });

    test('a low-confidence request waiting for confirmation is listed without its arguments', async () => {
      const [conv] = await db.query<{ id: string }>(`insert into conversations (id, owner) values ($1, 'anon') returning id`, [`conv_exc_${backend.name}_${n++}`]);
      await db.query(
        `insert into pending_confirmations (conversation_id, tool, args, args_digest, confidence, expires_at)
         values ($1, 'capture_lead', '{"email":"secret-lead@example.com"}', 'd', 0.4, now() + interval '10 minutes')`,
        [conv!.id],
      );
      const items = await exceptions();
      const item = items.find((i) => i.kind === 'pending_confirmation' && i.conversationId === conv!.id);
      assert.equal(item?.tool, 'capture_lead');
      assert.doesNotMatch(JSON.stringify(items), /secret-lead@example\.com/);
    });

    test('bad input is a 400 problem and changes nothing', async () => {
      const contact = await seedContact(db, { email: email() });
      await db.query(`update outbox set status = 'dead' where payload->>'contactId' = $1`, [contact.id]);
      const job = await jobFor(db, 'contactId', contact.id);
      const before = (await auditRows('resolved')).length;
      for (const body of [{}, { note: '' }, { note: '   ' }, { note: 'x'.repeat(2001) }, { note: 'ok', extra: 1 }, { note: 42 }, 'not json']) {
        const res = await post(`/admin/v1/jobs/${job.id}/resolve`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal((await res.json()).code, 'invalid_request');
      }
      // Text Postgres cannot store is refused at the edge, before the route's own validation.
      for (const body of [{ note: 'a\u0000b' }, `{"note":"done \\ud800 by hand"}`]) {
        const res = await post(`/admin/v1/jobs/${job.id}/resolve`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal((await res.json()).code, 'invalid_input');
      }
      for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999']) {
        assert.equal((await post(`/admin/v1/jobs/${id}/resolve`, { note: 'x' })).status, 400, id);
        assert.equal((await post(`/admin/v1/jobs/${id}/retry`)).status, 400, id);
      }
      assert.equal((await jobFor(db, 'contactId', contact.id)).status, 'dead');
      assert.equal((await auditRows('resolved')).length, before);
    });

    test('a pending or delivered job cannot be resolved or retried, and a customer cannot act on any job', async () => {
      const contact = await seedContact(db, { email: email() });
      const job = await jobFor(db, 'contactId', contact.id);
      assert.equal((await post(`/admin/v1/jobs/${job.id}/resolve`, { note: 'x' })).status, 404);
      assert.equal((await post(`/admin/v1/jobs/${job.id}/retry`)).status, 404);
      await db.query(`update outbox set status = 'dead' where id = $1`, [job.id]);
      const customer = { authorization: `Bearer ${await userToken('user-exc')}` };
      assert.equal((await post(`/admin/v1/jobs/${job.id}/resolve`, { note: 'x' }, customer)).status, 403);
      assert.equal((await post(`/admin/v1/jobs/${job.id}/retry`, undefined, customer)).status, 403);
      assert.equal((await post(`/admin/v1/jobs/${job.id}/resolve`, { note: 'x' }, {})).status, 401);
      assert.equal((await jobFor(db, 'contactId', contact.id)).status, 'dead');
    });
  });
}
