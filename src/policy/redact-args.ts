/**
 * What the audit log keeps of a call's arguments: enough to investigate, not a copy
 * of personal data. Emails keep their domain, phones their last two digits, long
 * strings are cut, and invisible characters are shown by code point. The digest
 * stored beside it proves what was actually sent.
 */
const EMAIL = /([A-Z0-9._%+-]+)@([A-Z0-9.-]+\.[A-Z]{2,})/gi;
const PHONE = /\+?\d[\d ().-]{5,}\d/g;
const SECRET = /\b(sk|rk|pk)[-_](live_|test_|proj-)?[A-Za-z0-9_-]{8,}|\bwhsec_[A-Za-z0-9]+|\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const MAX_STRING = 200;

function redactString(value: string): string {
  const shown = value
    .replace(SECRET, '[secret]')
    .replace(EMAIL, (_m, _local, domain: string) => `***@${domain}`)
    .replace(PHONE, (m) => `***${m.slice(-2)}`)
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' || c === '\t' ? c : `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`));
  return shown.length > MAX_STRING ? `${shown.slice(0, MAX_STRING)}… (${value.length} chars)` : shown;
}

export function redactArgs(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redactArgs(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .slice(0, 30)
      .map(([k, v]) => [redactString(k), redactArgs(v, depth + 1)]),
  );
}
