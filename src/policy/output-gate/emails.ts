import type { Detector } from './types.ts';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
/** The domain after `@`: labels of letters (any script), digits and dashes, ending in a top-level name. */
const DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
/** The local part sits in a URL's authority (`//user:pass@host`): a credential, handled as one. */
const IN_AUTHORITY = /\/\/[^\s/@]*$/;

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase();
}

/**
 * Email addresses other than the caller's own and those the user typed in
 * this conversation. Found from each `@` outward, so the cost follows the
 * number of `@` rather than the length of the text.
 */
export const detectEmails: Detector = (text, ctx, out) => {
  let allowed: Set<string> | undefined;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1] as string)) start--;
    if (start === at || IN_AUTHORITY.test(text.slice(Math.max(0, start - 256), start))) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    allowed ??= new Set(ctx.allowedEmails.map(normalizeEmail));
    if (!allowed.has(normalizeEmail(text.slice(start, end)))) {
      out.push({ start, end, replacement: '[email redacted]', kind: 'email' });
    }
    at = end - 1;
  }
};
