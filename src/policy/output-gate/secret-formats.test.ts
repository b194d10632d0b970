import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAKE } from '../../../test/support/fake-secrets.ts';
import { createRedactor } from './redact.ts';

const redact = (text: string) =>
  createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: ['example.com'], maxChars: 4000 })(text, {
    allowedEmails: [],
  });

// Shaped like real credentials, but made up (see FAKE).
const SAMPLES: Array<[string, string]> = [
  ['an OpenAI key', FAKE.openaiKey],
  ['an OpenAI project key', FAKE.openaiProjectKey],
  ['a Stripe live secret key', FAKE.stripeLiveKey],
  ['a Stripe test secret key', FAKE.stripeTestKey],
  ['a Stripe restricted key', FAKE.stripeRestrictedKey],
  ['a webhook signing secret', FAKE.webhookSecret],
  ['an AWS access key id', FAKE.awsAccessKeyId],
  ['a GitHub token', FAKE.githubToken],
  ['a GitHub fine-grained token', FAKE.githubFineGrainedToken],
  ['a Slack token', FAKE.slackToken],
  ['a Google API key', FAKE.googleApiKey],
  ['a JWT', FAKE.jwt],
  ['an unsigned JWT', FAKE.unsignedJwt],
  ['a random base64 secret', FAKE.randomBase64Secret],
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
  const pem = [FAKE.privateKeyHeader('RSA '), FAKE.pemBodyLine, FAKE.pemBodyLine, FAKE.privateKeyFooter('RSA ')].join('\n');
  assert.equal(redact(`Key:\n${pem}\nDone.`).text, 'Key:\n[redacted]\nDone.');
});

test('a private key whose END has not come is redacted through the end of the text', () => {
  assert.equal(redact(`Key:\n${FAKE.privateKeyHeader('OPENSSH ')}\n${FAKE.pemBodyLine}`).text, 'Key:\n[redacted]');
});

test('bearer and basic credentials are redacted after their label; an Authorization line goes whole', () => {
  assert.equal(redact('Send Bearer 4f9a1c2e8b7d6a5f3e2d1c0b with it').text, 'Send Bearer [redacted] with it');
  assert.equal(redact('the pair Basic dXNlcjpwYXNzd29yZA== decodes').text, 'the pair Basic [redacted] decodes');
  assert.equal(redact('Authorization: Bearer 4f9a1c2e8b7d6a5f3e2d1c0b').text, '[redacted]');
  assert.equal(redact('Authorization: Basic dXNlcjpwYXNzd29yZA==').text, '[redacted]');
});

test('a URL with credentials is redacted whole: its host and database would still map the back end', () => {
  assert.equal(redact('Use postgres://admin:s3cr3t@db.internal:5432/app now').text, 'Use [redacted] now');
  assert.equal(redact('See https://bob:pw123@example.com/x').text, 'See [redacted]');
});

test('secret assignments keep their name and lose their value', () => {
  assert.equal(redact('password=hunter2').text, 'password=[redacted]');
  assert.equal(redact('aws_secret_access_key = FAKEsecret/K7value').text, 'aws_secret_access_key = [redacted]');
  assert.equal(redact('{"api_key": "abc def ghi"}').text, '{"api_key": "[redacted]"}');
  assert.equal(redact('export STRIPE_SECRET_KEY=whatever123').text, 'export STRIPE_SECRET_KEY=[redacted]');
  assert.equal(redact('x-api-key: 9f8e7d6c').text, '[redacted]', 'a credential header line goes whole');
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
