import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from '../normalize-text.ts';
import { anyPhrase, phraseSource, rulesFromCues } from './cues.ts';

const matches = (phrase: string, text: string) => new RegExp(phraseSource(phrase), 'u').test(normalizeText(text));

test('a cue in a spaced script matches whole words only', () => {
  assert.ok(matches('sai', 'mình bị trừ sai tiền'));
  assert.ok(!matches('sai', 'saigon'));
  assert.ok(matches('не работает', 'Чат НЕ РАБОТАЕТ с утра'));
  assert.ok(!matches('долг', 'долго грузится'));
});

test('a stem cue accepts any ending', () => {
  assert.ok(matches('ошибк*', 'выдаёт ошибку 503'));
  assert.ok(!matches('ошибк*', 'без ошиб'));
});

test('a stem may end any word of a cue, not only the last', () => {
  assert.ok(matches('следующ* списани*', 'Когда следующее списание?'));
  assert.ok(matches('сменил* пароль', 'кто-то сменили пароль'));
  assert.ok(!matches('следующ* списани*', 'следующий платёж'));
});

test('a gap cue allows a few words between its parts, on one line', () => {
  assert.ok(matches('扣 ... 两次', '同一个月被扣了两次费用'));
  assert.ok(matches('charged ... twice', 'I was charged $249 twice'));
  assert.ok(!matches('charged ... twice', 'I was charged\ntwice'));
});

test('a cue in a script without spaces matches inside a sentence', () => {
  assert.ok(matches('ログインできない', '今朝からログインできないです'));
  assert.ok(matches('账单', '想查一下我的账单'));
});

test('an Arabic cue follows the attached article and conjunctions, with or without hamza', () => {
  assert.ok(matches('فاتورة', 'أحتاج إيصال الفاتورة'));
  assert.ok(matches('اسعار*', 'بخصوص الأسعار'));
  assert.ok(!matches('خطا', 'خطابات'));
});

test('cues are written with their accents and match text typed without them', () => {
  assert.ok(matches('não consigo entrar', 'nao consigo entrar na conta'));
  assert.ok(matches('hóa đơn', 'gui minh hoa don thang nay'));
});

test('rulesFromCues keeps each weight with its phrases', () => {
  const [rule] = rulesFromCues([[0.8, ['boleto', 'fatura']]]);
  assert.equal(rule?.[1], 0.8);
  assert.ok(rule?.[0].test('minha fatura'));
  assert.ok(anyPhrase(['怎么', 'how do i']).test(normalizeText('How do I cancel?')));
});

test('a digit at the edge of a cue takes the word edges of the letters next to it', () => {
  assert.ok(matches('2回 ... 引き落と', '同じ料金が2回引き落とされています'));
  assert.ok(matches('500 error', 'got a 500 error'));
  assert.ok(!matches('500 error', 'got a 1500 errors'));
});
