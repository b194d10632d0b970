import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { testGateway } from '../../test/support/gateway.ts';
import { describeRouteSecurity } from '../../test/support/route-security.ts';
import { createRateLimiter } from '../policy/rate-limit/index.ts';

describeRouteSecurity('GET /healthz', { request: () => ({ path: '/healthz' }) });
describeRouteSecurity('GET /readyz', { request: () => ({ path: '/readyz' }) });

for (const backend of testDatabases()) {
  describe(`health on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);

    test('healthz answers ok', async () => {
      const { app } = await testGateway(db);
      const res = await app.request('/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    test('readyz is 200 when the database and the rate-limit store answer', async () => {
      const { app } = await testGateway(db);
      assert.equal((await app.request('/readyz')).status, 200);
    });

    test('readyz is 503 when the configured Redis is unreachable', async () => {
      const down = createRateLimiter({ kind: 'redis', url: 'redis://127.0.0.1:1' }, { timeoutMs: 200 });
      const { app } = await testGateway(db, {}, down);
      const res = await app.request('/readyz');
      assert.equal(res.status, 503);
      assert.equal((await res.json()).code, 'not_ready');
      await down.close();
    });
  });
}
