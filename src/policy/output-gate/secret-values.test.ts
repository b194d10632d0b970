import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact.ts';

// A configured value, made up for the test; its mixed case matters to the case-folding checks.
const SECRET = 'tg_canary_FAKEvalue0Test';
const redactor = (secretValues: string[]) =>
  createRedactor({ secretValues, systemPrompt: '', allowedLinkHosts: [], maxChars: 4000 });
const redact = (text: string, secretValues = [SECRET]) => redactor(secretValues)(text, { allowedEmails: [] });
const percentAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

test('a configured secret is redacted verbatim', () => {
  assert.deepEqual(redact(`Sure, the token is ${SECRET}.`), {
    text: 'Sure, the token is [redacted].',
    redactions: [{ kind: 'secret_value', count: 1 }],
  });
});

test('a configured secret is redacted when its case is changed', () => {
  assert.equal(redact(`It is ${SECRET.toUpperCase()} and ${SECRET.toLowerCase()}`).text, 'It is [redacted] and [redacted]');
});

test('a configured secret is redacted when split by spaces, line breaks or zero-width characters', () => {
  assert.equal(redact(`a ${[...SECRET].join(' ')} b`).text, 'a [redacted] b');
  assert.equal(redact(`a ${SECRET.slice(0, 9)}\n${SECRET.slice(9)} b`).text, 'a [redacted] b');
  assert.equal(redact(`a ${[...SECRET].join('\u200B')} b`).text, 'a [redacted] b');
  assert.equal(redact(`a ${[...SECRET].join('\u2060\u200D')} b`).text, 'a [redacted] b');
});

test('a configured secret is redacted when percent-encoded in whole or in part', () => {
  assert.equal(redact(`?t=${percentAll(SECRET)}&x=1`).text, '?t=[redacted]&x=1');
  assert.equal(redact(`?t=${encodeURIComponent(SECRET).replace('_', '%5f')}`).text, '?t=[redacted]');
});

test('a configured secret is redacted in base64 and base64url, also inside a longer encoded value', () => {
  assert.equal(redact(`b64 ${Buffer.from(SECRET).toString('base64')}`).text, 'b64 [redacted]');
  for (const prefix of ['', 'u:', 'ab:', '{"key":"']) {
    const encoded = Buffer.from(`${prefix}${SECRET}"}`).toString('base64url');
    const out = redact(`data ${encoded} end`).text;
    assert.ok(out.includes('[redacted]'), `${prefix}: ${out}`);
    assert.ok(!out.includes(Buffer.from(SECRET).toString('base64').slice(2, 20)), out);
  }
});

test('values shorter than 8 characters are not treated as secrets', () => {
  assert.deepEqual(redact('the word short stays', ['short']), { text: 'the word short stays', redactions: [] });
});

test('a secret that starts another one does not leave the longer one half shown', () => {
  assert.equal(redact('x abcdefgh1234567 y', ['abcdefgh12', 'abcdefgh1234567']).text, 'x [redacted] y');
});

test('text that merely resembles a secret stays', () => {
  const text = 'Canary releases of tg 7 went out; the canary build is fine.';
  assert.deepEqual(redact(text), { text, redactions: [] });
});
