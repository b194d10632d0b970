/**
 * Secret-shaped test values. None is a real credential: each is assembled at run
 * time from its public prefix and a body that says FAKE, so the repository never
 * holds a string that a secret scanner (or a person) could mistake for a live key,
 * while the output gate still sees exactly the shape it must catch.
 */
const join = (...parts: string[]) => parts.join('');
const BODY = 'FAKEtestVALUE0123456789abcdEFGH';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const FAKE = {
  openaiKey: join('sk', '-', BODY, 'ijkl'),
  openaiProjectKey: join('sk', '-proj-', BODY, '_-AbCd'),
  stripeLiveKey: join('sk', '_live_', BODY),
  stripeTestKey: join('sk', '_test_', BODY),
  stripeRestrictedKey: join('rk', '_live_', BODY),
  webhookSecret: join('wh', 'sec_', BODY),
  awsAccessKeyId: join('AK', 'IA', 'FAKEFAKE0EXAMPLE'),
  githubToken: join('gh', 'p_', BODY, 'ijklmnop'),
  githubFineGrainedToken: join('github', '_pat_', '11FAKE0', BODY),
  slackToken: join('xo', 'xb-', '123456789012-1234567890123-', BODY.slice(0, 24)),
  googleApiKey: join('AI', 'za', 'SyFAKE-0123456789abcdefGHIJKLmnopqr'),
  jwt: join(b64url({ alg: 'HS256', typ: 'JWT' }), '.', b64url({ sub: 'fake-user' }), '.', 'RkFLRS1zaWduYXR1cmUtZm9yLXRlc3Rz'),
  unsignedJwt: join(b64url({ alg: 'none' }), '.', b64url({ sub: 'admin' }), '.'),
  /** No known prefix: caught only because it is long, mixed and random-looking. */
  randomBase64Secret: Buffer.from('FAKE/toolgate+output-gate?test#secret~0001').toString('base64'),
  /** A line of a PEM body: base64 of plain words, not of a key. */
  pemBodyLine: Buffer.from('FAKE private key body for toolgate tests, not a key.').toString('base64').slice(0, 64),
  /** The armour line of a PEM private key, e.g. privateKeyHeader('RSA '). */
  privateKeyHeader: (kind = '') => join('-----BEGIN ', kind, 'PRIVATE', ' KEY-----'),
  privateKeyFooter: (kind = '') => join('-----END ', kind, 'PRIVATE', ' KEY-----'),
};
