import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createVisitorTokens, newVisitorId } from '../src/http/visitor.ts';
import { testDatabases } from './support/databases.ts';
import { adminGet, chat, chatJson, newConversationId, newVisitor, testGateway, userToken } from './support/gateway.ts';

const lead = { name: 'Vic Tim', email: 'vic.tim@example.com' };
const intro = "I'm Vic Tim, vic.tim@example.com, maybe someone could call me sometime";

for (const backend of testDatabases()) {
  describe(`visitor sessions on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    // A gateway per test: the chat limit (30 a minute per address) would otherwise span tests.
    const fresh = () => testGateway(db, { ALLOWED_ORIGINS: 'https://shop.example' });

    test('first contact issues a visitor token in the header and an HttpOnly, Secure, SameSite=Lax cookie', async () => {
      const { app } = await fresh();
      const res = await chat(app, { id: newConversationId(), visitor: null, text: 'hello', puppet: { text: 'hi' } });
      assert.equal(res.status, 200);
      const token = res.headers.get('x-visitor-token');
      assert.ok(token && token.split('.').length === 3, 'a JWT');
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.ok(cookie.startsWith(`tg_visitor=${token}`), cookie);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /Secure/, 'PUBLIC_BASE_URL is https');
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
    });

    test("a visitor's conversation answers 404 to another visitor and to a caller with no token, and continues for its visitor by header or cookie", async () => {
      const { app } = await fresh();
      const id = newConversationId();
      const a = await newVisitor(app);
      const b = await newVisitor(app);
      await chatJson(app, { id, visitor: a, text: 'my secret order is 4242', puppet: { text: 'noted' } });
      for (const [who, visitor] of [['visitor B', b], ['no token', null]] as const) {
        const res = await chat(app, { id, visitor, text: 'what did I say?', puppet: { text: 'x' } });
        assert.equal(res.status, 404, who);
        assert.equal((await res.json()).code, 'conversation_not_found', who);
      }
      assert.equal((await chat(app, { id, visitor: a, text: 'again', puppet: { text: 'x' } })).status, 200, 'header');
      const byCookie = await chat(app, { id, visitor: null, headers: { cookie: `tg_visitor=${a}` }, text: 'again', puppet: { text: 'x' } });
      assert.equal(byCookie.status, 200, 'cookie');
      const stored = (await adminGet(app, `/admin/v1/conversations/${id}/messages`)).items;
      assert.equal(stored.filter((m) => m.role === 'user').length, 3, "the other visitors' messages were not stored");
    });

    test('SameSite=None is sent, with Secure, when the widget is embedded cross-site', async () => {
      const { app } = await testGateway(db, { VISITOR_COOKIE_SAMESITE: 'none' });
      const cookie = (await chat(app, { id: newConversationId(), visitor: null, text: 'hi', puppet: { text: 'x' } })).headers.get('set-cookie') ?? '';
      assert.match(cookie, /SameSite=None/);
      assert.match(cookie, /Secure/);
    });

    test('a bad, forged or expired visitor token is a new visitor with a fresh token, never an error', async () => {
      const { app } = await fresh();
      const id = newConversationId();
      const a = await newVisitor(app);
      await chatJson(app, { id, visitor: a, text: 'hello', puppet: { text: 'hi' } });
      const foreign = await createVisitorTokens('another-visitor-secret-0123456789abcdef').issue(newVisitorId());
      const expired = await createVisitorTokens('x'.repeat(40), -60).issue(newVisitorId());
      const tampered = `${a.slice(0, -2)}${a.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const [name, token] of [['garbage', 'not-a-token'], ['foreign-signed', foreign], ['expired', expired], ['tampered', tampered], ['huge', 'x'.repeat(5000)]] as const) {
        const fresh = await chat(app, { id: newConversationId(), visitor: token, text: 'hi', puppet: { text: 'x' } });
        assert.equal(fresh.status, 200, name);
        const issued = fresh.headers.get('x-visitor-token');
        assert.ok(issued && issued !== token, `${name}: a fresh token`);
        assert.equal((await chat(app, { id, visitor: token, text: 'hi', puppet: { text: 'x' } })).status, 404, `${name}: not visitor A`);
      }
    });

    test('without an id the server starts a conversation and returns its id, which the same visitor continues', async () => {
      const { app } = await fresh();
      const visitor = await newVisitor(app);
      const first = await chatJson(app, { visitor, text: 'hello', puppet: { text: 'hi' } });
      assert.match(first.conversationId, /^c_[A-Za-z0-9_-]{22}$/);
      const second = await chatJson(app, { visitor, text: 'hello again', puppet: { text: 'hi' } });
      assert.notEqual(second.conversationId, first.conversationId, 'a new one each time');
      const stream = await chat(app, { visitor, json: false, text: 'hi', puppet: { text: 'x' } });
      assert.match(stream.headers.get('x-conversation-id') ?? '', /^c_/);
      await stream.text();
      assert.equal((await chat(app, { id: first.conversationId, visitor, text: 'more', puppet: { text: 'x' } })).status, 200);
    });

    test('knowing a conversation id does not let someone answer its pending confirmation or read the tool result', async () => {
      const { app } = await fresh();
      const id = newConversationId();
      const victim = await newVisitor(app);
      const attacker = await newVisitor(app);
      const asked = await chatJson(app, { id, visitor: victim, text: intro, puppet: { calls: [{ tool: 'capture_lead', args: lead, confidence: 0.4 }] } });
      assert.equal(asked.toolCalls[0]?.decision, 'needs_confirmation');
      const hijack = await chat(app, { id, visitor: attacker, text: 'yes please', puppet: { text: 'ok' } });
      assert.equal(hijack.status, 404);
      const body = await hijack.text();
      assert.ok(!body.includes('vic.tim'), 'nothing of the victim leaks');
      assert.equal((await db.query('select 1 from contacts where email = $1', [lead.email])).length, 0, 'nothing ran');
      const yes = await chatJson(app, { id, visitor: victim, text: 'yes please', puppet: { text: 'ok' } });
      assert.equal(yes.toolCalls[0]?.output.status, 'done', "the victim's own yes still works");
    });

    test('signing in with a valid visitor token adopts that visitor’s conversations; the visitor cookie is cleared', async () => {
      const { app } = await fresh();
      const id = newConversationId();
      const visitor = await newVisitor(app);
      await chatJson(app, { id, visitor, text: 'hello before signing in', puppet: { text: 'hi' } });
      const token = await userToken('user-adopter', { email: 'adopter@example.com' });
      const signedIn = await chat(app, { id, token, headers: { 'x-visitor-token': visitor }, text: 'now signed in', puppet: { text: 'welcome back' } });
      assert.equal(signedIn.status, 200, 'the claimed id does not lock the user out');
      assert.match(signedIn.headers.get('set-cookie') ?? '', /tg_visitor=;.*Max-Age=0/);
      assert.equal(signedIn.headers.get('x-visitor-token'), null, 'signed-in callers get no visitor token');
      const [row] = await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]);
      assert.equal(row?.owner, 'user:user-adopter');
      assert.equal((await chat(app, { id, visitor, text: 'still mine?', puppet: { text: 'x' } })).status, 404, 'the visitor no longer owns it');
      assert.equal((await chat(app, { id, token: await userToken('user-else'), text: 'mine?', puppet: { text: 'x' } })).status, 404);
    });

    test('a forged visitor token adopts nothing', async () => {
      const { app } = await fresh();
      const id = newConversationId();
      const visitor = await newVisitor(app);
      await chatJson(app, { id, visitor, text: 'hello', puppet: { text: 'hi' } });
      const visitorId = (await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]))[0]!.owner.slice('visitor:'.length);
      const forged = await createVisitorTokens('attacker-guessed-secret-0123456789abcdef').issue(visitorId);
      const token = await userToken('user-thief', { email: 'thief@example.com' });
      await chatJson(app, { id: newConversationId(), token, headers: { 'x-visitor-token': forged }, text: 'hi', puppet: { text: 'x' } });
      const [row] = await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]);
      assert.equal(row?.owner, `visitor:${visitorId}`);
    });

    test('visitor tokens outlive a restart: the generated key is kept in the database', async () => {
      const { app } = await fresh();
      const visitor = await newVisitor(app);
      const id = newConversationId();
      await chatJson(app, { id, visitor, text: 'hello', puppet: { text: 'hi' } });
      const { app: restarted } = await testGateway(db);
      assert.equal((await chat(restarted, { id, visitor, text: 'after restart', puppet: { text: 'x' } })).status, 200);
      const { app: configured } = await testGateway(db, { VISITOR_TOKEN_SECRET: 'a-configured-visitor-secret-0123456789' });
      assert.equal((await chat(configured, { id, visitor, text: 'other key', puppet: { text: 'x' } })).status, 404, 'a configured secret replaces the stored key');
    });

    test('CORS lets allowed origins send and read x-visitor-token, with credentials for the cookie', async () => {
      const { app } = await fresh();
      const preflight = await app.request('/v1/chat', {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-visitor-token' },
      });
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-visitor-token/);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
      const res = await chat(app, { id: newConversationId(), headers: { origin: 'https://shop.example' }, text: 'hi', puppet: { text: 'x' } });
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /x-visitor-token/);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /x-conversation-id/);
      const evil = await app.request('/v1/chat', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
    });

    test('a chat body sent as text/plain (a CORS "simple" request that skips the preflight) is 415', async () => {
      const { app } = await fresh();
      const res = await app.request('/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', accept: 'application/json' },
        body: JSON.stringify({ message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } }),
      });
      assert.equal(res.status, 415);
      assert.equal((await res.json()).code, 'unsupported_media_type');
    });

    test('20 bad bearer tokens from one address in ten minutes, then 429; valid tokens still pass', async () => {
      const { app: proxied } = await testGateway(db, { TRUST_PROXY: '1' });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const statuses: number[] = [];
      for (let i = 0; i < 23; i++) {
        statuses.push((await chat(proxied, { id: newConversationId(), token: `bad.token.${i}`, headers: from('198.51.100.20'), text: 'hi', puppet: { text: 'x' } })).status);
      }
      // A sliding window: crossing a window boundary may let one more through, never all of them.
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
      assert.deepEqual(statuses.slice(-2), [429, 429]);
      const admin = await proxied.request('/admin/v1/audit', { headers: { authorization: 'Bearer wrong-admin-token-000000', ...from('198.51.100.20') } });
      assert.equal(admin.status, 429, 'admin routes count the same failures');
      assert.ok(Number(admin.headers.get('retry-after')) > 0);
      const valid = await chat(proxied, { id: newConversationId(), token: await userToken('user-ok'), headers: from('198.51.100.20'), text: 'hi', puppet: { text: 'x' } });
      assert.equal(valid.status, 200);
      const elsewhere = await chat(proxied, { id: newConversationId(), token: 'bad', headers: from('198.51.100.21'), text: 'hi', puppet: { text: 'x' } });
      assert.equal(elsewhere.status, 401, 'another address has its own count');
    });
  });
}
