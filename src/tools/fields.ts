import { z } from 'zod';
import { hasMixedScriptWord } from './mixed-script.ts';
import { looksLikeSqlInjection } from './sql-fragments.ts';

/**
 * Field types shared by the tool schemas. They reject rather than repair: a value
 * that needs cleaning is a sign of a hostile or confused caller, and silently
 * changing it would make the audit row disagree with what the model sent.
 */

// Zero-width, bidi overrides and other invisible format characters (Unicode Cf),
// plus C0/C1 controls. Tab and newline are allowed only in multi-line text.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/u;
// The zero-width joiner inside an emoji sequence (🤷‍♂️, 👩‍💻) is how phones type those emoji,
// not hidden text: a joiner between two pictographs is left out before INVISIBLE is checked.
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;
// U+FFFD is what the gateway puts where a model sent text Postgres cannot store (NUL, a
// lone surrogate): such a value was mangled on the way, so it is refused, not written.
const REPLACED = /\uFFFD/;
const HTML_TAG = /<\s*[a-zA-Z!/?]/;
// Leading characters that spreadsheets evaluate as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function text(max: number, { multiline }: { multiline: boolean }) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !INVISIBLE.test(s.replace(EMOJI_JOINER, '')), 'contains invisible or control characters')
    .refine((s) => !REPLACED.test(s), 'contains a character that could not be stored')
    .refine((s) => multiline || !/[\n\t]/.test(s), 'must be a single line')
    .refine((s) => !HTML_TAG.test(s), 'must not contain HTML')
    .refine((s) => !FORMULA_START.test(s), 'must not start with a formula character')
    .refine((s) => !looksLikeSqlInjection(s), 'must not contain SQL statements');
}

export const singleLine = (max: number) => text(max, { multiline: false });
export const multiLine = (max: number) => text(max, { multiline: true });

/**
 * A person's name in any script: letters, marks, spaces, apostrophes, hyphens, dots,
 * and the middle dots that separate given and family name in katakana and Chinese
 * transcriptions (マリア・ゴンザレス, 阿卜杜拉·艾力). A word whose letters share no
 * script (a Latin name with a Cyrillic look-alike) is refused: UTS #39 mixed script.
 */
export const personName = singleLine(100)
  .refine((s) => /^[\p{L}\p{M}][\p{L}\p{M} .'’\-・·]*$/u.test(s), 'must be a name (letters, spaces, apostrophes, hyphens)')
  .refine((s) => !hasMixedScriptWord(s), 'must not mix look-alike letters from different scripts in one word');

export const email = z
  .string()
  .trim()
  .max(254)
  .refine((s) => !FORMULA_START.test(s), 'must not start with a formula character')
  .pipe(z.email())
  .transform((s) => s.toLowerCase());

/** Domains that deliver to one Gmail mailbox: `googlemail.com` is the same service. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * One mailbox however it is spelled, for limits per target email. Every provider here
 * treats `+tag` as a sub-address of the same mailbox (RFC 5233 subaddressing, which the
 * big providers follow); Gmail also ignores dots in the local part and answers for
 * googlemail.com, so `A.n.n+x@googlemail.com` and `ann@gmail.com` are one mailbox.
 * Dots are kept for every other provider, where `a.nn@` and `ann@` may be two people.
 */
export function mailboxKey(address: string): string {
  const [local = '', rawDomain = ''] = address.trim().toLowerCase().split(/@(?=[^@]*$)/);
  const domain = rawDomain.replace(/\.$/, '');
  const base = local.split('+')[0]!;
  if (GMAIL_DOMAINS.has(domain)) return `${base.replaceAll('.', '')}@gmail.com`;
  return `${base}@${domain}`;
}

/** Digits with the separators people type: `+44 20 7946 0123`, `(415) 555-0134`, `090-1234-5678`, `x12` extensions. */
export const phone = z
  .string()
  .trim()
  .regex(/^\+?\(?[0-9][0-9 ()./-]{4,28}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$/i, 'must be a phone number')
  .refine((s) => (s.match(/[0-9]/g) ?? []).length >= 6, 'must be a phone number');
