import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('an empty environment gives the embedded defaults', () => {
  const config = loadConfig({});
  assert.equal(config.MODEL, 'local');
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.MAX_REPLY_CHARS, 4000);
  assert.equal(config.SYSTEM_PROMPT_FILE, 'prompts/system.md');
  assert.deepEqual(config.confidenceThresholds, { capture_lead: 0.7, escalate_ticket: 0.7, check_billing: 0.7 });
});

test('an invalid value names the variable and does not echo the value', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && e.variable === 'PORT');
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://secret-pass@db' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.variable, 'DATABASE_URL');
    assert.doesNotMatch(e.message, /secret-pass/);
    return true;
  });
  assert.throws(() => loadConfig({ MODEL: 'openai:gpt-4o-mini' }), (e: unknown) => e instanceof ConfigError && e.variable === 'OPENAI_API_KEY');
});

test('per-tool confidence thresholds override the default', () => {
  const config = loadConfig({ CONFIDENCE_THRESHOLD: '0.6', CONFIDENCE_THRESHOLD_CHECK_BILLING: '0.9' });
  assert.deepEqual(config.confidenceThresholds, { capture_lead: 0.6, escalate_ticket: 0.6, check_billing: 0.9 });
});

test('secret values are collected for the output gate, including URL passwords', () => {
  const config = loadConfig({ ADMIN_TOKEN: 'admin-token-0123456789', DATABASE_URL: 'postgres://u:db%20pass@h/db', REDACT_VALUES: 'canary-1, canary-2' });
  assert.deepEqual(config.secretValues.sort(), ['admin-token-0123456789', 'canary-1', 'canary-2', 'db pass'].sort());
});

test('the server exits non-zero with one line naming the bad variable', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.notEqual(run.status, 0);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /PORT/);
});

test('a SameSite=None visitor cookie needs an https base URL; the visitor secret is redacted like the others', () => {
  assert.throws(() => loadConfig({ VISITOR_COOKIE_SAMESITE: 'none' }), /VISITOR_COOKIE_SAMESITE/);
  assert.equal(loadConfig({ VISITOR_COOKIE_SAMESITE: 'none', PUBLIC_BASE_URL: 'https://chat.example' }).VISITOR_COOKIE_SAMESITE, 'none');
  assert.throws(() => loadConfig({ VISITOR_TOKEN_SECRET: 'too-short' }), /VISITOR_TOKEN_SECRET/);
  const secret = 'a-visitor-token-secret-0123456789abcdef';
  assert.ok(loadConfig({ VISITOR_TOKEN_SECRET: secret }).secretValues.includes(secret));
});
