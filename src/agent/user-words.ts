// In src/agent beside confirmations, not src/policy: the turn applies it to the user's message before any gate runs; the gates see only its result.
// Greedy on purpose: from the first opening to the last closing tag, so pasted text
// that contains its own `</pasted>` cannot close the paste early and speak as the user.
const PASTED_SPAN = /<pasted\b[^>]*>(?:[\s\S]*<\/pasted\s*>|[\s\S]*$)/gi;
const FENCE_LINE = /^\s*(`{3,}|~{3,})/;
const INLINE_FENCE = /`{3,}[\s\S]*?`{3,}/g;
const BLOCKQUOTE_LINE = /^\s*>/;

/**
 * The part of a message the user wrote themselves. Quoted, fenced and pasted text is
 * somebody else's words (an email, a log, a web page), so it must neither trigger a
 * tool nor supply its arguments: grounding, confirmations and the confidence estimate
 * all read only this. Quotes are dropped line by line, deliberately ignoring
 * markdown's lazy continuation: a plain line after a quote is the user speaking again.
 * Everything from the first fence line to the last one is foreign, and an unclosed
 * fence or `<pasted>` runs to the end: pasted text can contain fences and tags of its
 * own, and guessing where it really stops would let it leak back in.
 */
export function userWords(text: string): string {
  const lines = text.replace(PASTED_SPAN, '\n').split(/\r\n|\r|\n/);
  const fences = lines.flatMap((line, i) => (FENCE_LINE.test(line) && !isInlineFence(line) ? [i] : []));
  const firstFence = fences[0] ?? Infinity;
  const lastFence = fences.length > 1 ? fences.at(-1)! : Infinity;
  const kept = lines.filter((line, i) => (i < firstFence || i > lastFence) && !BLOCKQUOTE_LINE.test(line));
  return kept
    .map((line) => line.replace(INLINE_FENCE, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Whether a message carries text the user did not write: anything `userWords` drops
 * (pasted, quoted or fenced text). Only line endings and blank lines are not counted.
 */
export function carriesForeignText(text: string): boolean {
  return userWords(text) !== text.replace(/\r\n|\r/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A line such as ```` ```code``` ```` opens and closes on itself. */
function isInlineFence(line: string): boolean {
  const open = FENCE_LINE.exec(line)?.[1];
  return open !== undefined && line.slice(line.indexOf(open) + open.length).includes(open);
}
