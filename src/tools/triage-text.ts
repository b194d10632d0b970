import { asSimplifiedChinese } from './simplified-chinese.ts';

// The user's words prepared for the triage's phrase lists (ticket-evidence.ts): one form of each
// script, digits and shorthand, cut into the sentences in which two signals must meet.

// Built once: the triage runs on every message the intent estimate scores.
const SENTENCES = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/**
 * A message's sentences, in the form the phrase lists are written for (`readable`): where two
 * signals must meet, they must meet in one of these.
 */
export function sentencesOf(userText: string): string[] {
  return splitSentences(readable(userText));
}

/** Text cut into sentences as `sentencesOf` cuts it, with the text left as it was written. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => [...SENTENCES.segment(line)].map((s) => s.segment))
    .flatMap(lowercaseSentences)
    .filter((s) => s.trim());
}

// A stop and a space before a lower-case letter: chat written in lower case still ends its
// sentences there ("no puedo entrar. los pacientes me llaman"), which Unicode's sentence rules
// do not split; a short abbreviation ("e.g.", "z.B.", "approx.") does not end one.
const LOWERCASE_START = /(?<=[.!?])\s+(?=\p{Ll})/u;
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}{1,3}|\p{L}\.\p{L}|etc|approx|bzw|usw|inkl|incl|vs|ca)\.$/iu;

function lowercaseSentences(segment: string): string[] {
  const out: string[] = [];
  let rest = segment;
  for (let m = LOWERCASE_START.exec(rest), from = 0; m; m = LOWERCASE_START.exec(rest.slice(from))) {
    const at = from + m.index;
    if (rest[at - 1] === '.' && ABBREVIATION.test(rest.slice(0, at))) {
      from = at + m[0].length;
      continue;
    }
    out.push(rest.slice(0, at));
    rest = rest.slice(at + m[0].length);
    from = 0;
  }
  out.push(rest);
  return out;
}

/**
 * The text as the phrase lists are written: composed (NFC), Vietnamese chat shorthand written
 * out, Chinese in simplified characters, Arabic without its optional vowel marks and stretching
 * (خُصم is خصم), and digits of every script as ASCII (٤٥٠, ４５０ and ४५० are 450), since amounts
 * and counts are read as numbers.
 */
function readable(text: string): string {
  return vietnameseShorthand(asSimplifiedChinese(text.normalize('NFC')))
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/\p{Nd}/gu, (d) => String(asciiDigit(d)));
}

// Words only Vietnamese chat uses, with or without diacritics: enough of them make a message Vietnamese.
const VIETNAMESE_WORDS = /(?<![\p{L}\p{M}])(?:của|cua|mình|minh|không|khong|được|duoc|rồi|roi|nhé|nhe|với|voi|này|nay|giờ|gio|khách|khach|hàng|hang|thanh|toán|toan|báo|bao|lỗi|loi|ơi|oi|ko|dc|đc|bị|bi|shop|giúp|giup)(?![\p{L}\p{M}])/giu;

/** Vietnamese chat shorthand written out: "ko"/"hok" is không, "dc"/"đc" is được. */
function vietnameseShorthand(text: string): string {
  if (new Set(text.toLowerCase().match(VIETNAMESE_WORDS) ?? []).size < 4) return text;
  return text.replace(/(?<![\p{L}\p{M}\p{N}])(?:ko|k|hok|hông)(?![\p{L}\p{M}])/giu, 'không').replace(/(?<![\p{L}\p{M}\p{N}])(?:dc|đc|dk)(?![\p{L}\p{M}])/giu, 'được');
}

// Unicode's decimal digits come in runs of ten, from zero up (٠–٩, ０–９, ०–९), some runs
// back to back: a digit's value is its distance from where its run of digits starts, modulo ten.
function asciiDigit(d: string): number {
  const code = d.codePointAt(0)!;
  let start = code;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}
