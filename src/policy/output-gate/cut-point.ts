/** Past this many held characters without a sentence end, text goes out at the last safe whitespace. */
export const SOFT_HOLD = 500;
/** Past this many, it goes out even without a safe place (an unterminated private key, one giant token). */
export const HARD_HOLD = 2000;

/** A sentence ends at `.`, `!`, `?` or `…` (closing quotes, brackets or emphasis may follow) and whitespace, or at a newline. */
const SENTENCE_END = /[.!?…]+["'”’)\]*_]*\s+|\n/g;

/**
 * How much of `held` can go out now: through the last sentence end, pulled
 * back to before anything `unfinishedFrom` says the next text may complete.
 * Without a sentence end, at the last whitespace once SOFT_HOLD is passed
 * (cutting only between tokens, and never inside a possible match), and
 * unconditionally once HARD_HOLD is passed. 0 means hold everything.
 */
export function cutPoint(held: string, unfinishedFrom: (text: string) => number): number {
  let end = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(held); m; m = SENTENCE_END.exec(held)) end = m.index + m[0].length;
  const atSentence = settle(held, end, unfinishedFrom);
  if (atSentence > 0 || held.length <= SOFT_HOLD) return atSentence;
  const space = lastWhitespaceEnd(held);
  const atSpace = settle(held, space, unfinishedFrom);
  if (atSpace > 0 || held.length <= HARD_HOLD) return atSpace;
  return space > 0 ? space : held.length;
}

/** How many tokens a cut may move back; text that stays unfinished further back waits for the hold limits. */
const MAX_SETTLE_STEPS = 8;

/** Moves `cut` back until nothing before it is unfinished. */
function settle(text: string, cut: number, unfinishedFrom: (text: string) => number): number {
  for (let step = 0; cut > 0 && step < MAX_SETTLE_STEPS; step++) {
    const from = unfinishedFrom(text.slice(0, cut));
    if (from >= cut) return cut;
    cut = from;
  }
  return 0;
}

function lastWhitespaceEnd(text: string): number {
  for (let i = text.length; i > 0; i--) if (/\s/.test(text[i - 1] as string)) return i;
  return 0;
}
