import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { adminGet, chatJson, newConversationId, testGateway, userToken } from '../../test/support/gateway.ts';

for (const backend of testDatabases()) {
  describe(`check_billing on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);
    before(async () => {
      await db.exec(`
        insert into billing_accounts (user_id, email, plan, status) values
          ('user-alice', 'alice@example.com', 'Pro', 'active'),
          ('user-bob', 'bob@example.com', 'Enterprise CANARY-BOB-PLAN', 'past_due');
        insert into invoices (id, user_id, amount_due, currency, status) values
          ('in_alice1', 'user-alice', 4900, 'usd', 'paid'),
          ('in_bob1', 'user-bob', 99900, 'usd', 'open');
        insert into invoices (id, user_id, number, amount_due, currency, status) values
          ('in_alice2', 'user-alice', 'ABCD-0012', 12345, 'kwd', 'open'),
          ('in_alice3', 'user-alice', 'FT 2024/118', 2500, 'eur', 'paid'),
          ('in_bob2', 'user-bob', 'BOBB-0001', 99900, 'usd', 'open');`);
    });
    const ask = async (token: string | undefined, args: Record<string, unknown> = {}) =>
      chatJson(app, { id: newConversationId(), token, text: 'what is my billing status?', puppet: { calls: [{ tool: 'check_billing', args, confidence: 0.9 }] } });

    test("a signed-in customer sees their own plan and invoices", async () => {
      const res = await ask(await userToken('user-alice', { email: 'alice@example.com' }));
      assert.equal(res.toolCalls[0]?.output.status, 'done');
      assert.match(res.toolCalls[0]?.output.message, /Pro/);
      assert.match(res.toolCalls[0]?.output.message, /in_alice1/);
    });

    test('an invoice of another customer is answered exactly like a missing one', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      const other = await ask(token, { invoice_id: 'in_bob1' });
      const missing = await ask(token, { invoice_id: 'in_nope1' });
      assert.equal(other.toolCalls[0]?.output.reason, 'not_found');
      assert.equal(missing.toolCalls[0]?.output.reason, 'not_found');
      assert.equal(other.toolCalls[0]?.output.message.replace('in_bob1', 'X'), missing.toolCalls[0]?.output.message.replace('in_nope1', 'X'));
      assert.doesNotMatch(JSON.stringify(other), /99900|999\.00|CANARY/);
    });

    test('arguments cannot name another customer', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      for (const args of [{ user_id: 'user-bob' }, { customer_id: 'user-bob' }, { email: 'bob@example.com' }]) {
        const res = await ask(token, args);
        assert.equal(res.toolCalls[0]?.reason, 'invalid_input');
        assert.doesNotMatch(JSON.stringify(res), /CANARY|Enterprise/);
      }
    });

    test('an anonymous visitor is refused as unauthenticated, and audited', async () => {
      const id = newConversationId();
      const res = await chatJson(app, { id, text: 'show me the billing of bob@example.com', puppet: { calls: [{ tool: 'check_billing', args: {}, confidence: 1 }] } });
      assert.equal(res.toolCalls[0]?.reason, 'unauthenticated');
      const [row] = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.equal(row?.reason, 'unauthenticated');
    });

    test('a forged token (wrong signature) is rejected before any tool runs', async () => {
      const forged = await userToken('user-bob', { email: 'bob@example.com' }, 'some-other-secret-that-is-long-enough');
      const id = newConversationId();
      const { chat } = await import('../../test/support/gateway.ts');
      const res = await chat(app, { id, token: forged, text: 'billing', puppet: { calls: [{ tool: 'check_billing', args: {} }] } });
      assert.equal(res.status, 401);
      assert.equal((await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items.length, 0);
    });

    test('a customer with no billing record is told so honestly', async () => {
      const res = await ask(await userToken('user-new', { email: 'new@example.com' }));
      assert.equal(res.toolCalls[0]?.output.status, 'done');
      assert.match(res.toolCalls[0]?.output.message, /couldn't find a billing record/);
    });

    test('an invoice is found by the number the customer sees on it, in any case', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      for (const reference of ['ABCD-0012', 'abcd-0012']) {
        const res = await ask(token, { invoice_id: reference });
        assert.equal(res.toolCalls[0]?.output.status, 'done', reference);
        assert.match(res.toolCalls[0]?.output.message, /ABCD-0012: 12\.345 KWD, open/);
      }
    });

    test('an invoice number is found however the customer typed it: full-width, another dash, a number sign, quotes, a space', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      // Its own gateway, so the per-user rate limit spent by the other tests does not answer instead.
      const { app: own } = await testGateway(db);
      for (const reference of ['ＡＢＣＤ－００１２', 'ABCD–0012', 'ABCD\u20110012', '#ABCD-0012', 'ABCD 0012', '«abcd-0012»']) {
        const res = await chatJson(own, { id: newConversationId(), token, text: `is invoice ${reference} paid?`, puppet: { calls: [{ tool: 'check_billing', args: { invoice_id: reference }, confidence: 0.9 }] } });
        assert.equal(res.toolCalls[0]?.output.status, 'done', reference);
        assert.match(res.toolCalls[0]?.output.message, /ABCD-0012: 12\.345 KWD, open/, reference);
      }
    });

    test('a fiscal document number with a series code and a space is found as printed', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      const { app: own } = await testGateway(db);
      for (const reference of ['FT 2024/118', 'ft 2024/118', 'FT  2024/118', 'ＦＴ 2024/118']) {
        const res = await chatJson(own, { id: newConversationId(), token, text: `a fatura ${reference} foi paga?`, puppet: { calls: [{ tool: 'check_billing', args: { invoice_id: reference }, confidence: 0.9 }] } });
        assert.equal(res.toolCalls[0]?.output.status, 'done', reference);
        assert.match(res.toolCalls[0]?.output.message, /FT 2024\/118: 25\.00 EUR, paid/, reference);
      }
    });

    test("another customer's invoice number is answered exactly like a missing one", async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      const other = await ask(token, { invoice_id: 'BOBB-0001' });
      const missing = await ask(token, { invoice_id: 'NOPE-0001' });
      assert.equal(other.toolCalls[0]?.output.reason, 'not_found');
      assert.equal(other.toolCalls[0]?.output.message.replace('BOBB-0001', 'X'), missing.toolCalls[0]?.output.message.replace('NOPE-0001', 'X'));
      assert.doesNotMatch(JSON.stringify(other), /999|CANARY/);
    });

    test('a billing question is answered whatever topic word the model picks, or none', async () => {
      const token = await userToken('user-alice', { email: 'alice@example.com' });
      // Its own gateway, so the per-user rate limit spent by the tests above does not answer instead.
      const { app: own } = await testGateway(db);
      for (const args of [{}, { topic: 'balance' }, { topic: 'next charge' }, { topic: 'receipts' }, { topic: 'plan' }]) {
        const res = await chatJson(own, { id: newConversationId(), token, text: 'what do I owe?', puppet: { calls: [{ tool: 'check_billing', args, confidence: 0.9 }] } });
        assert.equal(res.toolCalls[0]?.output.status, 'done', JSON.stringify(args));
        assert.match(res.toolCalls[0]?.output.message, /Pro/);
        assert.match(res.toolCalls[0]?.output.message, /Amount due: 12\.345 KWD/);
      }
    });

    test('bad input: a malformed invoice id is invalid_input', async () => {
      for (const invoice_id of ["in_1' or '1'='1", 'ABCD-0012; drop table invoices', 'x'.repeat(80), '', 'latest', '../../etc/passwd', 'ABCD-0012\u202e', 'AB CD EF 12', 'FT 2024 118', 'FT 2024/118 or 1=1', 'TOOLONG 2024/118', '2024 FT/118']) {
        const res = await ask(await userToken('user-alice'), { invoice_id });
        assert.equal(res.toolCalls[0]?.reason, 'invalid_input', invoice_id);
      }
      const res = await ask(await userToken('user-alice'), { topic: 'x'.repeat(41) });
      assert.equal(res.toolCalls[0]?.reason, 'invalid_input');
    });
  });
}
