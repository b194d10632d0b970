import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../src/store/database.ts';
import { closeConsoleDatabase, consoleDatabase, CONSOLE_ORIGIN, consoleRouteKeys, describeConsoleSecurity, postForm, signIn } from './support/console-security.ts';
import { ADMIN_TOKEN, testGateway, userToken, type App } from './support/gateway.ts';

const CASES: Record<string, { path: string; form?: Record<string, string> }> = {
  'GET /admin': { path: '/admin' },
  'GET /admin/assets/console.css': { path: '/admin/assets/console.css' },
  'GET /admin/assets/console.js': { path: '/admin/assets/console.js' },
  'GET /admin/sign-in': { path: '/admin/sign-in' },
  'POST /admin/sign-in': { path: '/admin/sign-in' },
  'POST /admin/sign-out': { path: '/admin/sign-out' },
  'GET /admin/exceptions': { path: '/admin/exceptions' },
  'POST /admin/exceptions/:id/retry': { path: '/admin/exceptions/1/retry' },
  'POST /admin/exceptions/:id/resolve': { path: '/admin/exceptions/1/resolve', form: { note: 'fixed by hand' } },
  'POST /admin/exceptions/:id/owner': { path: '/admin/exceptions/1/owner', form: { owner: 'Ada' } },
  'POST /admin/exceptions/stripe/:eventId/reprocess': { path: '/admin/exceptions/stripe/evt_console_security/reprocess' },
  'GET /admin/conversations': { path: '/admin/conversations' },
  'GET /admin/conversations/:id': { path: '/admin/conversations/conv_security_1' },
  'POST /admin/conversations/:id/takeover': { path: '/admin/conversations/conv_security_1/takeover' },
  'POST /admin/conversations/:id/handback': { path: '/admin/conversations/conv_security_1/handback' },
  'POST /admin/conversations/:id/reply': { path: '/admin/conversations/conv_security_1/reply', form: { text: 'hello' } },
  'GET /admin/requests': { path: '/admin/requests' },
  'GET /admin/billing': { path: '/admin/billing' },
  'GET /admin/billing/:customerId': { path: '/admin/billing/cus_security' },
  'GET /admin/audit': { path: '/admin/audit?decision=denied' },
  'GET /admin/workflows': { path: '/admin/workflows?window=week' },
  'GET /admin/digest': { path: '/admin/digest' },
  'POST /admin/digest/send': { path: '/admin/digest/send' },
  'GET /admin/trace/:id': { path: '/admin/trace/req-security-1' },
  'GET /admin/policy-shadow': { path: '/admin/policy-shadow' },
};

describe('founder console security', () => {
  after(closeConsoleDatabase);
  for (const [key, route] of Object.entries(CASES)) describeConsoleSecurity(key, route);
  consoleSessionTests();
});

