import type { Detector } from './types.ts';

/**
 * An email address (letters of any script). Not inside a URL's authority
 * (`//user:pass@host` is a credential, handled as one), and only from the
 * start of its local part, which keeps the scan linear.
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])(?<!\/\/[^\s/@]*)[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase();
}

/** Email addresses other than the caller's own and those the user typed in this conversation. */
export const detectEmails: Detector = (text, ctx, out) => {
  let allowed: Set<string> | undefined;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    allowed ??= new Set(ctx.allowedEmails.map(normalizeEmail));
    if (allowed.has(normalizeEmail(m[0]))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, replacement: '[email redacted]', kind: 'email' });
  }
};
