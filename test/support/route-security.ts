import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { ADMIN_TOKEN, JWT_SECRET, testGateway, userToken, type App } from './gateway.ts';

/**
 * The security checks every route gets (the pattern of Unkey's common route tests):
 * what a route must refuse follows from who may call it, and who may call it is read
 * from the route's own contract (its OpenAPI `security`), never restated here.
 *
 * - admin routes: no token, a malformed token, an expired token and a token signed with
 *   another secret are 401; a customer's token is 403; the admin token gets through.
 * - caller routes (visitors and users): no token is an anonymous caller, who is issued a
 *   visitor token; a malformed, expired or foreign-signed token is 401, never a downgrade
 *   to anonymous; another user's or another visitor's resource is 404, exactly like a missing one.
 * - user routes (a signed-in user's own data): no token and a bad token are 401; a customer's
 *   token is answered; another user is never shown the owner's data.
 * - public routes: answer the same whatever credentials come along, and leak nothing.
 * - every route: hostile Unicode and oversized values in each path and query parameter (and a
 *   body `id`) are refused with a 4xx problem, never a 5xx; ids are 400.
 *
 * Every route's test file calls `describeRouteSecurity` for each of its routes;
 * `src/routes/route-security.test.ts` fails when a documented route has no such call.
 */

export type Access = 'public' | 'caller' | 'user' | 'admin';

/** `METHOD /path` as the OpenAPI document spells it, e.g. `POST /admin/v1/jobs/{id}/retry`. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export interface RouteRequest {
  /** The concrete path (parameters filled in, query allowed). */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Who is calling: a bearer token, a visitor token, or neither (a new anonymous visitor). */
export interface Caller {
  token?: string;
  visitor?: string;
}

export interface RouteSecurityCase {
  /** A request this route answers successfully for an allowed caller (built fresh for every call). */
  request: () => RouteRequest;
  /**
   * Routes that serve one caller's own resources: create one as `owner` (a signed-in user or a
   * visitor) and return the request that reads it again as someone. Required for caller routes.
   */
  ownedResource?: (app: App, owner: Caller) => Promise<(caller: Caller) => Response | Promise<Response>>;
  /**
   * Caller routes that read one owned resource by id: what `request()` answers a caller who owns
   * nothing (404, as for anyone else's). The owner's 200 is then checked through `ownedResource`.
   */
  unownedStatus?: 404;
}

/**
 * Hostile values for a parameter, as they arrive in a URL (percent-encoded): NUL, an encoded
 * lone surrogate, overlong UTF-8, bidi and zero-width characters, path traversal, 4-byte
 * characters and a value far past any length limit.
 */