function consoleSessionTests() {
  describe('console sessions', () => {
    let db: Database;
    let app: App;
    before(async () => {
      db = await consoleDatabase();
      ({ app } = await testGateway(db));
    });

    test('every console route is covered by the console security suite', () => {
      assert.deepEqual(consoleRouteKeys(app).filter((k) => !(k in CASES)), [], 'add the route to CASES');
      assert.deepEqual(Object.keys(CASES).filter((k) => !consoleRouteKeys(app).includes(k)), [], 'a case for a route that does not exist');
    });

    test('signing in sets an HttpOnly, Secure, SameSite=Strict __Host- cookie and puts no token in the page', async () => {
      const res = await postForm(app, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin: CONSOLE_ORIGIN });
      assert.equal(res.status, 303);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__Host-tg_console=[A-Za-z0-9_-]{43};/);
      for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(flag), flag);
      assert.doesNotMatch(cookie, /Domain=/i);
      const page = await (await app.request('/admin/exceptions', { headers: { cookie: cookie.split(';')[0]! } })).text();
      assert.ok(!page.includes(ADMIN_TOKEN), 'the admin token is not echoed');
      assert.doesNotMatch(page, /localStorage|sessionStorage/);
    });

    test('only a hash of the session id is stored, so the table cannot be replayed as cookies', async () => {
      const browser = await signIn(app);
      const rows = await db.query<{ id_hash: string; actor: string }>('select id_hash, actor from console_sessions');
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => r.id_hash !== browser.sessionId && /^[0-9a-f]{64}$/.test(r.id_hash)));
      assert.ok(rows.every((r) => r.actor === 'admin'));
    });

    test('a wrong token, a customer token and a role outside app_metadata are refused; an admin JWT signs in', async () => {
      const customer = await userToken('user-console-customer', { email: 'c@example.com' });
      const sneaky = await userToken('user-console-sneaky', { role: 'admin', user_metadata: { role: 'admin' } });
      for (const [what, token] of [['wrong', `${ADMIN_TOKEN}x`], ['customer', customer], ['sneaky', sneaky], ['blank', ' ']] as const) {
        const res = await postForm(app, '/admin/sign-in', { token }, { origin: CONSOLE_ORIGIN });
        assert.equal(res.status, 401, what);
        assert.equal(res.headers.get('set-cookie'), null, what);
      }
      const admin = await userToken('user-console-root', { app_metadata: { role: 'admin' } });
      const browser = await signIn(app, admin);
      assert.equal((await db.query(`select 1 from console_sessions where actor = 'user:user-console-root'`)).length, 1);
      assert.equal((await app.request('/admin/exceptions', { headers: { cookie: browser.cookie } })).status, 200);
    });

    test('sign-in from another origin is refused (login CSRF)', async () => {
      const res = await postForm(app, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin: 'https://evil.example' });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('set-cookie'), null);
    });

    test('failed sign-ins from one address are limited like bad API tokens', async () => {
      // A gateway of its own (its own in-memory limiter and configuration) over the same database.
      const { app: limited } = await testGateway(db);
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await postForm(limited, '/admin/sign-in', { token: `wrong-${i}` }, { origin: CONSOLE_ORIGIN })).status);
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
      assert.deepEqual(statuses.slice(20), [429, 429]);
    });

    test('signing out revokes the session server-side and clears the cookie', async () => {
      const browser = await signIn(app);
      const res = await postForm(app, '/admin/sign-out', { _csrf: browser.csrf }, { cookie: browser.cookie, origin: CONSOLE_ORIGIN });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('set-cookie') ?? '', /__Host-tg_console=;.*Max-Age=0/);
      const again = await app.request('/admin/exceptions', { headers: { cookie: browser.cookie } });
      assert.equal(again.status, 303, 'a copied cookie no longer opens the console');
    });

    test('a session lasts CONSOLE_SESSION_HOURS', async () => {
      // A gateway of its own (its own in-memory limiter and configuration) over the same database.
      const { app: short } = await testGateway(db, { CONSOLE_SESSION_HOURS: '2' });
      const res = await postForm(short, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin: CONSOLE_ORIGIN });
      assert.match(res.headers.get('set-cookie') ?? '', /Max-Age=7200/);
      const [row] = await db.query<{ hours: number }>('select extract(epoch from (expires_at - created_at)) / 3600 as hours from console_sessions order by created_at desc limit 1');
      assert.equal(Math.round(Number(row!.hours)), 2);
    });

    test('over http the cookie has no __Host- prefix and no Secure flag (local embedded mode)', async () => {
      // A gateway of its own (its own in-memory limiter and configuration) over the same database.
      const { app: local } = await testGateway(db, { PUBLIC_BASE_URL: 'http://127.0.0.1:3000' });
      const res = await postForm(local, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin: 'http://127.0.0.1:3000' });
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^tg_console=/);
      assert.doesNotMatch(cookie, /Secure/);
      assert.match(cookie, /HttpOnly/);
    });

    test('with a loopback base URL the other loopback names of the same port may sign in; a public base URL accepts only itself', async () => {
      // Gateways of their own (their own in-memory limiter and configuration) over the same database.
      const { app: local } = await testGateway(db, { PUBLIC_BASE_URL: 'http://localhost:3000' });
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
        assert.equal((await postForm(local, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin })).status, 303, origin);
      }
      for (const origin of ['http://127.0.0.1:4000', 'https://127.0.0.1:3000', 'http://evil.example:3000', 'http://localhost.evil.example:3000']) {
        assert.equal((await postForm(local, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin })).status, 403, origin);
      }
      const { app: hosted } = await testGateway(db, { PUBLIC_BASE_URL: 'https://chat.example' });
      assert.equal((await postForm(hosted, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin: 'https://chat.example' })).status, 303);
      for (const origin of ['http://127.0.0.1:3000', 'http://localhost:3000', 'https://localhost']) {
        assert.equal((await postForm(hosted, '/admin/sign-in', { token: ADMIN_TOKEN }, { origin })).status, 403, origin);
      }
    });

    test('the console session does not open the admin API, which still wants its bearer token', async () => {
      const browser = await signIn(app);
      assert.equal((await app.request('/admin/v1/exceptions', { headers: { cookie: browser.cookie } })).status, 401);
    });
  });
}
