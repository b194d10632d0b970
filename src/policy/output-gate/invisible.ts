/**
 * Format characters that render as nothing (zero-width space, word joiner,
 * soft hyphen, bidi overrides, Hangul fillers). A model can slip them into a
 * secret, an email or a URL so that no pattern matches while the reader still
 * sees the whole thing, so they are removed before anything is matched.
 */
const INVISIBLE = '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u3164\\uFEFF\\uFFA0';

/** Regex class body of characters that may sit unseen inside a token, whitespace included. */
export const GAP_CLASS = `\\s${INVISIBLE}\\u200C\\u200D`;

const ANY = new RegExp(`[${INVISIBLE}\\u200C\\u200D]`);
const ALWAYS = new RegExp(`[${INVISIBLE}]+`, 'g');
// Zero-width (non-)joiners are needed inside emoji sequences and some scripts; next to ASCII they only hide things.
const JOINERS_BY_ASCII = /(?<=[\x21-\x7E])[\u200C\u200D]+|[\u200C\u200D]+(?=[\x21-\x7E])/g;

export function stripInvisible(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(ALWAYS, '').replace(JOINERS_BY_ASCII, '');
}
