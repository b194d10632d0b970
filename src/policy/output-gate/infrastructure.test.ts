import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact.ts';

const redact = (text: string) =>
  createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: ['example.com'], maxChars: 4000 })(text, { allowedEmails: [] }).text;

test('a connection string is redacted whole: scheme, user, password, host, port and database (RFC 3986 §3.2.1)', () => {
  for (const url of [
    'postgres://app:s3cr3t@db-primary.prod.example.net:5432/billing',
    'postgresql://app@10.0.3.7/billing?sslmode=require',
    'mongodb+srv://svc:hunter22@cluster0.ab12c.mongodb.net/crm',
    'redis://default:pa55word@cache.internal:6379/0',
    'jdbc:mysql://reporting:pw@mysql.example.org:3306/stats',
    'amqp://guest:guest@rabbit:5672/',
    'https://deploy:ghp-like-token@git.example.org/repo.git',
  ]) {
    const out = redact(`The app connects with ${url}. Anything else?`);
    assert.equal(out, 'The app connects with [redacted]. Anything else?', url);
  }
});

test('an ADO.NET style connection string is redacted as a whole run of pairs', () => {
  const out = redact('Use Server=sql01;Database=crm;User Id=sa;Password=Winter2024!; to connect');
  assert.doesNotMatch(out, /sql01|crm|sa;|Winter/);
});

test('credential header lines are redacted whole (RFC 9110 §11.6.2, §11.7.2; RFC 6265 §4.2)', () => {
  const block = [
    'Request:',
    'GET /v1/customers HTTP/1.1',
    'Authorization: Basic YWRtaW46aHVudGVyMg==',
    'Proxy-Authorization: Digest username="ops"',
    'X-Api-Key: 3f9a-live-0042',
    'Cookie: session=abc123; theme=dark',
    'Accept: application/json',
  ].join('\n');
  assert.equal(redact(block), ['Request:', 'GET /v1/customers HTTP/1.1', '[redacted]', '[redacted]', '[redacted]', '[redacted]', 'Accept: application/json'].join('\n'));
  assert.equal(redact(`curl -H "Authorization: Token abc" https://example.com/x`).includes('Token abc'), false);
  assert.equal(redact(`{"x-api-key": "k-123-live", "accept": "json"}`).includes('k-123-live'), false);
});

test('internal host names and private addresses are redacted whole, with port and path (RFC 1918, RFC 6762, RFC 8375, RFC 4193)', () => {
  for (const host of [
    'billing-db.internal',
    'http://admin.corp.internal:8080/health',
    'payments.default.svc.cluster.local:9090',
    'printer.local',
    'nas.home.arpa',
    '10.12.0.5:5432',
    '172.20.1.9',
    'http://192.168.1.10/admin',
    'http://169.254.169.254/latest/meta-data/',
    'fd12:3456:789a::1',
  ]) {
    const out = redact(`It runs on ${host} today.`);
    assert.equal(out, 'It runs on [internal address redacted] today.', host);
  }
});

test('public hosts, ordinary numbers and prose about headers stay', () => {
  for (const text of [
    'See https://example.com/docs for the API.',
    'Version 10.2 was released; 172.217.3.14 is a public address.',
    'Send the header named Authorization with your key, as the docs explain.',
    'Our office is at 192 Main St, suite 168.',
    'The local team will call you.',
  ]) {
    assert.equal(redact(text), text, text);
  }
});
