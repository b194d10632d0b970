import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText, withoutDiacritics } from './normalize-text.ts';

test('normalizeText lowers case, drops accents and folds compatibility forms', () => {
  assert.equal(normalizeText('¿Cuánto CUESTA?'), '¿cuanto cuesta?');
  assert.equal(normalizeText('ｄｅｍｏ'), 'demo');
});

test('normalizeText straightens apostrophes and collapses spaces but keeps line breaks', () => {
  assert.equal(normalizeText('  I’m \t here\nnow  '), "i'm here\nnow");
});

test('normalizeText fixes a dropped or swapped letter in a key word', () => {
  assert.equal(normalizeText('pricng for my invocie'), 'pricing for my invoice');
});

test('normalizeText leaves misspellings that are real words as typed', () => {
  assert.equal(normalizeText('it broke at login'), 'it broke at login');
});

test('withoutDiacritics keeps case and surrounding text', () => {
  assert.equal(withoutDiacritics(' Crème Brûlée '), ' Creme Brulee ');
});

test('normalizeText drops optional marks on Arabic and Cyrillic but keeps the letters of Devanagari and kana', () => {
  assert.equal(normalizeText('أريد إيصال'), 'اريد ايصال');
  assert.equal(normalizeText('Ещё'), 'еще');
  assert.equal(normalizeText('मेरा बकाया'), 'मेरा बकाया');
  assert.equal(normalizeText('ダウンロードで'), 'ダウンロードで');
  assert.equal(normalizeText('الـ API'), 'ال api');
});
