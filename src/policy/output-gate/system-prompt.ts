import type { Detector } from './types.ts';

/** A run this long of the prompt's own words is a leak; 7 words in common is ordinary language. */
export const MIN_LEAKED_WORDS = 8;

/** Words are runs of letters, digits and combining marks; whitespace, punctuation and markdown in between do not matter. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const ASCII = /^[\x00-\x7F]*$/;

/** NFKC folds look-alike forms (full-width letters, ligatures) onto the plain ones; then case is ignored. */
function normalizeWord(word: string): string {
  return (ASCII.test(word) ? word : word.normalize('NFKC')).toLowerCase();
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Calls `onWord(start, end)` for each word of `text`. A hand loop rather than
 * a regex: it runs on every piece of every reply, and ASCII, the common case,
 * then costs a few comparisons per character.
 */
function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    if (code < 128) isWord = isAsciiWordChar(code);
    else {
      const point = text.codePointAt(i) as number;
      width = point > 0xffff ? 2 : 1;
      isWord = WORD_CHAR.test(String.fromCodePoint(point));
    }
    if (isWord && start < 0) start = i;
    if (!isWord && start >= 0) {
      onWord(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) onWord(start, text.length);
}

/**
 * Finds verbatim spans of the system prompt: any run of at least
 * MIN_LEAKED_WORDS consecutive words that also occur consecutively in the
 * prompt, compared as normalized words. The whole run is hidden.
 */
export function createSystemPromptDetector(prompt: string): Detector | undefined {
  const vocabulary = new Map<string, number>();
  const ids: number[] = [];
  forEachWord(prompt, (start, end) => {
    const w = normalizeWord(prompt.slice(start, end));
    let id = vocabulary.get(w);
    if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
    ids.push(id);
  });
  if (ids.length < MIN_LEAKED_WORDS) return undefined;
  const grams = new Set<string>();
  for (let i = 0; i + MIN_LEAKED_WORDS <= ids.length; i++) grams.add(ids.slice(i, i + MIN_LEAKED_WORDS).join(','));

  return (text, _ctx, out) => {
    const starts: number[] = [];
    const ends: number[] = [];
    const wordIds: number[] = [];
    forEachWord(text, (start, end) => {
      starts.push(start);
      ends.push(end);
      wordIds.push(vocabulary.get(normalizeWord(text.slice(start, end))) ?? -1);
    });
    // covered[i]: word i is inside some window of MIN_LEAKED_WORDS words that the prompt also has.
    const covered = new Uint8Array(wordIds.length);
    let known = 0; // how many words up to i are in the prompt's vocabulary without a break
    for (let i = 0; i < wordIds.length; i++) {
      known = (wordIds[i] as number) < 0 ? 0 : known + 1;
      if (known < MIN_LEAKED_WORDS) continue;
      const first = i + 1 - MIN_LEAKED_WORDS;
      if (grams.has(wordIds.slice(first, i + 1).join(','))) covered.fill(1, first, i + 1);
    }
    for (let i = 0; i < covered.length; ) {
      if (!covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < covered.length && covered[j + 1]) j++;
      out.push({ start: starts[i] as number, end: ends[j] as number, replacement: '[redacted]', kind: 'system_prompt' });
      i = j + 1;
    }
  };
}