const HOSTILE_IN_URL = ['%00', 'a%00b', '%ED%A0%80', '%C0%AF', '%E2%80%AE%E2%80%8B', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98%80'.repeat(40), 'x'.repeat(3000)];
/** The same in a JSON body, where a lone surrogate arrives as itself. */
const HOSTILE_IN_JSON = ['\u0000', 'conv\u0000_000001', '\ud800\ud800\ud800\ud800', 'conv_\udfff_0001', '\u202e\u200bconv_0001', '../../etc/passwd', '😀'.repeat(40), 'x'.repeat(3000), ' '.repeat(10)];

const OTHER_SECRET = 'another-jwt-secret-that-is-not-configured-0000';

/** Who may call the route, from its `security` in the OpenAPI document. */
export function accessOf(operation: { security?: Array<Record<string, string[]>> }): Access {
  const security = operation.security ?? [];
  if (security.length === 0) return 'public';
  if (security.some((requirement) => Object.keys(requirement).length === 0)) return 'caller';
  if (security.some((requirement) => Object.values(requirement).some((roles) => roles.includes('admin')))) return 'admin';
  if (security.every((requirement) => Object.keys(requirement).length === 1 && requirement.bearer?.length === 0)) return 'user';
  throw new Error(`no security checks defined for ${JSON.stringify(security)}`);
}

async function signed(claims: Record<string, unknown>, options: { secret?: string; expiresAt?: number } = {}) {
  return new SignJWT({ aud: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.sub ?? 'user-security'))
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

/** Credentials that must never get past authentication, for the given role claims. */
async function badCredentials(claims: Record<string, unknown>): Promise<Array<[name: string, header: string]>> {
  return [
    ['a malformed token', 'Bearer not-a-token'],
    ['a non-bearer scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['a truncated admin token', `Bearer ${ADMIN_TOKEN.slice(0, -1)}`],
    ['an expired token', `Bearer ${await signed(claims, { expiresAt: Math.floor(Date.now() / 1000) - 60 })}`],
    ['a token signed with another secret', `Bearer ${await signed(claims, { secret: OTHER_SECRET })}`],
  ];
}

function send(app: App, method: string, request: RouteRequest, authorization?: string, visitor?: string) {
  const headers: Record<string, string> = { ...request.headers };
  if (authorization) headers.authorization = authorization;
  if (visitor) headers['x-visitor-token'] = visitor;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return app.request(request.path, { method, headers, ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}) });
}

async function assertProblem(res: Response, status: number, code: string, what: string) {
  assert.equal(res.status, status, what);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  const body = await res.json();
  assert.equal(body.code, code, what);
  assert.equal(typeof body.requestId, 'string', what);
}

/** No configured secret and no stack trace in a response body. */
function assertLeaksNothing(body: string, what: string) {
  for (const secret of [ADMIN_TOKEN, JWT_SECRET]) assert.ok(!body.includes(secret), `${what}: a configured secret leaked`);
  assert.doesNotMatch(body, /\n\s+at .+\(.+:\d+:\d+\)/, `${what}: a stack trace leaked`);
}

export function describeRouteSecurity(key: RouteKey, route: RouteSecurityCase) {
  const [method, template] = key.split(' ') as [string, string];

  describe(`security of ${key}`, async () => {
    const db = await openPglite();
    await migrate(db);
    after(() => db.close());
    const { app } = await testGateway(db);
    const document = await (await app.request('/openapi.json')).json();
    const operation = document.paths?.[template]?.[method.toLowerCase()];
    assert.ok(operation, `${key} is not in the OpenAPI document`);
    const access = accessOf(operation);
    const customer = await userToken('user-security-customer', { email: 'customer@example.com' });

    if (access === 'admin') {
      test('no token is 401 with a Bearer challenge', async () => {
        const res = await send(app, method, route.request());
        assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        await assertProblem(res, 401, 'unauthorized', 'no token');
      });

      test('a malformed, truncated, expired or foreign-signed token is 401', async () => {
        for (const [name, header] of await badCredentials({ app_metadata: { role: 'admin' } })) {
          await assertProblem(await send(app, method, route.request(), header), 401, 'unauthorized', name);
        }
      });

      test("a customer's token is 403", async () => {
        await assertProblem(await send(app, method, route.request(), `Bearer ${customer}`), 403, 'forbidden', 'customer token');
      });

      test('the admin token gets past authentication and the answer leaks nothing', async () => {
        const res = await send(app, method, route.request(), `Bearer ${ADMIN_TOKEN}`);
        assert.ok(![401, 403].includes(res.status), `admin token answered ${res.status}`);
        assert.ok(res.status < 500, `admin token answered ${res.status}`);
        assertLeaksNothing(await res.text(), 'admin answer');
      });
    }

    if (access === 'caller') {
      const answered = route.unownedStatus ?? 200;
      test('no token is an anonymous caller and is answered', async () => {
        const res = await send(app, method, route.request());
        assert.equal(res.status, answered, await res.clone().text());
      });

      test("a customer's token is answered", async () => {
        assert.equal((await send(app, method, route.request(), `Bearer ${customer}`)).status, answered);
      });

      test('a malformed, truncated, expired or foreign-signed token is 401, never a downgrade to anonymous', async () => {
        for (const [name, header] of await badCredentials({ sub: 'user-security-expired' })) {
          const res = await send(app, method, route.request(), header);
          assert.equal(res.headers.get('www-authenticate'), 'Bearer', name);
          await assertProblem(res, 401, 'unauthorized', name);
        }
      });

      test("another user's resource is 404, like a missing one", async () => {
        assert.ok(route.ownedResource, `${key} serves callers, so it needs an ownedResource case`);
        const owner = await userToken('user-security-owner', { email: 'owner@example.com' });
        const other = await userToken('user-security-other', { email: 'other@example.com' });
        const readAs = await route.ownedResource(app, { token: owner });
        for (const [who, caller] of [['another user', { token: other }], ['an anonymous caller', {}]] as const) {
          const res = await readAs(caller);
          assert.equal(res.status, 404, who);
          const body = await res.text();
          assert.ok(!body.includes('user-security-owner') && !body.includes('owner@example.com'), `${who}: the owner leaked`);
        }
        assert.equal((await readAs({ token: owner })).status, 200, 'the owner');
      });

      test("an anonymous caller is issued a visitor token, and another visitor's resource is 404", async () => {
        const visitorOf = async () => {
          const res = await send(app, method, route.request());
          const token = res.headers.get('x-visitor-token');
          assert.ok(token, 'an anonymous answer carries x-visitor-token');
          assert.match(res.headers.get('set-cookie') ?? '', /tg_visitor=.*HttpOnly/);
          return token;
        };
        const [a, b] = [await visitorOf(), await visitorOf()];
        assert.ok(route.ownedResource, `${key} serves callers, so it needs an ownedResource case`);
        const readAs = await route.ownedResource(app, { visitor: a });
        for (const [who, caller] of [['another visitor', { visitor: b }], ['a caller without a visitor token', {}], ['a signed-in user', { token: customer }]] as const) {
          assert.equal((await readAs(caller)).status, 404, who);
        }
        assert.equal((await readAs({ visitor: a })).status, 200, 'the visitor who owns it');
      });
    }

    test('hostile Unicode and oversized values in parameters are refused with a 4xx problem, never a 5xx', async () => {
      const authorization = access === 'admin' ? `Bearer ${ADMIN_TOKEN}` : undefined;
      const base = route.request();
      const [pathname = '', query = ''] = base.path.split('?');
      const attempts: Array<{ what: string; request: RouteRequest; isId: boolean }> = [];
      const parameters = (operation.parameters ?? []) as Array<{ name: string; in: string }>;
      for (const parameter of parameters.filter((p) => p.in === 'path' || p.in === 'query')) {
        const isId = parameter.in === 'path' || /id$/i.test(parameter.name);
        for (const value of HOSTILE_IN_URL) {
          let path: string;
          if (parameter.in === 'path') {
            const segments = template.split('/');
            const actual = pathname.split('/');
            path = segments.map((segment, i) => (segment === `{${parameter.name}}` ? value : actual[i])).join('/') + (query ? `?${query}` : '');
          } else {
            const others = query.split('&').filter((pair) => pair && !pair.startsWith(`${parameter.name}=`));
            path = `${pathname}?${[...others, `${parameter.name}=${value}`].join('&')}`;
          }
          attempts.push({ what: `${parameter.in} ${parameter.name}=${value.slice(0, 24)}`, request: { ...base, path }, isId });
        }
      }
      if (base.body && typeof base.body === 'object' && 'id' in base.body) {
        for (const value of HOSTILE_IN_JSON) attempts.push({ what: `body id ${JSON.stringify(value.slice(0, 12))}`, request: { ...base, body: { ...base.body, id: value } }, isId: true });
      }
      for (const attempt of attempts) {
        const res = await send(app, method, attempt.request, authorization);
        const text = await res.text();
        assert.ok(res.status < 500, `${attempt.what}: answered ${res.status} ${text.slice(0, 200)}`);
        assertLeaksNothing(text, attempt.what);
        if (attempt.isId) {
          // A resource named by a hostile id can only be missing (404) or the id refused (400).
          assert.ok([400, 404].includes(res.status), `${attempt.what}: answered ${res.status}`);
        }
        if (res.status >= 400) assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, attempt.what);
      }
    });
    if (access === 'user') {
      test('no token is 401 with a Bearer challenge', async () => {
        const res = await send(app, method, route.request());
        assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        await assertProblem(res, 401, 'unauthorized', 'no token');
      });

      test('a malformed, truncated, expired or foreign-signed token is 401', async () => {
        for (const [name, header] of await badCredentials({ sub: 'user-security-expired' })) {
          await assertProblem(await send(app, method, route.request(), header), 401, 'unauthorized', name);
        }
      });

      test("a customer's token is answered and the answer leaks nothing", async () => {
        const res = await send(app, method, route.request(), `Bearer ${customer}`);
        assert.equal(res.status, 200);
        assertLeaksNothing(await res.text(), 'customer answer');
      });

      test("another user is never shown the owner's data", async () => {
        assert.ok(route.ownedResource, `${key} serves a user's own data, so it needs an ownedResource case`);
        const owner = await userToken('user-security-owner', { email: 'owner@example.com' });
        const other = await userToken('user-security-other', { email: 'other@example.com' });
        const readAs = await route.ownedResource(app, { token: owner });
        const res = await readAs({ token: other });
        assert.ok([200, 404].includes(res.status), `another user answered ${res.status}`);
        const body = await res.text();
        assert.ok(!body.includes('user-security-owner') && !body.includes('owner@example.com') && !body.includes('OWNER-CANARY'), 'the owner leaked');
        const own = await readAs({ token: owner });
        assert.equal(own.status, 200, 'the owner');
        assert.match(await own.text(), /OWNER-CANARY/, "the owner's own data is there");
      });
    }

    if (access === 'public') {
      test('answers without credentials and leaks nothing', async () => {
        const res = await send(app, method, route.request());
        assert.equal(res.status, 200);
        assertLeaksNothing(await res.text(), 'public answer');
      });

      test('answers the same whatever credentials are sent', async () => {
        const credentials: Array<[name: string, header: string]> = [
          ...(await badCredentials({ sub: 'user-security-any' })),
          ['a customer token', `Bearer ${customer}`],
        ];
        for (const [name, header] of credentials) {
          const res = await send(app, method, route.request(), header);
          assert.equal(res.status, 200, name);
          assertLeaksNothing(await res.text(), name);
        }
      });
    }
  });
}
