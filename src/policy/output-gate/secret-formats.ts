import type { Detector, Span } from './types.ts';

/**
 * A secret format: `re` finds candidates (global flag); `locate` says which
 * part of a match to hide, or null to let it stand. Leading lookbehinds make
 * each pattern start only at the start of a token, which keeps the scan linear.
 */
interface FormatRule {
  re: RegExp;
  locate?: (m: RegExpExecArray) => [number, number] | null;
}

const whole = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];
/** Keeps the first capture group (a label such as `Bearer `) and hides the second. */
const afterLabel = (m: RegExpExecArray): [number, number] => {
  const start = m.index + (m[1] ?? '').length;
  return [start, start + (m[2] ?? '').length];
};

const PRIVATE_KEY = '[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----';

/** Names under which configuration commonly carries a secret, with optional prefix (`DB_`, `x-`) and suffix (`_key`, `_id`). */
const SECRET_NAME =
  '(?<![\\w.-])[\\w.-]*?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?)' +
  '(?:[_-](?:key|id|value|secret|token|access[_-]key|hash|b64|base64))*';

/**
 * The line ends where a secret would come next: after `Bearer`, `Basic`, or a
 * secret's name and its `:`/`=`. The stream holds such an ending back until
 * the value arrives, so label and value are judged together. (At a line
 * break it need not: the stream's context still ties the value to its label.)
 */
export const SECRET_LABEL_AT_END = new RegExp(
  `(?:(?<![A-Za-z0-9_-])(?:bearer|basic)|${SECRET_NAME}["']?[ \\t]*[:=])[ \\t]*["']?$`,
  'i',
);

const KEY_BEGIN = new RegExp(`^-----BEGIN${PRIVATE_KEY}`);
const KEY_END = new RegExp(`-----END${PRIVATE_KEY}`);

/** Where a private key block begins that has not ended yet, or -1. */
export function openPrivateKeyStart(text: string): number {
  const begin = text.lastIndexOf('-----BEGIN');
  if (begin < 0) return -1;
  const rest = text.slice(begin);
  return KEY_BEGIN.test(rest) && !KEY_END.test(rest) ? begin : -1;
}

const RULES: FormatRule[] = [
  // OpenAI (`sk-`, `sk-proj-`, service account, admin) and Anthropic (`sk-ant-`) keys.
  { re: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}/g },
  // Stripe secret and restricted keys; publishable `pk_` keys are public by design.
  { re: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/g },
  { re: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{8,}/g },
  // AWS access key ids (long-term, temporary and the rarer prefixes).
  { re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  { re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g },
  { re: /(?<![A-Za-z0-9_-])xox[bpars]-[A-Za-z0-9-]{10,}/g },
  { re: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35,}/g },
  // JWT: base64url header `{"…` then payload and signature (empty for alg "none").
  { re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  // A PEM private key through its END line, or through the end of the text when the END has not come (yet).
  { re: new RegExp(`-----BEGIN${PRIVATE_KEY}[\\s\\S]*?(?:-----END${PRIVATE_KEY}|$)`, 'g') },
  // An END line alone: the rest of a key whose start went out earlier (the body lines fall to the high-entropy rule).
  { re: new RegExp(`-----END${PRIVATE_KEY}`, 'g') },
  // RFC 6750 bearer token; a real one has a digit, which keeps prose ("Bearer authentication") out.
  {
    re: /(?<![A-Za-z0-9_-])(bearer\s+)([A-Za-z0-9._~+/-]{12,}=*)/gi,
    locate: (m) => (/\d/.test(m[2] ?? '') ? afterLabel(m) : null),
  },
  // RFC 7617 basic credentials: base64 of `user:password`.
  {
    re: /(?<![A-Za-z0-9_-])(basic\s+)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi,
    locate: (m) => (Buffer.from(m[2] ?? '', 'base64').toString('latin1').includes(':') ? afterLabel(m) : null),
  },
  // A URL with `user:password@` is redacted whole by the infrastructure detector (infrastructure.ts).
  // `password=…`, `"api_key": "…"`, `STRIPE_SECRET_KEY=…`: keep the name, hide the value.
  {
    re: new RegExp(`(${SECRET_NAME}["']?\\s*([:=])\\s*)(?:(["'])([^"'\\n]{1,256}?)\\3|([^\\s"'\`,;<>(){}]{3,}))`, 'gi'),
    locate: (m) => {
      const label = m[1] ?? '';
      const quoted = m[4];
      if (quoted !== undefined) return [m.index + label.length + 1, m.index + label.length + 1 + quoted.length];
      const value = m[5] ?? '';
      // After a colon, prose follows too ("Password: reset it in settings"); a value with only letters is let be.
      if (m[2] === ':' && /^[A-Za-z]+$/.test(value)) return null;
      return [m.index + label.length, m.index + label.length + value.length];
    },
  },
  // Any other long base64 blob that looks random: AWS secret access keys, private key body lines, unknown tokens.
  {
    re: /(?<![A-Za-z0-9+/=_.~-])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=_.~-])/g,
    locate: (m) => (looksRandom(m[0]) ? whole(m) : null),
  },
];

/** Mixed case and digits, and close to the entropy of random base64 (English-like identifiers stay well below). */
function looksRandom(s: string): boolean {
  if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/[0-9]/.test(s)) return false;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits >= 4.4;
}

export const detectSecretFormats: Detector = (text, _ctx, out: Span[]) => {
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      // A zero-length match cannot happen with these patterns, but would loop forever; step past it.
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const at = (rule.locate ?? whole)(m);
      if (at && at[1] > at[0]) out.push({ start: at[0], end: at[1], replacement: '[redacted]', kind: 'secret_format' });
    }
  }
};
