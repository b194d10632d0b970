import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDatabaseError, toDatabaseError } from './classify-database-error.ts';
import { DatabaseError } from './database-error.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('lost or refused connections are retryable "unavailable"', () => {
  for (const error of [
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('connection failure', '08006'),
    withCode('database "x" does not exist', '3D000'),
    withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'),
    new Error('Connection terminated unexpectedly'),
    new Error('PGlite is closed'),
    new AggregateError([withCode('connect ECONNREFUSED ::1:1', 'ECONNREFUSED')], ''),
  ]) {
    const classified = classifyDatabaseError(error);
    assert.equal(classified?.kind, 'unavailable', error.message);
    assert.equal(classified?.retryable, true);
  }
});

test('timeouts are retryable "timeout"', () => {
  for (const error of [withCode('canceling statement due to statement timeout', '57014'), new Error('timeout exceeded when trying to connect'), new Error('Query read timeout')]) {
    assert.equal(classifyDatabaseError(error)?.kind, 'timeout', error.message);
  }
});

test('data exceptions and constraint violations are the input refused, not retryable', () => {
  for (const code of ['22021', '22P02', '23505', '23514']) {
    const classified = classifyDatabaseError(withCode('refused', code));
    assert.equal(classified?.kind, 'rejected_input', code);
    assert.equal(classified?.retryable, false);
  }
});

test('other SQL errors are internal; errors that do not come from the database are not classified', () => {
  assert.equal(classifyDatabaseError(withCode('syntax error', '42601'))?.kind, 'internal');
  assert.equal(classifyDatabaseError(new TypeError('x is undefined')), null);
  assert.equal(toDatabaseError(new TypeError('x')).kind, 'internal');
  const already = new DatabaseError('timeout', '57014', { cause: null });
  assert.equal(classifyDatabaseError(already), already);
});
