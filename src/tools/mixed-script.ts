/**
 * UTS #39 §5.1 mixed-script detection over one word, from the engine's own Unicode
 * data (Script_Extensions), not from a hand table of look-alikes: "Аlice" with a
 * Cyrillic А has no script common to all its letters, so it is refused whatever the
 * glyphs look like. Han, Hiragana, Katakana, Bopomofo and Hangul are augmented as
 * §5.1 says (Jpan, Kore, Hanb), so 佐藤けんじ and 홍吉동 stay one script.
 */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Devanagari', 'Bengali', 'Gurmukhi',
  'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian',
  'Hangul', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Ogham', 'Runic', 'Khmer', 'Mongolian', 'Hiragana', 'Katakana',
  'Bopomofo', 'Han', 'Yi', 'Coptic', 'Tifinagh', 'Vai', 'Javanese', 'Balinese', 'Sundanese', 'Tai_Viet', 'Ol_Chiki',
] as const;

const MATCHERS = SCRIPTS.map((name) => [name, new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u')] as const);

const AUGMENTED: Record<string, string[]> = {
  Han: ['Han', 'Jpan', 'Kore', 'Hanb'],
  Hiragana: ['Jpan'],
  Katakana: ['Jpan'],
  Hangul: ['Kore'],
  Bopomofo: ['Hanb'],
};

function scriptsOf(letter: string): Set<string> {
  const found = MATCHERS.filter(([, re]) => re.test(letter)).flatMap(([name]) => AUGMENTED[name] ?? [name]);
  // A letter of a script not listed above is its own script: it cannot hide among Latin letters.
  return new Set(found.length ? found : [`U+${letter.codePointAt(0)!.toString(16)}`]);
}

/** True when the letters of one word share no script (Common and Inherited characters, marks and digits, fit any). */
export function isMixedScriptWord(word: string): boolean {
  let common: string[] | null = null;
  for (const ch of word) {
    if (!/\p{L}/u.test(ch) || /^[\p{Script=Common}\p{Script=Inherited}]$/u.test(ch)) continue;
    const own = scriptsOf(ch);
    common = common === null ? [...own] : common.filter((s) => own.has(s));
    if (common.length === 0) return true;
  }
  return false;
}

/** Any word of the text mixes scripts (words split at spaces and name punctuation). */
export function hasMixedScriptWord(text: string): boolean {
  return text.split(/[\s.'’\-・·]+/u).some(isMixedScriptWord);
}
