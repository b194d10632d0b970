import { withoutDiacritics } from '../normalize-text.ts';

// Mirrors of the field rules in src/tools/fields.ts, used to repair free text before
// it is emitted. The schemas reject; the model cleans, so what it sends is valid.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/gu;
const HTML_TAG = /<\s*[a-zA-Z!/?][^<>]*>/g;
const TAG_START = /<(?=\s*[a-zA-Z!/?])/g;
const FORMULA_START = /^[\s=+\-@]+/;

export function clean(text: string, { multiline }: { multiline: boolean }): string {
  let s = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(HTML_TAG, ' ').replace(TAG_START, '');
  s = multiline
    ? s.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n')
    : s.replace(/\s+/g, ' ');
  return s.replace(FORMULA_START, '').trim();
}

/** Shorten to at most `max` UTF-16 units, at a word boundary when one is near, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** Accents dropped and ends trimmed, case kept: for matching greetings and topic words. */
export function plain(text: string): string {
  return withoutDiacritics(text).trim();
}

/** The sentences of a message, split at sentence ends and line breaks. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}
