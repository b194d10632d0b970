import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { createRateLimiter, type RateLimiter } from '../src/policy/rate-limit/index.ts';
import type { Database } from '../src/store/database.ts';
import { isStorable, toStorable } from '../src/store/storable-text.ts';
import { TOOL_NAMES } from '../src/tools/index.ts';
import { testDatabases } from './support/databases.ts';
import { ADMIN_TOKEN, chat, newConversationId, testGateway, userToken, type App } from './support/gateway.ts';

/**
 * Text Postgres cannot store (NUL, lone surrogates), end to end: refused with 400 invalid_input
 * where a client sends it, repaired where the model produces it, so that each attempted tool
 * call still has its audit row and each turn its history. Then the same as properties over
 * arbitrary UTF-16 through every route and every tool (fast-check prints the seed on failure).
 */

/** The chat limit (30 a minute per address) is not under test here: each request counts as its own address. */
function perRequestAddresses(): RateLimiter {
  const inner = createRateLimiter({ kind: 'memory' });
  let n = 0;
  return {
    limit: (key, rule) => inner.limit(key.startsWith('chat:ip:') ? `${key}:${n++}` : key, rule),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

async function counts(db: Database, conversationId: string) {
  const [row] = await db.query<{ audits: number; messages: number; assistant: number }>(
    `select (select count(*) from audit_log where conversation_id = $1 and kind = 'tool_call') as audits,
            (select count(*) from messages where conversation_id = $1) as messages,
            (select count(*) from messages where conversation_id = $1 and role <> 'user') as assistant`,
    [conversationId],
  );
  return row!;
}

const admin = (app: App, path: string) => app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

/** Arbitrary UTF-16, weighted towards what Postgres refuses. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', '\ude00', 'a', ' ', '"', '\\'), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A call of every tool (and an unknown one) carrying the text in each string field. */
function callsCarrying(text: string, email: string) {
  return [
    { tool: 'capture_lead', args: { name: 'Ann Lee', email, notes: `Note ${text}`, company: text }, confidence: 1 },
    { tool: 'escalate_ticket', args: { subject: `Help ${text}`, summary: text, category: 'technical' }, confidence: 1 },
    { tool: 'check_billing', args: { topic: 'invoices', invoice_id: text }, confidence: 1 },
    { tool: text || 'x', args: { [text]: text }, confidence: 1 },
  ];
}

for (const backend of testDatabases()) {
  describe(`text Postgres can store, on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db, {}, perRequestAddresses());
    after(drop);

    test('a user message with a lone surrogate or NUL is 400 invalid_input and stores nothing', async () => {
      for (const text of ['hello \ud800', 'hello \u0000 there', 'pair broken \udc00\ud83d']) {
        const id = newConversationId();
        const res = await chat(app, { id, text });
        assert.equal(res.status, 400, JSON.stringify(text));
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        const body = await res.json();
        assert.equal(body.code, 'invalid_input');
        assert.doesNotMatch(JSON.stringify(body), /\\u0000|\\ud800|\\udc00/);
        assert.equal((await counts(db, id)).messages, 0);
      }
    });

    test('unstorable text anywhere in a chat body (an ignored history message too) is refused the same way', async () => {
      const id = newConversationId();
      const res = await chat(app, {
        id,
        text: '',
        body: { id, messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'x\u0000' }] }, { role: 'user', parts: [{ type: 'text', text: 'hi' }] }] },
      });
      assert.equal(res.status, 400);
      assert.equal((await res.json()).code, 'invalid_input');
    });

    test('admin routes answer 400 invalid_input, not 500, to %00 or a lone surrogate in a query or path parameter', async () => {
      for (const path of [
        '/admin/v1/audit?conversationId=%00',
        '/admin/v1/audit?tool=a%00b',
        '/admin/v1/contacts?email=a%00@example.com',
        '/admin/v1/tickets?conversationId=conv%00&email=x',
        '/admin/v1/conversations/%00abc/messages',
        '/admin/v1/conversations/conv_%00_abcdef/messages',
      ]) {
        const res = await admin(app, path);
        assert.equal(res.status, 400, path);
        assert.equal((await res.json()).code, 'invalid_input', path);
      }
      // Percent-encoding that is not UTF-8 stays literal ASCII text: storable, so never a 5xx; as a
      // conversation id it is outside the id charset, so it is a 400, not a lookup.
      assert.equal((await admin(app, '/admin/v1/conversations/%ED%A0%80abc/messages')).status, 400);
    });

    test('NUL and lone surrogates from the model are replaced: every call is audited (and refused, not written), and the turn is stored', async () => {
      const id = newConversationId();
      const token = await userToken('user-unicode', { email: 'ann@example.com' });
      const res = await chat(app, {
        id,
        token,
        text: "I'm Ann Lee, ann@example.com, please note my interest",
        puppet: {
          text: 'Saved \u0000 your \ud800 details',
          calls: [
            { tool: 'capture_lead', args: { name: 'Ann Lee', email: 'ann@example.com', notes: 'likes \ud800 and \u0000' }, confidence: 1 },
            { tool: 'capture_lead\u0000', args: { 'k\udc00': 1 }, confidence: 1 },
          ],
        },
      });
      assert.equal(res.status, 200);
      const reply = await res.json();
      assert.equal(reply.toolCalls.length, 2);
      // The mangled argument reaches the pipeline as U+FFFD and is refused by the schema: audited, never written.
      assert.equal(reply.toolCalls[0].decision, 'denied');
      assert.equal(reply.toolCalls[0].reason, 'invalid_input');
      assert.ok(reply.text.includes('\ufffd'));
      const after = await counts(db, id);
      assert.equal(after.audits, 2);
      assert.ok(after.assistant >= 2, 'the assistant and tool messages are stored');
      assert.deepEqual(await db.query(`select 1 from contacts where email = 'ann@example.com'`), []);
      assert.deepEqual((await (await admin(app, '/admin/v1/audit/verify')).json()).ok, true);
    });

    test('a 5,000-deep argument is a denied, audited call, not a crash', async () => {
      const id = newConversationId();
      const deep = '['.repeat(5000) + '"x"' + ']'.repeat(5000);
      const script = `{"calls":[{"tool":"capture_lead","args":{"name":${deep},"email":"a@example.com"},"confidence":1}],"text":"ok"}`;
      const res = await chat(app, { id, text: 'hi, a@example.com', headers: { 'x-puppet': Buffer.from(script).toString('base64url') } });
      assert.equal(res.status, 200);
      const reply = await res.json();
      assert.equal(reply.toolCalls[0].decision, 'denied');
      assert.equal(reply.toolCalls[0].reason, 'invalid_input');
      const audit = (await (await admin(app, `/admin/v1/audit?conversationId=${id}`)).json()).items;
      assert.equal(audit.length, 1);
      assert.equal(audit[0].reason, 'invalid_input');
      assert.ok((await counts(db, id)).assistant >= 1);
    });

    test('property: any user text and any model output through chat and every tool: no 5xx, an audit row per call, the history stored', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(hostileText, hostileText, async (userPart, modelPart) => {
          const id = newConversationId();
          const email = `fuzz${n++}@example.com`;
          const text = `I'm Ann Lee, ${email}. ${userPart}`;
          const calls = callsCarrying(modelPart, email);
          const res = await chat(app, { id, text, puppet: { text: modelPart, calls } });
          assert.ok(res.status < 500, `status ${res.status}`);
          const stored = await counts(db, id);
          if (!isStorable(text)) {
            assert.equal(res.status, 400);
            assert.equal((await res.json()).code, 'invalid_input');
            assert.equal(stored.messages, 0);
            return;
          }
          if (res.status !== 200) {
            // Only the message-length limit may refuse a storable message here.
            assert.equal(res.status, 422, await res.text());
            return;
          }
          await res.arrayBuffer();
          assert.equal(stored.audits, calls.length);
          assert.ok(stored.assistant >= 2, 'assistant and tool messages stored');
        }),
        { numRuns: 25 },
      );
      assert.equal(TOOL_NAMES.length, 3, 'callsCarrying covers every tool');
    });

    test('property: any text in any query or path parameter of any route: no 5xx', async () => {
      const document = await (await app.request('/openapi.json')).json();
      const routes = Object.entries(document.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>).flatMap(
        ([path, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [] })),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), hostileText, async (route, value) => {
          const encoded = encodeURIComponent(toStorable(value)).replace(/%EF%BF%BD/g, () => (Math.random() < 0.5 ? '%00' : '%ED%A0%80'));
          let url = route.path.replace(/\{[^}]+\}/g, encoded || 'x');
          const query = route.params.filter((p) => p.in === 'query').map((p) => `${p.name}=${encoded}`);
          if (query.length) url += `?${query.join('&')}`;
          const res = await app.request(url, { method: route.method, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
          assert.ok(res.status < 500, `${route.method} ${url}: ${res.status}`);
          await res.arrayBuffer();
        }),
        { numRuns: 80 },
      );
    });
  });
}
