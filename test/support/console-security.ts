import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { ADMIN_TOKEN, JWT_SECRET, testGateway, userToken, type App } from './gateway.ts';

/**
 * The founder console's share of the route security suite. The console is a browser
 * application outside the OpenAPI document, so its routes are listed from the app itself
 * (`consoleRouteKeys`) and each must be described here, like API routes in route-security.ts.
 *
 * - pages (GET): no cookie, a forged, expired or signed-out session, and the admin bearer
 *   token without a cookie all lead to the sign-in form, never to the page;
 * - actions (POST): no session is 401; a session without the form's CSRF token, with a wrong
 *   one or with another session's is 403; a form from another origin, or with no origin at
 *   all, is 403; the right session, token and origin get through;
 * - every route: hostile values in path parameters are a 4xx, never a 5xx; nothing answered
 *   contains a configured secret, the session id or a stack trace.
 */

export const CONSOLE_ORIGIN = 'https://gateway.test';

export interface ConsoleCase {
  /** The concrete path (parameters filled in). */
  path: string;
  /** Extra form fields an action needs to succeed. */
  form?: Record<string, string>;
}

export interface ConsoleBrowser {
  cookie: string;
  sessionId: string;
  csrf: string;
}

/** Signs in through the form as a browser would, and reads the CSRF token from a page. */
export async function signIn(app: App, token = ADMIN_TOKEN): Promise<ConsoleBrowser> {
  const res = await app.request('/admin/sign-in', {
    method: 'POST',
    headers: { origin: CONSOLE_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  assert.equal(res.status, 303, await res.clone().text());
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const sessionId = cookie.slice(cookie.indexOf('=') + 1);
  const page = await (await app.request('/admin/digest', { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  assert.ok(csrf, 'a signed-in page carries the CSRF token');
  return { cookie, sessionId, csrf };
}

export function postForm(app: App, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

/** `METHOD /path` for every console route the app serves (parameters as `:name`). */
export function consoleRouteKeys(app: App): string[] {
  return [
    ...new Set(
      app.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST')
        .filter((r) => /^\/admin(\/(?!v1\/)|$)/.test(r.path) && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
}

const HOSTILE = ['%00', '%ED%A0%80', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', 'x'.repeat(3000), "'%20or%201=1--"];

function assertLeaksNothing(body: string, what: string, sessionId?: string) {
  for (const secret of [ADMIN_TOKEN, JWT_SECRET, ...(sessionId ? [sessionId] : [])]) assert.ok(!body.includes(secret), `${what}: a secret leaked`);
  assert.doesNotMatch(body, /\n\s+at .+\(.+:\d+:\d+\)/, `${what}: a stack trace leaked`);
}

async function assertProblem(res: Response, status: number, code: string, what: string) {
  assert.equal(res.status, status, `${what}: ${await res.clone().text()}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  assert.equal((await res.json()).code, code, what);
}

/**
 * One embedded database for every console suite in a file: opening and migrating PGlite takes
 * half a minute on a loaded machine, and each suite signs in its own sessions anyway.
 * The test file closes it with `after(closeConsoleDatabase)`.
 */
let shared: Promise<Database> | null = null;
export const consoleDatabase = () =>
  (shared ??= openPglite().then(async (db) => {
    await migrate(db);
    return db;
  }));
export async function closeConsoleDatabase() {
  if (shared) await (await shared).close();
  shared = null;
}

export function describeConsoleSecurity(key: string, route: ConsoleCase | ((db: Database, app: App) => Promise<ConsoleCase>)) {
  const [method, template] = key.split(' ') as ['GET' | 'POST', string];
  const open = template === '/admin/sign-in' || template.startsWith('/admin/assets/');

  describe(`console security of ${key}`, () => {
    // Set up in a hook, not in an async describe body: the tests are then registered at once
    // and an enclosing suite cannot finish before they start.
    let db: Database;
    let app: App;
    before(async () => {
      db = await consoleDatabase();
      ({ app } = await testGateway(db));
      assert.ok(consoleRouteKeys(app).includes(key), `${key} is not a console route`);
    });
    const resolve = async () => (typeof route === 'function' ? route(db, app) : route);

    const asGet = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

    if (!open && method === 'GET') {
      test('without a live session the page is never shown: the browser goes to the sign-in form', async () => {
        const { path } = await resolve();
        const signedOut = await signIn(app);
        await postForm(app, '/admin/sign-out', { _csrf: signedOut.csrf }, { cookie: signedOut.cookie, origin: CONSOLE_ORIGIN });
        const expired = await signIn(app);
        await db.query(`update console_sessions set expires_at = now() - interval '1 second' where id_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [expired.sessionId]);
        const cases: Array<[string, Record<string, string>]> = [
          ['no cookie', {}],
          ['a forged session id', { cookie: `__Host-tg_console=${'A'.repeat(43)}` }],
          ['a malformed cookie', { cookie: '__Host-tg_console=%00%ff' }],
          ['a signed-out session', { cookie: signedOut.cookie }],
          ['an expired session', { cookie: expired.cookie }],
          ['the admin bearer token without a cookie', { authorization: `Bearer ${ADMIN_TOKEN}` }],
        ];
        for (const [what, headers] of cases) {
          const res = await asGet(path, headers);
          assert.equal(res.status, 303, what);
          assert.equal(res.headers.get('location'), '/admin/sign-in', what);
          assertLeaksNothing(await res.text(), what);
        }
      });

      test('with a session the page is served, never cached, under the console policy', async () => {
        const { path } = await resolve();
        const browser = await signIn(app);
        const res = await asGet(path, { cookie: browser.cookie });
        const onward = res.status === 303 && res.headers.get('location') !== '/admin/sign-in';
        assert.ok([200, 404].includes(res.status) || onward, `answered ${res.status}`);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/);
        assertLeaksNothing(await res.text(), 'page', browser.sessionId);
      });
    }

    if (!open && method === 'POST') {
      test('no session is 401, whatever else the form carries', async () => {
        const { path, form } = await resolve();
        const browser = await signIn(app);
        await assertProblem(await postForm(app, path, { ...form, _csrf: browser.csrf }, { origin: CONSOLE_ORIGIN }), 401, 'unauthorized', 'no cookie');
        await assertProblem(
          await postForm(app, path, { ...form, _csrf: browser.csrf }, { origin: CONSOLE_ORIGIN, authorization: `Bearer ${ADMIN_TOKEN}` }),
          401,
          'unauthorized',
          'bearer token instead of a session',
        );
      });

      test("a missing, wrong or another session's CSRF token is 403", async () => {
        const { path, form } = await resolve();
        const browser = await signIn(app);
        const other = await signIn(app);
        const headers = { cookie: browser.cookie, origin: CONSOLE_ORIGIN };
        await assertProblem(await postForm(app, path, { ...form }, headers), 403, 'forbidden', 'no token');
        await assertProblem(await postForm(app, path, { ...form, _csrf: `${browser.csrf}x` }, headers), 403, 'forbidden', 'wrong token');
        await assertProblem(await postForm(app, path, { ...form, _csrf: other.csrf }, headers), 403, 'forbidden', "another session's token");
      });

      test('a form from another origin, or with no origin, is 403 even with the right session and token', async () => {
        const { path, form } = await resolve();
        const browser = await signIn(app);
        const fields = { ...form, _csrf: browser.csrf };
        await assertProblem(await postForm(app, path, fields, { cookie: browser.cookie, origin: 'https://evil.example' }), 403, 'forbidden', 'other origin');
        await assertProblem(await postForm(app, path, fields, { cookie: browser.cookie, origin: 'null' }), 403, 'forbidden', 'opaque origin');
        await assertProblem(await postForm(app, path, fields, { cookie: browser.cookie }), 403, 'forbidden', 'no origin');
        await assertProblem(await postForm(app, path, fields, { cookie: browser.cookie, 'sec-fetch-site': 'cross-site' }), 403, 'forbidden', 'cross-site fetch');
      });

      test('the right session, token and origin get through without a 5xx', async () => {
        const { path, form } = await resolve();
        const browser = await signIn(app);
        const res = await postForm(app, path, { ...form, _csrf: browser.csrf }, { cookie: browser.cookie, origin: CONSOLE_ORIGIN });
        assert.ok(![401, 403].includes(res.status) && res.status < 500, `answered ${res.status}: ${await res.clone().text()}`);
        assertLeaksNothing(await res.text(), 'action', browser.sessionId);
      });
    }

    if (template.includes(':')) {
      test('hostile values in path parameters are a 4xx or the not-found page, never a 5xx', async () => {
        const browser = await signIn(app);
        for (const value of HOSTILE) {
          const path = template.replace(/:[A-Za-z]+/g, value);
          const res =
            method === 'GET'
              ? await asGet(path, { cookie: browser.cookie })
              : await postForm(app, path, { _csrf: browser.csrf, note: 'n', text: 't', owner: 'o' }, { cookie: browser.cookie, origin: CONSOLE_ORIGIN });
          assert.ok(res.status < 500, `${value.slice(0, 20)}: answered ${res.status}`);
          assert.ok(res.status === 303 || res.status >= 400, `${value.slice(0, 20)}: answered ${res.status}, expected a refusal or a redirect back`);
          assertLeaksNothing(await res.text(), value.slice(0, 20), browser.sessionId);
        }
      });
    }
  });
}

export { userToken };
