import type { Detector } from './types.ts';

/** Card numbers (ISO/IEC 7812) have 13 to 19 digits. */
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

/** Digits, ASCII or full-width (which read the same). */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
/** What may separate digit groups: spaces of any width and dashes, up to three of them. */
export const GROUP_GAP = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\-\\u2010-\\u2014]{1,3}';

const RUN = new RegExp(`(?<!${DIGIT})${DIGIT}+(?:${GROUP_GAP}${DIGIT}+)*`, 'g');
const GROUP = new RegExp(`${DIGIT}+`, 'g');
/** The text ends in digit groups (not the tail of a word such as `item42`) that more digits could turn into a card number. */
export const DIGITS_AT_END = new RegExp(`(?<![0-9A-Za-z_\\uFF10-\\uFF19])${DIGIT}+(?:${GROUP_GAP}${DIGIT}+)*(?:${GROUP_GAP})?$`);

function digitValue(code: number): number {
  return code >= 0xff10 ? code - 0xff10 : code - 0x30;
}

/** The Luhn checksum (ISO/IEC 7812-1 annex B) over `digits`. */
export function luhnValid(digits: number[]): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i] as number;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Finds card numbers: 13–19 digits, in groups separated by spaces or dashes,
 * that pass the Luhn check. A run of groups (a card followed by its CVC, say)
 * is searched for card-length windows that start and end on group edges; a
 * number that fails Luhn (order and phone numbers, mostly) is left alone.
 */
export const detectCardNumbers: Detector = (text, _ctx, out) => {
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    if (run[0].length < MIN_DIGITS) continue;
    const groups: Array<{ start: number; end: number; digits: number[] }> = [];
    GROUP.lastIndex = 0;
    for (let g = GROUP.exec(run[0]); g; g = GROUP.exec(run[0])) {
      const digits = [...g[0]].map((c) => digitValue(c.charCodeAt(0)));
      groups.push({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits });
    }
    for (let i = 0; i < groups.length; ) {
      const end = longestCardFrom(groups, i);
      if (end < 0) {
        i++;
        continue;
      }
      out.push({
        start: (groups[i] as { start: number }).start,
        end: (groups[end] as { end: number }).end,
        replacement: '[card number redacted]',
        kind: 'card_number',
      });
      i = end + 1;
    }
  }
};

/** Index of the last group of the longest Luhn-valid card-length window starting at group `first`, or -1. */
function longestCardFrom(groups: Array<{ digits: number[] }>, first: number): number {
  let digits: number[] = [];
  let found = -1;
  for (let j = first; j < groups.length; j++) {
    digits = digits.concat((groups[j] as { digits: number[] }).digits);
    if (digits.length > MAX_DIGITS) break;
    if (digits.length >= MIN_DIGITS && luhnValid(digits)) found = j;
  }
  return found;
}
