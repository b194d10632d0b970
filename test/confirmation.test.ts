import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from './support/databases.ts';
import { adminGet, chatJson, newConversationId, testGateway } from './support/gateway.ts';

const lead = { name: 'Con Firm', email: 'confirm@example.com' };
const intro = "I'm Con Firm, confirm@example.com, maybe someone could call me sometime";

for (const backend of testDatabases()) {
  describe(`confirmation of low-confidence calls on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);
    const contacts = async () => (await db.query('select 1 from contacts where email = $1', [lead.email])).length;

    test('a low-confidence call asks first, and the next "yes" executes exactly those arguments once', async () => {
      const id = newConversationId();
      const first = await chatJson(app, { id, text: intro, puppet: { calls: [{ tool: 'capture_lead', args: lead, confidence: 0.4 }] } });
      assert.equal(first.toolCalls[0]?.decision, 'needs_confirmation');
      assert.equal(first.toolCalls[0]?.reason, 'low_confidence');
      assert.equal(await contacts(), 0);

      // The attacker-controlled model proposes nothing on the "yes" turn: the server runs the stored call.
      const yes = await chatJson(app, { id, text: 'yes please', puppet: { text: 'ok' } });
      assert.equal(yes.toolCalls.length, 1);
      assert.equal(yes.toolCalls[0]?.decision, 'allowed');
      assert.equal(yes.toolCalls[0]?.output.status, 'done');
      assert.equal(await contacts(), 1);

      const again = await chatJson(app, { id, text: 'yes', puppet: { text: 'ok' } });
      assert.equal(again.toolCalls.length, 0, 'single use');
      const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.deepEqual(audit.map((a) => a.decision).reverse(), ['needs_confirmation', 'allowed']);
    });

    test('any other next message cancels the pending call', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: intro.replace('confirm@', 'cancel@'), puppet: { calls: [{ tool: 'capture_lead', args: { ...lead, email: 'cancel@example.com' }, confidence: 0.3 }] } });
      await chatJson(app, { id, text: 'actually, what are your prices?', puppet: { text: 'x' } });
      const late = await chatJson(app, { id, text: 'yes', puppet: { text: 'x' } });
      assert.equal(late.toolCalls.length, 0);
      assert.equal((await db.query(`select 1 from contacts where email = 'cancel@example.com'`)).length, 0);
    });

    test('an expired confirmation does not execute', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: intro.replace('confirm@', 'late@'), puppet: { calls: [{ tool: 'capture_lead', args: { ...lead, email: 'late@example.com' }, confidence: 0.3 }] } });
      await db.query(`update pending_confirmations set expires_at = now() - interval '1 second' where conversation_id = $1`, [id]);
      const yes = await chatJson(app, { id, text: 'yes', puppet: { text: 'x' } });
      assert.equal(yes.toolCalls.length, 0);
      assert.equal((await db.query(`select 1 from contacts where email = 'late@example.com'`)).length, 0);
    });

    test('a pending call whose stored arguments were altered does not execute', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: intro.replace('confirm@', 'tamper@'), puppet: { calls: [{ tool: 'capture_lead', args: { ...lead, email: 'tamper@example.com' }, confidence: 0.3 }] } });
      await db.query(`update pending_confirmations set args = jsonb_set(args, '{email}', '"evil@example.com"') where conversation_id = $1`, [id]);
      const yes = await chatJson(app, { id, text: 'yes', puppet: { text: 'x' } });
      assert.equal(yes.toolCalls.length, 0);
      assert.equal((await db.query(`select 1 from contacts where email in ('evil@example.com', 'tamper@example.com')`)).length, 0);
    });

    test('a call refused before the confidence gate leaves nothing to confirm', async () => {
      const id = newConversationId();
      const first = await chatJson(app, { id, text: 'I am Ghost, ghost@example.com', puppet: { calls: [{ tool: 'check_billing', args: {}, confidence: 0.2 }] } });
      assert.equal(first.toolCalls[0]?.reason, 'unauthenticated');
      const yes = await chatJson(app, { id, text: 'yes', puppet: { text: 'x' } });
      // Anonymous: the identity gate answers before confidence, so nothing was ever pending.
      assert.equal(yes.toolCalls.length, 0);
    });

    test('a confirmed call still passes every other gate', async () => {
      const email = 'pending@example.com';
      const id = newConversationId();
      const asked = await chatJson(app, {
        id,
        text: `I'm Pen Ding, ${email}, maybe call me`,
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Pen Ding', email }, confidence: 0.3 }] },
      });
      assert.equal(asked.toolCalls[0]?.decision, 'needs_confirmation');
      const [pending] = await db.query<{ n: number }>('select count(*)::int as n from pending_confirmations where conversation_id = $1 and consumed_at is null', [id]);
      assert.equal(pending?.n, 1, 'the call is pending');

      // Meanwhile the same mailbox is captured in another conversation, spending its one lead an hour.
      const other = await chatJson(app, {
        id: newConversationId(),
        text: `I'm Pen Ding, pending+2@example.com`,
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Pen Ding', email: 'pending+2@example.com' }, confidence: 1 }] },
      });
      assert.equal(other.toolCalls[0]?.output.status, 'done');

      // The "yes" runs the stored call through the pipeline again: confidence passes, the rate limit still refuses.
      const yes = await chatJson(app, { id, text: 'yes', puppet: { text: 'ok' } });
      assert.equal(yes.toolCalls.length, 1);
      assert.equal(yes.toolCalls[0]?.decision, 'denied');
      assert.equal(yes.toolCalls[0]?.reason, 'rate_limited');
      assert.equal((await db.query('select 1 from contacts where email = $1', [email])).length, 0);
      const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.deepEqual(audit.map((a) => a.reason).reverse(), ['low_confidence', 'rate_limited']);
    });
  });
}
