import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectCardNumbers, luhnValid } from './card-numbers.ts';
import { createRedactor } from './redact.ts';

const redact = (text: string) =>
  createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: [], maxChars: 4000 })(text, { allowedEmails: [] });
const digitsOf = (s: string) => [...s.replace(/\D/g, '')].map(Number);

test('a Luhn-valid card number is redacted, plain or grouped by spaces or dashes', () => {
  for (const card of ['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', '3782 822463 10005', '5555 5555 5555 4444']) {
    assert.deepEqual(redact(`Card: ${card}.`), {
      text: 'Card: [card number redacted].',
      redactions: [{ kind: 'card_number', count: 1 }],
    });
  }
});

test('a card number followed by more digits is still found', () => {
  assert.equal(redact('4111 1111 1111 1111 123 exp 12/27').text, '[card number redacted] 123 exp 12/27');
});

test('a card number in full-width digits is redacted', () => {
  assert.equal(redact('４１１１１１１１１１１１１１１１').text, '[card number redacted]');
});

test('numbers that fail the Luhn check stay: order numbers, phone numbers, near misses', () => {
  for (const text of ['Card 4111 1111 1111 1112 was declined.', 'Order 1234567890123 shipped.', 'Call +1 415 555 2671 or +44 20 7946 0958.']) {
    for (const n of text.match(/\d[\d -]{11,}\d/g) ?? []) assert.equal(luhnValid(digitsOf(n)), false, `${n} is a fair control`);
    assert.deepEqual(redact(text), { text, redactions: [] });
  }
});

test('digit runs longer than a card number stay', () => {
  const text = 'Tracking 41111111111111111111111 is on its way.';
  assert.deepEqual(redact(text), { text, redactions: [] });
});

test('digit groups inside an identifier such as a UUID are not card numbers', () => {
  // Its leading groups hold 13 digits (4242424242422) that pass Luhn on their own.
  const uuid = '42424242-4242-2a13-9f7d-2b7cc6b4b670';
  assert.ok(luhnValid([4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 2]));
  const spans: Parameters<typeof detectCardNumbers>[2] = [];
  detectCardNumbers(`Your contact id is ${uuid}.`, { allowedEmails: [] }, spans);
  assert.deepEqual(spans, []);
  const card: Parameters<typeof detectCardNumbers>[2] = [];
  detectCardNumbers('Card 4242-4242-4242-4242 was charged.', { allowedEmails: [] }, card);
  assert.equal(card.length, 1);
});
