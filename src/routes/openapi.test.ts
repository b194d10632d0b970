import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { testGateway } from '../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../test/support/route-security.ts';
import { migrate } from '../store/migrate.ts';
import { openPglite } from '../store/pglite.ts';

describeRouteSecurity('GET /openapi.json', { request: () => ({ path: '/openapi.json' }) });
describeRouteSecurity('GET /docs', { request: () => ({ path: '/docs' }) });
describeRouteSecurity('GET /docs/assets/{file}', { request: () => ({ path: '/docs/assets/docs.js' }) });

/** Hono paths (`/jobs/:id/retry`) as OpenAPI spells them (`/jobs/{id}/retry`). */
const openApiPath = (path: string) => path.replace(/:([^/]+)/g, '{$1}');

describe('the OpenAPI document and the reference page', async () => {
  const db = await openPglite();
  await migrate(db);
  after(() => db.close());
  const { app } = await testGateway(db);
  const document = await (await app.request('/openapi.json')).json();

  test('/openapi.json is a valid OpenAPI 3.1 document', async () => {
    assert.equal(document.openapi, '3.1.0');
    // validate() dereferences in place, so it gets a copy.
    const result = await validate(structuredClone(document));
    assert.ok(result.valid, compileErrors(result));
  });

  test("documents exactly the app's routes", () => {
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        // The founder console's pages (/admin, not /admin/v1) are a browser application, not API
        // operations; test/console-security.test.ts covers each of them instead.
        .filter((r) => !/^\/admin(\/(?!v1\/)|$)/.test(r.path))
        .map((r) => `${r.method} ${openApiPath(r.path)}`),
    );
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual([...served].sort(), [...documented].sort());
  });

  test('every operation documents its success and its problem+json failures', () => {
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = Object.keys(operation.responses);
        assert.ok(statuses.includes('200'), `${method} ${path}`);
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          assert.ok(operation.responses[status]?.content?.['application/problem+json'], `${method} ${path} ${status}`);
        }
      }
    }
  });

  test('the chat reply and the admin lists are schemas, not free-form objects', () => {
    const chat = document.paths['/v1/chat'].post.responses['200'].content;
    assert.ok(chat['text/event-stream']);
    assert.equal(chat['application/json'].schema.$ref, '#/components/schemas/ChatReply');
    assert.deepEqual(document.components.schemas.ChatReply.required, ['conversationId', 'text', 'toolCalls']);
    const audit = document.paths['/admin/v1/audit'].get.responses['200'].content['application/json'].schema;
    assert.equal(audit.properties.items.items.$ref, '#/components/schemas/AuditEntry');
  });

  test('/docs works offline: every script and stylesheet it loads is served by the gateway', async () => {
    const page = await app.request('/docs');
    assert.equal(page.status, 200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 3, html);
    for (const asset of assets) {
      assert.match(asset, /^\/docs\/assets\//, `${asset} must come from the gateway, not a CDN`);
      const res = await app.request(asset);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get('content-type') ?? '', /^text\/(javascript|css)/, asset);
      assert.ok((await res.arrayBuffer()).byteLength > 0, asset);
    }
    assert.doesNotMatch(html, /<script>|<style>|style="|on\w+="/, 'no inline script or style: the CSP allows only self');
    const initializer = await (await app.request('/docs/assets/docs.js')).text();
    assert.match(initializer, /url: '\/openapi\.json'/);
    assert.match(initializer, /validatorUrl: null/);
  });

  test("/docs gets a CSP that lets its own assets run; every other route keeps default-src 'none'", async () => {
    const csp = (await app.request('/docs')).headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    for (const path of ['/openapi.json', '/healthz']) {
      assert.equal((await app.request(path)).headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", path);
    }
  });

  test('an asset outside the list is refused without touching the file system', async () => {
    for (const path of ['/docs/assets/package.json', '/docs/assets/..%2F..%2Fpackage.json', '/docs/assets/index.html']) {
      const res = await app.request(path);
      assert.equal(res.status, 400, path);
      assert.equal((await res.json()).code, 'invalid_request');
    }
  });
});
