import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, minorDigits } from './money.ts';

test('amounts in minor units are shown with the digits of their currency', () => {
  assert.equal(formatMoney(4900, 'usd'), '49.00 USD');
  assert.equal(formatMoney(500000, 'jpy'), '500000 JPY');
  assert.equal(formatMoney(12345, 'kwd'), '12.345 KWD');
  assert.equal(formatMoney(1, 'bhd'), '0.001 BHD');
  assert.equal(formatMoney(1983746502, 'usd'), '19837465.02 USD');
  assert.equal(formatMoney(-250, 'eur'), '-2.50 EUR');
  assert.equal(formatMoney(0, 'usd'), '0.00 USD');
  assert.equal(formatMoney(5, 'usd'), '0.05 USD');
  assert.equal(formatMoney(0, 'jpy'), '0 JPY');
});

test('the digits come from the currency, and an unknown code falls back to two', () => {
  assert.deepEqual(['JPY', 'KRW', 'USD', 'KWD', 'TND'].map(minorDigits), [0, 0, 2, 3, 3]);
  assert.equal(minorDigits('not-a-currency'), 2);
});
