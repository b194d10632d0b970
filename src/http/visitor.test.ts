import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { createVisitorTokens, newVisitorId, signHs256 } from './visitor.ts';

const SECRET = 'visitor-test-secret-0123456789abcdef0123';

test('a visitor token is byte for byte the HS256 JWT jose signs with the same claims', async () => {
  const key = new TextEncoder().encode(SECRET);
  const sub = newVisitorId();
  const iat = 1_764_000_000;
  const expected = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('toolgate')
    .setAudience('toolgate:visitor')
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(key);
  assert.equal(signHs256(key, { iss: 'toolgate', aud: 'toolgate:visitor', sub, iat, exp: iat + 3600 }), expected);
});

test('an issued token verifies for its visitor; another secret or an expired token does not', async () => {
  const tokens = createVisitorTokens(SECRET);
  const visitor = newVisitorId();
  assert.equal(await tokens.verify(await tokens.issue(visitor)), visitor);
  assert.equal(await tokens.verify(await createVisitorTokens(`${SECRET}x`).issue(visitor)), null);
  assert.equal(await tokens.verify(await createVisitorTokens(SECRET, -60).issue(visitor)), null);
});
