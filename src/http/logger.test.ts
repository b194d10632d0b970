import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { FAKE } from '../../test/support/fake-secrets.ts';
import { createScrubber } from '../policy/output-gate/index.ts';
import { createLogger } from './logger.ts';

function capture(scrub?: (text: string) => string) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', { destination, ...(scrub ? { scrub } : {}) }) };
}

test('emails, bearer tokens and key-shaped values never reach a log line', () => {
  const { lines, logger } = capture();
  logger.info({ requestId: 'r1', note: `mail ann@example.com, Bearer ${FAKE.jwt}, key ${FAKE.stripeLiveKey}` }, 'hello');
  const line = lines.join('');
  assert.match(line, /"requestId":"r1"/);
  for (const leak of ['ann@example.com', FAKE.jwt, FAKE.stripeLiveKey]) assert.ok(!line.includes(leak), leak);
});

test('configured secret values are scrubbed from error messages, and no stack is logged', () => {
  const { lines, logger } = capture(createScrubber(['configured-db-password-123']));
  logger.error({ err: new Error('connect failed for postgres user with configured-db-password-123') }, 'boom');
  const line = lines.join('');
  assert.ok(!line.includes('configured-db-password-123'));
  assert.doesNotMatch(line, /"stack"/);
  assert.match(line, /"type":"Error"/);
});

test('an error-shaped object that is not an Error is still logged by class and message only', () => {
  const { lines, logger } = capture();
  logger.error({ err: { name: 'DatabaseError', message: 'duplicate key', code: '23505', query: 'insert …', params: ['x@y.com'] } }, 'db');
  const logged = JSON.parse(lines.join('')).err;
  assert.deepEqual(logged, { type: 'DatabaseError', message: 'duplicate key', code: '23505' });
});
