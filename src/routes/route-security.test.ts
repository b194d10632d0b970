import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testGateway } from '../../test/support/gateway.ts';
import { migrate } from '../store/migrate.ts';
import { openPglite } from '../store/pglite.ts';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The routes named by a describeRouteSecurity call in any test file. */
function routesWithSecurityChecks(): Set<string> {
  const found = new Set<string>();
  for (const dir of ['src', 'test']) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.test.ts')) continue;
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/describeRouteSecurity\(\s*'([A-Z]+ \/[^']*)'/g)) found.add(match[1]!);
    }
  }
  return found;
}

test('every documented route is covered by the route security suite, so a new route cannot skip it', async () => {
  const db = await openPglite();
  await migrate(db);
  after(() => db.close());
  const { app } = await testGateway(db);
  const document = await (await app.request('/openapi.json')).json();
  const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  assert.ok(documented.length > 0);
  const covered = routesWithSecurityChecks();
  assert.deepEqual(
    documented.filter((route) => !covered.has(route)),
    [],
    'add describeRouteSecurity(route, …) to the route’s test file',
  );
  assert.deepEqual([...covered].filter((route) => !documented.includes(route)), [], 'security checks for routes that do not exist');
});
