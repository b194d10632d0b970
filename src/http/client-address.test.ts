import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config.ts';
import { canonicalAddress, parseProxyTrust, resolveClientAddress } from './client-address.ts';

const hops = (n: number) => parseProxyTrust(String(n));

test('without TRUST_PROXY the header is ignored and the socket address is the client', () => {
  assert.equal(resolveClientAddress(parseProxyTrust('false'), '192.0.2.10', '203.0.113.1'), '192.0.2.10');
  assert.equal(resolveClientAddress(parseProxyTrust('false'), undefined, '203.0.113.1'), 'unknown');
});

test('one proxy: the rightmost X-Forwarded-For entry, never the leftmost the client chose', () => {
  // The client sent "1.1.1.1"; the proxy appended the address it saw, 203.0.113.7.
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', '1.1.1.1, 203.0.113.7'), '203.0.113.7');
  assert.equal(resolveClientAddress(parseProxyTrust('true'), '10.0.0.2', '1.1.1.1, 203.0.113.7'), '203.0.113.7', 'true is one hop');
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', undefined), '10.0.0.2', 'no header: the peer');
});

test('two proxies: the second entry from the right', () => {
  // client → CDN (appends client) → load balancer (appends CDN) → gateway
  assert.equal(resolveClientAddress(hops(2), '10.0.0.3', 'spoofed, 198.51.100.4, 10.0.0.2'), '198.51.100.4');
  assert.equal(resolveClientAddress(hops(2), '10.0.0.3', '198.51.100.4'), '198.51.100.4', 'a shorter chain than configured: the leftmost there is');
});

test('garbage entries are ignored, not taken as the address', () => {
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', '203.0.113.7, not-an-ip'), '203.0.113.7');
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', "'; drop table--, <script>, 999.1.1.1"), '10.0.0.2');
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', '[2001:db8::1]:443'), '2001:db8::1');
  assert.equal(resolveClientAddress(hops(1), '10.0.0.2', '203.0.113.7:5555'), '203.0.113.7');
  assert.equal(canonicalAddress('::ffff:192.0.2.1'), '192.0.2.1');
});

test('a list of trusted proxies: walk left from the peer while the address is one of ours', () => {
  const trust = parseProxyTrust('10.0.0.0/8, 192.0.2.1');
  assert.equal(resolveClientAddress(trust, '10.0.0.2', 'spoofed-is-ignored, 1.1.1.1, 203.0.113.9, 192.0.2.1'), '203.0.113.9');
  assert.equal(resolveClientAddress(trust, '::ffff:10.1.2.3', '203.0.113.9'), '203.0.113.9', 'IPv4-mapped peers match IPv4 ranges');
  assert.equal(resolveClientAddress(trust, '198.51.100.66', '203.0.113.9'), '198.51.100.66', 'a peer that is not our proxy: its header is not believed');
  assert.equal(resolveClientAddress(trust, undefined, '203.0.113.9'), 'unknown');
});

test('TRUST_PROXY accepts true, false, a hop count or proxy addresses, and refuses anything else at boot', () => {
  assert.deepEqual(loadConfig({}).TRUST_PROXY, { kind: 'hops', hops: 0 });
  assert.deepEqual(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, { kind: 'hops', hops: 1 });
  assert.deepEqual(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, { kind: 'hops', hops: 2 });
  assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8,2001:db8::/32' }).TRUST_PROXY.kind, 'proxies');
  for (const bad of ['yes', '10.0.0.0/33', '11', 'proxy.example.com', '10.0.0.1/8/2', '-1', ', ,']) {
    assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY/, bad);
  }
});
