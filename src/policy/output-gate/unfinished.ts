import { DIGITS_AT_END } from './card-numbers.ts';
import { openPrivateKeyStart, SECRET_LABEL_AT_END } from './secret-formats.ts';
import type { SecretValueMatcher } from './secret-values.ts';

/** How far back the end-anchored checks look; labels, links in progress and digit groups are short. */
const LOOKBACK = 300;
/** A markdown link or image whose `[text` is not closed yet. */
const OPEN_BRACKET = /!?\[[^[\]\n]*$/;
/** An HTML link or image tag whose attributes are not closed yet. */
const OPEN_TAG = /<(?:a|img)\b[^<>]*$/i;

/**
 * Where, in `text`, something starts that the next text may complete into a
 * match that spans whitespace: part of a configured secret before a gap, an
 * open private key block, a secret's label waiting for its value, link text
 * not closed yet, digit groups of a possible card number. Returns the start
 * of that token, or `text.length` when the whole text can be judged now.
 */
export function unfinishedFrom(text: string, secrets: SecretValueMatcher | undefined): number {
  const from = Math.max(0, text.length - LOOKBACK);
  const tail = text.slice(from);
  const starts = [
    secrets ? secrets.partialStart(text) : -1,
    openPrivateKeyStart(text),
    ...[SECRET_LABEL_AT_END, OPEN_BRACKET, OPEN_TAG, DIGITS_AT_END].map((re) => {
      const m = re.exec(tail);
      return m ? from + m.index : -1;
    }),
  ].filter((i) => i >= 0);
  if (starts.length === 0) return text.length;
  let start = Math.min(...starts);
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
  return start;
}
