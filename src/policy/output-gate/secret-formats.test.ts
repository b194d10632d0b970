import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact.ts';

const redact = (text: string) =>
  createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: ['example.com'], maxChars: 4000 })(text, {
    allowedEmails: [],
  });

// Shaped like real credentials, but made up.
const SAMPLES: Array<[string, string]> = [
  ['an OpenAI key', 'sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
  ['an OpenAI project key', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_-AbCd'],
  ['a Stripe live secret key', 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
  ['a Stripe test secret key', 'sk_test_51HxYzAbCdEfGhIjKlMnOpQr'],
  ['a Stripe restricted key', 'rk_live_51HxYzAbCdEfGhIjKlMnOpQr'],
  ['a webhook signing secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
  ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
  ['a GitHub token', 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'],
  ['a GitHub fine-grained token', 'github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz'],
  ['a Slack token', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['a Google API key', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
  ['a JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ['an unsigned JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'],
  ['a random base64 secret', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
];

for (const [name, secret] of SAMPLES) {
  test(`${name} is redacted`, () => {
    assert.deepEqual(redact(`Here you go: ${secret} (keep it safe)`), {
      text: 'Here you go: [redacted] (keep it safe)',
      redactions: [{ kind: 'secret_format', count: 1 }],
    });
  });
}

test('a PEM private key is redacted from BEGIN through END', () => {
  const pem = [
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
    'aFDrBz9vFqU4yaRLdM2DCv5sfQqzTkbaP4ZeWc4ylVcqDDJ5WJXDwX5hRAWz1vo=',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n');
  assert.equal(redact(`Key:\n${pem}\nDone.`).text, 'Key:\n[redacted]\nDone.');
});

test('a private key whose END has not come is redacted through the end of the text', () => {
  assert.equal(redact('Key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU').text, 'Key:\n[redacted]');
});

test('bearer and basic credentials are redacted after their label', () => {
  assert.equal(redact('Authorization: Bearer 4f9a1c2e8b7d6a5f3e2d1c0b').text, 'Authorization: Bearer [redacted]');
  assert.equal(redact('Authorization: Basic dXNlcjpwYXNzd29yZA==').text, 'Authorization: Basic [redacted]');
});

test('credentials in a URL are redacted and the scheme and host kept', () => {
  assert.equal(redact('Use postgres://admin:s3cr3t@db.internal:5432/app now').text, 'Use postgres://[redacted]@db.internal:5432/app now');
  assert.equal(redact('See https://bob:pw123@example.com/x').text, 'See https://[redacted]@example.com/x');
});

test('secret assignments keep their name and lose their value', () => {
  assert.equal(redact('password=hunter2').text, 'password=[redacted]');
  assert.equal(redact('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG').text, 'aws_secret_access_key = [redacted]');
  assert.equal(redact('{"api_key": "abc def ghi"}').text, '{"api_key": "[redacted]"}');
  assert.equal(redact('export STRIPE_SECRET_KEY=whatever123').text, 'export STRIPE_SECRET_KEY=[redacted]');
  assert.equal(redact('x-api-key: 9f8e7d6c').text, 'x-api-key: [redacted]');
  assert.equal(redact('Your password: Tr0ub4dor&3').text, 'Your password: [redacted]');
});

test('look-alikes of secrets stay', () => {
  for (const text of [
    'The publishable key pk_live_51HxYzAbCdEfGhIjKlMnOpQr goes in the browser.',
    'Use Bearer authentication with a token from the dashboard.',
    'Password: reset it from the settings page.',
    'Our risk-management-framework-for-enterprise-clients is new.',
    'Set max_tokens: 1500 and token_count: 20.',
    'Commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it.',
    'Call getUserAccountSettingsFromDatabaseWithRetry3Times or CustomerBillingPortalSessionConfiguration2024Update.',
    'The secret: practise every day.',
  ]) {
    assert.deepEqual(redact(text), { text, redactions: [] }, text);
  }
});
