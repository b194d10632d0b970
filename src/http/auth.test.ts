import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { loadConfig } from '../config.ts';
import { createAuthenticator } from './auth.ts';

const SECRET = 'auth-test-secret-with-enough-length-0123';
const PROJECT = 'https://abcd.supabase.co';
const now = () => Math.floor(Date.now() / 1000);

function token(claims: Record<string, unknown>, { iat = now(), exp = now() + 3600 }: { iat?: number | null; exp?: number } = {}) {
  const jwt = new SignJWT({ aud: 'authenticated', sub: 'user-1', ...claims }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp);
  if (iat !== null) jwt.setIssuedAt(iat);
  return jwt.sign(new TextEncoder().encode(SECRET)).then((t) => `Bearer ${t}`);
}

const authenticator = (env: Record<string, string> = {}) => createAuthenticator(loadConfig({ SUPABASE_JWT_SECRET: SECRET, ...env }));

test('with SUPABASE_URL set, the issuer <url>/auth/v1 is required', async () => {
  const auth = authenticator({ SUPABASE_URL: `${PROJECT}/` });
  assert.equal((await auth(await token({ iss: `${PROJECT}/auth/v1` }))).ok, true);
  assert.equal((await auth(await token({}))).ok, false, 'no iss');
  assert.equal((await auth(await token({ iss: 'https://evil.supabase.co/auth/v1' }))).ok, false, 'another project');
});

test('SUPABASE_JWT_ISSUER wins over the project URL', async () => {
  const auth = authenticator({ SUPABASE_URL: PROJECT, SUPABASE_JWT_ISSUER: 'https://auth.example.com' });
  assert.equal((await auth(await token({ iss: 'https://auth.example.com' }))).ok, true);
  assert.equal((await auth(await token({ iss: `${PROJECT}/auth/v1` }))).ok, false);
});

test('an empty, blank or control-character subject is refused', async () => {
  const auth = authenticator();
  for (const sub of ['', ' ', 'user\u0000x', 'a'.repeat(256)]) assert.equal((await auth(await token({ sub }))).ok, false, JSON.stringify(sub));
  assert.equal((await auth(await token({ sub: '3f1c2a9e-0000-4000-8000-000000000001' }))).ok, true);
});

test('an expiry more than 24 hours ahead is refused', async () => {
  const auth = authenticator();
  assert.equal((await auth(await token({}, { exp: now() + 23 * 3600 }))).ok, true);
  assert.equal((await auth(await token({}, { exp: now() + 25 * 3600 }))).ok, false);
  assert.equal((await auth(await token({}, { exp: now() + 10 * 365 * 24 * 3600 }))).ok, false);
});

test('an issued-at in the future beyond 60 seconds of skew is refused', async () => {
  const auth = authenticator();
  assert.equal((await auth(await token({}, { iat: now() + 30 }))).ok, true, 'within skew');
  assert.equal((await auth(await token({}, { iat: now() + 600 }))).ok, false);
});
