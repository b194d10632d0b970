import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { ADMIN_TOKEN, chatJson, newConversationId, testGateway } from '../../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../../test/support/route-security.ts';

describeRouteSecurity('GET /admin/v1/workflows', { request: () => ({ path: '/admin/v1/workflows' }) });

for (const backend of testDatabases()) {
  describe(`GET /admin/v1/workflows on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    const { app } = await testGateway(db);
    const get = async () => {
      const res = await app.request('/admin/v1/workflows', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
      return res.json();
    };

    test('names the three workflows with hour, day and week windows', async () => {
      const body = await get();
      assert.deepEqual(body.items.map((i: { workflow: string }) => i.workflow), ['lead_to_crm', 'payment_to_entitlement_to_crm', 'escalation_to_ticket_to_helpdesk']);
      for (const item of body.items) for (const w of ['hour', 'day', 'week']) assert.equal(item.windows[w].successRate, null);
      assert.ok(!Number.isNaN(Date.parse(body.generatedAt)));
    });

    test('a lead captured through chat counts as started and waits at crm_sync until the outbox delivers it', async () => {
      const id = newConversationId();
      await chatJson(app, {
        id,
        text: "I'm Wanda Flow, wanda@flow.example",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Wanda Flow', email: 'wanda@flow.example' }, confidence: 0.95 }] },
      });
      const lead = (await get()).items[0];
      assert.equal(lead.windows.hour.started, 1);
      assert.equal(lead.windows.hour.pending, 1);
      assert.deepEqual(lead.windows.hour.failingSteps, [{ step: 'crm_sync', failed: 0, pending: 1 }]);
      await db.query(`update contacts set crm_sync_state = 'synced' where email = 'wanda@flow.example'`);
      assert.equal((await get()).items[0].windows.hour.successRate, 1);
    });
  });
}
