import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../store/database.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { chatJson, newConversationId, newVisitor, testGateway, userToken, type App } from '../../test/support/gateway.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from '../../test/support/outbox-fixtures.ts';
import { describeRouteSecurity, type Caller } from '../../test/support/route-security.ts';
import { startVendorStandIns, type VendorStandIns } from '../../test/support/vendor-stand-ins.ts';

let leads = 0;
/** A caller (a user's token, or a visitor's token) leaves a lead through the real chat route; returns its id. */
async function captureLead(app: App, caller: string | Caller | undefined, email = `lead${leads++}.${Date.now()}@example.com`) {
  const who: Caller = typeof caller === 'string' ? { token: caller } : (caller ?? {});
  const id = newConversationId();
  const reply = await chatJson(app, {
    id,
    ...(who.token ? { token: who.token } : {}),
    ...(who.visitor ? { visitor: who.visitor } : {}),
    text: `Hi, I am Ada Lovelace, ${email}, can I get a demo?`,
    puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Ada Lovelace', email }, confidence: 0.95 }] },
  });
  const output = reply.toolCalls[0]?.output as { status: string; contactId: string; message: string; sync: string };
  assert.equal(output.status, 'done', JSON.stringify(reply.toolCalls));
  return { contactId: output.contactId, output, email, conversationId: id };
}

const get = (app: App, path: string, caller?: string | Caller) => {
  const who: Caller = typeof caller === 'string' ? { token: caller } : (caller ?? {});
  const headers: Record<string, string> = {};
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.visitor) headers['x-visitor-token'] = who.visitor;
  return app.request(path, { headers });
};

describeRouteSecurity('GET /v1/me/requests', {
  request: () => ({ path: '/v1/me/requests' }),
  async ownedResource(app, owner) {
    const { contactId } = await captureLead(app, owner);
    return (caller) => get(app, `/v1/me/requests?id=${contactId}`, caller);
  },
});
for (const backend of testDatabases()) {
  describe(`GET /v1/me/requests on ${backend.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let vendors: VendorStandIns;
    let app: App;

    before(async () => {
      ({ db, drop } = await backend.open());
      vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
      ({ app } = await testGateway(db, vendorEnv(vendors)));
    });
    after(async () => {
      await vendors.stop();
      await drop();
    });

    test('the tool result says "saved, syncing to our CRM"; after delivery the caller sees "synced"', async () => {
      const token = await userToken(`user-req-${backend.name}`, { email: `owner-${backend.name}@example.com` });
      const lead = await captureLead(app, token);
      assert.match(lead.output.message, /saved and syncing to our CRM/);
      assert.equal(lead.output.sync, 'syncing');
      let items = (await (await get(app, '/v1/me/requests', token)).json()).items;
      assert.deepEqual(items.map((i: any) => [i.kind, i.title, i.state]), [['lead', lead.email, 'syncing']]);
      const { worker } = testWorker(db, vendorEnv(vendors));
      await drain(db, worker);
      items = (await (await get(app, '/v1/me/requests', token)).json()).items;
      assert.deepEqual(items.map((i: any) => [i.state, i.message]), [['synced', 'Saved and synced.']]);
    });

    test('a sync that failed is shown as queued for a person to follow up', async () => {
      const token = await userToken(`user-fail-${backend.name}`);
      const lead = await captureLead(app, token);
      vendors.inject('hubspot', { kind: 'status', status: 400 });
      const { worker } = testWorker(db, vendorEnv(vendors));
      await drain(db, worker);
      const [item] = (await (await get(app, `/v1/me/requests?id=${lead.contactId}`, token)).json()).items;
      assert.equal(item.state, 'queued_for_follow_up');
    });

    test('with no CRM configured the result says saved, never syncing', async () => {
      const { app: plain } = await testGateway(db);
      const lead = await captureLead(plain, await userToken(`user-plain-${backend.name}`));
      assert.doesNotMatch(lead.output.message, /sync/);
      assert.equal(lead.output.sync, 'saved');
    });

    test("a visitor sees their own lead, and another visitor sees none of it", async () => {
      const visitor = await newVisitor(app);
      const lead = await captureLead(app, { visitor });
      const own = await get(app, '/v1/me/requests', { visitor });
      assert.equal(own.status, 200);
      assert.deepEqual((await own.json()).items.map((i: { id: string }) => i.id), [lead.contactId]);
      const stranger = await get(app, '/v1/me/requests', { visitor: await newVisitor(app) });
      assert.deepEqual((await stranger.json()).items, []);
    });

    test("another user's ticket is invisible, and a malformed id is a 400 problem", async () => {
      const owner = await userToken(`user-ticket-${backend.name}`, { email: `tix-${backend.name}@example.com` });
      const id = newConversationId();
      const reply = await chatJson(app, {
        id,
        token: owner,
        text: 'I was charged twice this month, please open a ticket',
        puppet: { calls: [{ tool: 'escalate_ticket', args: { subject: 'Charged twice', summary: 'Charged twice this month', category: 'billing' }, confidence: 0.95 }] },
      });
      const ticketId = String(reply.toolCalls[0]?.output?.ticketId ?? "");
      assert.ok(ticketId, JSON.stringify(reply.toolCalls));
      assert.equal((await get(app, `/v1/me/requests?id=${ticketId}`, owner)).status, 200);
      const other = await userToken(`user-other-${backend.name}`);
      assert.equal((await get(app, `/v1/me/requests?id=${ticketId}`, other)).status, 404);
      assert.equal((await (await get(app, '/v1/me/requests', other)).json()).items.some((i: any) => i.id === ticketId), false);
      const bad = await get(app, '/v1/me/requests?id=not-a-uuid', owner);
      assert.equal(bad.status, 400);
      assert.equal((await bad.json()).code, 'invalid_request');
    });
  });
}
