import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, chatJson, newConversationId, testGateway, userToken } from '../../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';

const PATHS = ['/admin/v1/audit', '/admin/v1/audit/verify', '/admin/v1/contacts', '/admin/v1/tickets', '/admin/v1/exceptions', '/admin/v1/conversations/x/messages'];

describeRouteSecurity('GET /admin/v1/audit', { request: () => ({ path: '/admin/v1/audit?decision=denied' }) });
describeRouteSecurity('GET /admin/v1/audit/verify', { request: () => ({ path: '/admin/v1/audit/verify' }) });
describeRouteSecurity('GET /admin/v1/contacts', { request: () => ({ path: '/admin/v1/contacts?email=a@example.com' }) });
describeRouteSecurity('GET /admin/v1/tickets', { request: () => ({ path: '/admin/v1/tickets' }) });
describeRouteSecurity('GET /admin/v1/conversations/{id}/messages', { request: () => ({ path: '/admin/v1/conversations/conv_security_1/messages' }) });
describeRouteSecurity('GET /admin/v1/exceptions', { request: () => ({ path: '/admin/v1/exceptions' }) });
describeRouteSecurity('POST /admin/v1/jobs/{id}/retry', { request: () => ({ path: '/admin/v1/jobs/1/retry' }) });

for (const backend of testDatabases()) {
  describe(`admin API on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);
    const get = (path: string, token?: string) => app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    test('every admin route is 401 problem+json without a token', async () => {
      for (const path of PATHS) {
        const res = await get(path);
        assert.equal(res.status, 401, path);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal((await res.json()).code, 'unauthorized');
      }
      const retry = await app.request('/admin/v1/jobs/1/retry', { method: 'POST' });
      assert.equal(retry.status, 401);
    });

    test('a wrong admin token is 401 and a customer token is 403', async () => {
      const customer = await userToken('user-c', { email: 'c@example.com' });
      for (const path of PATHS) {
        assert.equal((await get(path, `${ADMIN_TOKEN}x`)).status, 401, path);
        assert.equal((await get(path, customer)).status, 403, path);
      }
    });

    test('a JWT whose app_metadata.role is admin is accepted', async () => {
      const admin = await userToken('user-root', { app_metadata: { role: 'admin' } });
      assert.equal((await get('/admin/v1/audit', admin)).status, 200);
    });

    test('a role claim outside app_metadata does not make an admin', async () => {
      const sneaky = await userToken('user-sneaky', { role: 'admin', user_metadata: { role: 'admin' } });
      assert.equal((await get('/admin/v1/audit', sneaky)).status, 403);
    });

    test('audit filters by conversation, tool and decision', async () => {
      const id = newConversationId();
      await chatJson(app, {
        id,
        text: "I'm Fil Ter, fil@example.com",
        puppet: {
          calls: [
            { tool: 'capture_lead', args: { name: 'Fil Ter', email: 'fil@example.com' }, confidence: 0.9 },
            { tool: 'check_billing', args: {}, confidence: 0.9 },
          ],
        },
      });
      const all = (await (await get(`/admin/v1/audit?conversationId=${id}`, ADMIN_TOKEN)).json()).items;
      assert.equal(all.length, 2);
      const denied = (await (await get(`/admin/v1/audit?conversationId=${id}&decision=denied`, ADMIN_TOKEN)).json()).items;
      assert.deepEqual(denied.map((r: { tool: string }) => r.tool), ['check_billing']);
      const byTool = (await (await get(`/admin/v1/audit?conversationId=${id}&tool=capture_lead`, ADMIN_TOKEN)).json()).items;
      assert.equal(byTool.length, 1);
      assert.equal((await get('/admin/v1/audit?decision=bogus', ADMIN_TOKEN)).status, 400);
    });

    test('verify reports an intact chain', async () => {
      const report = await (await get('/admin/v1/audit/verify', ADMIN_TOKEN)).json();
      assert.equal(report.ok, true);
      assert.ok(report.checked >= 2);
    });

    test('retrying a job that is not dead-lettered is 404', async () => {
      const res = await app.request('/admin/v1/jobs/999999/retry', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 404);
    });

    test('a dead-lettered job shows in exceptions and goes back to pending on retry', async () => {
      const [job] = await db.query<{ id: number }>(
        `insert into outbox (topic, payload, status, attempts, last_error) values ('crm.upsert_contact', '{}'::jsonb, 'dead', 8, 'timeout') returning id`,
      );
      const items = (await (await get('/admin/v1/exceptions', ADMIN_TOKEN)).json()).items;
      assert.ok(items.some((i: { id: number }) => i.id === job!.id));
      const res = await app.request(`/admin/v1/jobs/${job!.id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).status, 'pending');
    });
  });
}
