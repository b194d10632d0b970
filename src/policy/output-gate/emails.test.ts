import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact.ts';

const redact = createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: [], maxChars: 4000 });
const ctx = { allowedEmails: ['me@customer.com', 'colleague@customer.com'] };

test('an email address other than the allowed ones is redacted', () => {
  assert.deepEqual(redact('Ask bob.smith+billing@other-company.co.uk about it.', ctx), {
    text: 'Ask [email redacted] about it.',
    redactions: [{ kind: 'email', count: 1 }],
  });
});

test("the caller's own email and emails typed in the conversation stay, in any case", () => {
  const text = 'I will reply to Me@Customer.com and copy colleague@customer.com.';
  assert.deepEqual(redact(text, ctx), { text, redactions: [] });
});

test('an email in a mailto link or with a unicode domain is redacted', () => {
  assert.equal(redact('mailto:ceo@other.org', ctx).text, 'mailto:[email redacted]');
  assert.equal(redact('write to jürgen@bücher.de', ctx).text, 'write to [email redacted]');
});

test('an email split by zero-width characters is still redacted', () => {
  assert.equal(redact('ceo\u200B@other\u2060.org', ctx).text, '[email redacted]');
});

test('user and password in a URL are treated as a credential, not as an email', () => {
  assert.equal(redact('redis://default:pa55word@cache.internal:6379', ctx).text, '[redacted]');
});
