import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOOLS } from '../../tools/index.ts';
import { CHAT_PER_IP_RULE, assertValidRule, windowMs } from './rules.ts';

test('accepts every default rule', () => {
  assertValidRule(CHAT_PER_IP_RULE);
  for (const tool of Object.values(TOOLS)) {
    // A tool without a limit could be called without bound.
    assert.ok(tool.rateLimits.length > 0, `${tool.name} declares no rate limit`);
    for (const { rule } of tool.rateLimits) assertValidRule(rule);
  }
});

test('rejects limits that are not positive integers and windows under a millisecond', () => {
  for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => assertValidRule({ limit, windowSeconds: 60 }), RangeError);
  }
  for (const windowSeconds of [0, -1, 0.0004, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => assertValidRule({ limit: 1, windowSeconds }), RangeError);
  }
});

test('measures windows in whole milliseconds', () => {
  assert.equal(windowMs({ limit: 1, windowSeconds: 60 }), 60_000);
  assert.equal(windowMs({ limit: 1, windowSeconds: 1.5 }), 1500);
});
