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

/** The Luhn checksum (ISO/IEC 7812-1 annex B) over `digits[from..to)`. */
export function luhnValid(digits: number[], from = 0, to = digits.length): boolean {
  let sum = 0;
  for (let i = to - 1, odd = false; i >= from; i--, odd = !odd) {
    let d = digits[i] as number;
    if (odd) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A group of digits: where it is in the text, and where its digits are in the run's digit list. */
interface Group {
  start: number;
  end: number;
  from: number;
  to: number;
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
    if (insideWord(text, run.index, run.index + run[0].length)) continue;
    const digits: number[] = [];
    const groups: Group[] = [];
    GROUP.lastIndex = 0;
    for (let g = GROUP.exec(run[0]); g; g = GROUP.exec(run[0])) {
      const from = digits.length;
      for (let k = 0; k < g[0].length; k++) digits.push(digitValue(g[0].charCodeAt(k)));
      groups.push({ start: run.index + g.index, end: run.index + g.index + g[0].length, from, to: digits.length });
    }
    for (let i = 0; i < groups.length; ) {
      const last = longestCardFrom(groups, digits, i);
      if (last < 0) {
        i++;
        continue;
      }
      const first = groups[i] as Group;
      out.push({ start: first.start, end: (groups[last] as Group).end, replacement: '[card number redacted]', kind: 'card_number' });
      i = last + 1;
    }
  }
};

const WORD_CHAR = /[A-Za-z_\u00C0-\u024F]/;

/**
 * Digits that run into letters are part of an identifier, not a card: a UUID such as
 * `83920174-5521-4a13-…` holds 12+ digits in dash-separated groups, and one in a few
 * thousand of them would otherwise pass Luhn and be shown to the user as redacted.
 */
function insideWord(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return WORD_CHAR.test(before.at(-1) ?? '') || /^-?[A-Za-z_]/.test(after) || /[A-Za-z_]-$/.test(before);
}

/** Index of the last group of the longest Luhn-valid card-length window starting at group `first`, or -1. */
function longestCardFrom(groups: Group[], digits: number[], first: number): number {
  const from = (groups[first] as Group).from;
  let found = -1;
  for (let j = first; j < groups.length; j++) {
    const to = (groups[j] as Group).to;
    if (to - from > MAX_DIGITS) break;
    if (to - from >= MIN_DIGITS && luhnValid(digits, from, to)) found = j;
  }
  return found;
}
