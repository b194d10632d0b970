/**
 * Bounds on JSON text that a model (or the puppet script) hands over, applied to the text
 * before anything parses it: `JSON.parse` and `JSON.stringify` recurse, so a few thousand
 * nested brackets overflow the stack. Over a bound, the value is replaced with a marker
 * object that no tool schema accepts, so the call is still decided (denied) and audited.
 */

/** Deeper than any tool schema goes (the policy refuses beyond 16), with room for the puppet script's own wrapper. */
export const MAX_JSON_DEPTH = 32;
/** Tool arguments are a few short fields; the chat body limit is 64 KB. */
export const MAX_TOOL_INPUT_CHARS = 32_768;

export const TOO_DEEP = '{"too_deeply_nested":true}';
export const TOO_LARGE = '{"too_large":true}';

/**
 * `text` with every array or object that opens deeper than `maxDepth` replaced by `TOO_DEEP`.
 * Text that is not JSON comes back unchanged (its parser refuses it as before).
 */
export function capJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): string {
  let depth = 0;
  let inString = false;
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === '[' || ch === '{') {
      if (depth < maxDepth) {
        depth++;
        continue;
      }
      const end = closingIndex(text, i);
      out += text.slice(copiedUpTo, i) + TOO_DEEP;
      copiedUpTo = end + 1;
      i = end;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** The index of the bracket that closes the one at `start` (or the last index, for unbalanced text). */
function closingIndex(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && --depth === 0) return i;
  }
  return text.length - 1;
}

/** Tool-call input text within both bounds: too long becomes `TOO_LARGE`, too deep is cut to `maxDepth`. */
export function boundToolInput(text: string): string {
  if (text.length > MAX_TOOL_INPUT_CHARS) return TOO_LARGE;
  return capJsonDepth(text);
}
