import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAffirmative } from './affirmation.ts';

// --- isAffirmative -----------------------------------------------------------

for (const text of [
  'yes',
  'Yes!',
  'yep',
  'yeah',
  'sure',
  'ok',
  'Okay.',
  'confirm',
  'go ahead',
  'please do',
  'do it',
  'correct',
  "that's right",
  'That’s right',
  'sí',
  'oui',
  'ja',
  'yes please, go ahead',
  'Yes, thanks',
  'ok 👍',
  "d'accord",
]) {
  test(`isAffirmative accepts ${JSON.stringify(text)}`, () => {
    assert.equal(isAffirmative(text), true);
  });
}

for (const text of [
  'yes but change the email',
  'no',
  'not yet',
  'yes? what do you mean',
  'ok?',
  'please',
  'thanks',
  '',
  'ok thanks, bye',
  `yes ${'please '.repeat(10)}`,
  'yes, and also refund me',
  'nope',
]) {
  test(`isAffirmative rejects ${JSON.stringify(text)}`, () => {
    assert.equal(isAffirmative(text), false);
  });
}
