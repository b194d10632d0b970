/** Marks a reply that was cut at the length cap. */
export const ELLIPSIS = '…';

/**
 * Cuts `text` to `max` characters and appends `…` when it is longer. Never
 * splits a surrogate pair, so the cut cannot produce a broken character.
 */
export function capText(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end) + ELLIPSIS, truncated: true };
}
