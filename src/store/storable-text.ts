/**
 * The one rule for text that may reach the database or a vendor. Postgres `text` cannot hold
 * NUL (U+0000), and `jsonb` refuses both the `\u0000` escape and unpaired UTF-16 surrogates
 * (a lone `\ud800` is not a Unicode scalar value, so it has no UTF-8 encoding: RFC 3629 §3).
 * Text a client sent is refused where it arrives (`findUnstorable`); text a model produced is
 * repaired (`toStorable`), so its attempt is still audited and its turn still stored.
 */

/** NUL, or a surrogate half without its partner (non-`u` regex: it sees UTF-16 code units). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_UNSTORABLE = new RegExp(UNSTORABLE.source);

/** True when Postgres text and jsonb can hold `text` unchanged. */
export function isStorable(text: string): boolean {
  return !HAS_UNSTORABLE.test(text);
}

/** `text` with each lone surrogate and each NUL replaced by U+FFFD, the Unicode replacement character. */
export function toStorable(text: string): string {
  return isStorable(text) ? text : text.replace(UNSTORABLE, '\uFFFD');
}

/**
 * The same value with `toStorable` applied to every string in it, keys included. Recursive,
 * so callers pass values whose depth is already bounded (tool input is capped before parsing).
 */
export function deepStorable<T>(value: T): T {
  if (findUnstorable(value) === null) return value;
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') return toStorable(v);
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [toStorable(k), fix(x)]));
    return v;
  };
  return fix(value) as T;
}

/**
 * Where in `value` the first string (or key) that Postgres cannot store sits, as a path like
 * `message.parts.0.text`, or null when every string is storable. Iterative, so a deeply nested
 * hostile value cannot overflow the stack while being inspected.
 */
export function findUnstorable(value: unknown): string | null {
  // Each entry keeps a link to its parent's path instead of a copy, so a deep value costs
  // linear time; the path is spelt out only for the one offending string or key.
  type PathLink = { key: string; parent: PathLink } | null;
  const spell = (link: PathLink, tail: string[] = []): string[] => {
    const keys: string[] = [];
    for (let at = link; at; at = at.parent) keys.push(at.key);
    return [...keys.reverse(), ...tail];
  };
  const stack: Array<[unknown, PathLink]> = [[value, null]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorable(v)) return spell(path).join('.') || '(value)';
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isStorable(k)) return spell(path, ['(key)']).join('.');
        stack.push([x, { key: k, parent: path }]);
      }
    }
  }
  return null;
}
