import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { encodePuppetScript } from '../src/agent/puppet-model.ts';
import { testDatabases } from './support/databases.ts';
import { testGateway, type App } from './support/gateway.ts';

/** One chat turn as it arrives from `peer` (the socket) with the given X-Forwarded-For. */
function turnFrom(app: App, peer: string, forwardedFor: string) {
  return app.request(
    '/v1/chat',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': forwardedFor, 'x-puppet': encodePuppetScript({ text: 'ok' }) },
      body: JSON.stringify({ message: { role: 'user', parts: [{ type: 'text', text: 'hi' }] } }),
    },
    { incoming: { socket: { remoteAddress: peer, remotePort: 40000, remoteFamily: 'IPv4' } } },
  );
}

/**
 * Sends 34 turns and checks they were counted as one client's: the first 30 answered, the last
 * ones refused. The limit is a sliding window, so a run that crosses a minute boundary may let
 * one or two more through; a bypass would let all 34 through.
 */
async function assertOneClient(app: App, peer: string, forwardedFor: (i: number) => string) {
  const out: number[] = [];
  for (let i = 0; i < 34; i++) out.push((await turnFrom(app, peer, forwardedFor(i))).status);
  assert.deepEqual(out.slice(0, 30), Array(30).fill(200), 'the first 30 are answered');
  assert.deepEqual(out.slice(-2), [429, 429], `the same client is limited: ${out.join(' ')}`);
}

for (const backend of testDatabases()) {
  describe(`TRUST_PROXY and the chat limit on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);

    test('behind one proxy, a client rotating the leftmost X-Forwarded-For entry is still one client', async () => {
      const { app } = await testGateway(db, { TRUST_PROXY: '1' });
      await assertOneClient(app, '10.0.0.2', (i) => `198.51.100.${i}, 203.0.113.70`);
    });

    test('behind two proxies, the second entry from the right is the client', async () => {
      const { app } = await testGateway(db, { TRUST_PROXY: '2' });
      await assertOneClient(app, '10.0.0.3', (i) => `198.51.100.${i}, 203.0.113.71, 10.0.0.2`);
      // Another real client behind the same proxies has its own budget.
      assert.equal((await turnFrom(app, '10.0.0.3', '203.0.113.72, 10.0.0.2')).status, 200);
    });

    test('with a list of proxies, only requests from them are believed; garbage entries are ignored', async () => {
      const { app } = await testGateway(db, { TRUST_PROXY: '10.0.0.0/8' });
      await assertOneClient(app, '10.0.0.2', (i) => `198.51.100.${i}, junk-${i}, 203.0.113.73`);
      // Straight from the internet: the header is the client's own words, the socket is the address.
      await assertOneClient(app, '192.0.2.99', (i) => `198.51.100.${i}`);
    });

    test('without TRUST_PROXY the header changes nothing', async () => {
      const { app } = await testGateway(db);
      await assertOneClient(app, '192.0.2.50', (i) => `198.51.100.${i}`);
    });
  });
}
