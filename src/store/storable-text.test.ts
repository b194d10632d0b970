import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { deepStorable, findUnstorable, isStorable, toStorable } from './storable-text.ts';

test('NUL and unpaired surrogates are not storable; paired surrogates and ordinary text are', () => {
  for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', 'end\ud83d']) assert.equal(isStorable(bad), false, JSON.stringify(bad));
  for (const good of ['', 'plain', '😀', 'é\u200b\u202e', '\ufffd', '\u0001\u001f', 'a\ud83d\ude00b']) assert.equal(isStorable(good), true, JSON.stringify(good));
});

test('toStorable replaces each offending code unit with U+FFFD and keeps everything else', () => {
  assert.equal(toStorable('a\u0000b\ud800c😀\udc00'), 'a\ufffdb\ufffdc😀\ufffd');
  assert.equal(toStorable('fine 😀'), 'fine 😀');
});

test('findUnstorable names the path of the first offending string or key, never its content', () => {
  assert.equal(findUnstorable({ a: [1, 'ok', { b: 'x\u0000' }] }), 'a.2.b');
  assert.equal(findUnstorable({ ['k\ud800']: 1 }), '(key)');
  assert.equal(findUnstorable('\ud800'), '(value)');
  assert.equal(findUnstorable({ a: ['ok', 1, null, true] }), null);
});

test('findUnstorable walks a 100,000-deep value without overflowing the stack', () => {
  let deep: unknown = 'x\u0000';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(typeof findUnstorable(deep), 'string');
});

test('deepStorable repairs strings and keys and leaves a storable value as it was', () => {
  assert.deepEqual(deepStorable({ ['k\u0000']: ['a\ud800', 2, { n: null }] }), { ['k\ufffd']: ['a\ufffd', 2, { n: null }] });
  const clean = { a: ['b'] };
  assert.equal(deepStorable(clean), clean);
});

// Arbitrary UTF-16 (lone surrogates and NUL included) and arbitrary code points.
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a') }));

test('property: toStorable always yields text Postgres can store, and is the identity on storable text', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const repaired = toStorable(text);
      assert.equal(isStorable(repaired), true);
      assert.equal(repaired.length, text.length);
      // Well-formed UTF-16 survives a UTF-8 round trip: what Postgres will hold is what we hand it.
      assert.equal(Buffer.from(repaired, 'utf8').toString('utf8'), repaired);
      if (isStorable(text)) assert.equal(repaired, text);
    }),
    { numRuns: 500 },
  );
});

test('property: findUnstorable agrees with isStorable on every string inside a JSON value', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
      const strings: string[] = [];
      JSON.stringify(value, (k, v) => (strings.push(k), typeof v === 'string' && strings.push(v), v));
      assert.equal(findUnstorable(value) === null, strings.every(isStorable));
      assert.equal(findUnstorable(deepStorable(value)), null);
    }),
    { numRuns: 500 },
  );
});
