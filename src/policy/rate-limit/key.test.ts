import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashKey } from './key.ts';

test('turns a key into 32 hex characters that do not contain it', () => {
  const hashed = hashKey('captureLeadPerEmail:alice@example.com');
  assert.match(hashed, /^[0-9a-f]{32}$/);
  assert.ok(!hashed.includes('alice'));
});

test('maps equal keys to equal hashes and different keys to different ones', () => {
  assert.equal(hashKey('ip:203.0.113.7'), hashKey('ip:203.0.113.7'));
  assert.notEqual(hashKey('ip:203.0.113.7'), hashKey('ip:203.0.113.8'));
});
