import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ticketCategory } from './escalate-ticket.ts';

// --- ticketCategory ----------------------------------------------------------

const categories: Array<[string, 'billing' | 'technical' | 'account' | 'sales' | 'other']> = [
  ['I was charged twice', 'billing'],
  ['I want a refund', 'billing'],
  ['My invoice shows the wrong amount', 'billing'],
  ["I can't log in", 'account'],
  ['my password reset never arrives', 'account'],
  ['The export crashes with an error', 'technical'],
  ['the site is down', 'technical'],
  ['the demo you gave me was misleading, complaint', 'sales'],
  ['I am unhappy with the tone of your agent', 'other'],
  ['Me cobraron dos veces', 'billing'],
  ['Ich kann mich nicht anmelden', 'account'],
];

for (const [text, category] of categories) {
  test(`ticketCategory files "${text}" under ${category}`, () => {
    assert.equal(ticketCategory(text), category);
  });
}
