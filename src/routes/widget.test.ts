import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { buildWidget, WIDGET_GZIP_BUDGET_BYTES, type WidgetBundle } from '../web/build-widget.ts';
import { migrate } from '../store/migrate.ts';
import { openPglite } from '../store/pglite.ts';
import type { Database } from '../store/database.ts';
import { FAKE } from '../../test/support/fake-secrets.ts';
import { ADMIN_TOKEN, JWT_SECRET, STRIPE_WEBHOOK_SECRET, testGateway, type App } from '../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../test/support/route-security.ts';

describeRouteSecurity('GET /widget.js', { request: () => ({ path: '/widget.js' }) });
describeRouteSecurity('GET /', { request: () => ({ path: '/' }) });

describe('the widget bundle', () => {
  let bundle: WidgetBundle;
  const saved = { ...process.env };
  before(async () => {
    // Server secrets present in the building process's environment must still not reach the bundle.
    Object.assign(process.env, {
      OPENAI_API_KEY: FAKE.openaiKey,
      STRIPE_SECRET_KEY: FAKE.stripeLiveKey,
      STRIPE_WEBHOOK_SECRET: FAKE.webhookSecret,
      ADMIN_TOKEN,
      SUPABASE_JWT_SECRET: JWT_SECRET,
      VISITOR_TOKEN_SECRET: 'visitor-secret-for-the-bundle-scan-0123456789',
    });
    bundle = await buildWidget();
  });
  after(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  test(`is within its ${WIDGET_GZIP_BUDGET_BYTES}-byte gzip budget, measured on the built code`, () => {
    assert.equal(bundle.gzipBytes, gzipSync(bundle.code, { level: 9 }).length);
    assert.ok(bundle.gzipBytes <= WIDGET_GZIP_BUDGET_BYTES, `${bundle.gzipBytes} bytes gzipped`);
    assert.ok(bundle.gzipBytes > 1000, 'the measurement is of a real bundle');
  });

  test('contains only the widget’s own files and eventsource-parser: no ai, zod or server code', () => {
    assert.ok(bundle.inputs.some((f) => f.includes('eventsource-parser')), 'the SSE parser is bundled');
    const foreign = bundle.inputs.filter((f) => !f.startsWith('src/web/widget/') && !f.startsWith('node_modules/eventsource-parser/'));
    assert.deepEqual(foreign, []);
    assert.doesNotMatch(bundle.code, /ZodError|zod|UIMessageStream|@ai-sdk/);
  });

  test('carries no secret or server-only value', () => {
    for (const value of [FAKE.openaiKey, FAKE.stripeLiveKey, FAKE.webhookSecret, ADMIN_TOKEN, JWT_SECRET, STRIPE_WEBHOOK_SECRET, 'visitor-secret-for-the-bundle-scan']) {
      assert.ok(!bundle.code.includes(value), 'a secret value is in the bundle');
    }
    for (const pattern of [/process\.env/, /DATABASE_URL|REDIS_URL|ADMIN_TOKEN|SECRET/, /postgres:\/\/|redis:\/\//, /whsec_|sk_live_|sk_test_/, /-----BEGIN/]) {
      assert.doesNotMatch(bundle.code, pattern);
    }
  });
});

describe('GET /widget.js and GET /', () => {
  let db: Database;
  let app: App;
  before(async () => {
    db = await openPglite();
    await migrate(db);
    ({ app } = await testGateway(db));
  });
  after(() => db.close());

  test('the widget may be loaded by pages on other sites, is cached briefly and revalidated by ETag', async () => {
    const res = await app.request('/widget.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
    const etag = res.headers.get('etag');
    assert.ok(etag);
    assert.ok((await res.text()).length > 1000);
    const again = await app.request('/widget.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  test('other responses stay same-site: CORP is widened for the widget alone', async () => {
    assert.equal((await app.request('/healthz')).headers.get('cross-origin-resource-policy'), 'same-site');
    assert.equal((await app.request('/')).headers.get('cross-origin-resource-policy'), 'same-site');
  });

  test('the demo page loads the widget from this origin under a CSP whose nonce unlocks only its own stylesheet', async () => {
    const res = await app.request('/');
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline script is allowed');
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const html = await res.text();
    assert.ok(html.includes(`<style nonce="${nonce}">`));
    assert.ok(!html.includes('{{nonce}}'));
    assert.match(html, /<script src="\/widget\.js" data-title="[^"]+" async><\/script>/);
    const second = (await app.request('/')).headers.get('content-security-policy');
    assert.notEqual(second, csp, 'a fresh nonce per response');
  });
});
