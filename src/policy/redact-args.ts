import { EMAIL_IN_TEXT } from './email-in-text.ts';

/**
 * What the audit log keeps of a call's arguments: enough to investigate, not a copy
 * of personal data or a secret. Each string first passes `scrub` (the output gate:
 * secrets, system-prompt spans), then emails keep their domain, phones their last
 * two digits, long strings are cut, and control characters are shown by code point.
 * The digest stored beside it proves what was actually sent.
 */
const PHONE = /\+?\d[\d ().-]{5,}\d/g;
const MAX_STRING = 200;

function redactString(value: string, scrub: (text: string) => string): string {
  const shown = scrub(value)
    .replace(EMAIL_IN_TEXT, (address) => `***@${address.slice(address.lastIndexOf('@') + 1)}`)
    .replace(PHONE, (m) => `***${m.slice(-2)}`)
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' || c === '\t' ? c : `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`));
  return shown.length > MAX_STRING ? `${shown.slice(0, MAX_STRING)}… (${value.length} chars)` : shown;
}

export function redactArgs(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, scrub);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redactArgs(v, scrub, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .slice(0, 30)
      .map(([k, v]) => [redactString(k, scrub), redactArgs(v, scrub, depth + 1)]),
  );
}
