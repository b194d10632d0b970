import { GAP_CLASS } from './invisible.ts';
import type { Detector } from './types.ts';

/** Shorter values match ordinary words; the contract ignores them. */
const MIN_SECRET_LENGTH = 8;
/** A held-back tail must share at least this many characters with a secret's start; shorter overlaps are chance. */
const MIN_PARTIAL = 4;
/** Whitespace a model may put between the characters of a secret to slip it past a plain match. */
const GAP = '\\s*';
const GAP_CHAR = new RegExp(`[${GAP_CLASS}]`);
const BASE64_CHAR = /[A-Za-z0-9+/_-]/;

export interface SecretValueMatcher {
  detect: Detector;
  /** Index of the start of a partial secret at the end of `text` (more text could complete it), or -1. */
  partialStart(text: string): number;
}

/**
 * Matches configured secret values: verbatim, case-changed, with whitespace
 * between characters, percent-encoded (wholly or in part), and their base64
 * and base64url forms at any byte alignment (so a secret inside a longer
 * encoded string is found too).
 */
export function createSecretValueMatcher(values: string[]): SecretValueMatcher | undefined {
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_SECRET_LENGTH))]
    // Longest first: where one secret starts another, the alternation must take the whole longer one.
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return undefined;

  const encoded = secrets.flatMap(base64Middles).filter((m) => m.length >= MIN_SECRET_LENGTH);
  const plain = new RegExp(secrets.map((s) => [...s].map(plainChar).join(GAP)).join('|'), 'gi');
  const base64 = encoded.length ? new RegExp(encoded.map((m) => [...m].map(base64Char).join(GAP)).join('|'), 'g') : undefined;

  const plainForms = secrets.map((s) => s.toLowerCase());
  const base64Forms = encoded;
  // Room for the longest form with a gap after every character, and some more.
  const longest = Math.max(...plainForms.map((f) => f.length), ...base64Forms.map((f) => f.length));
  const window = Math.min(4000, 4 * longest + 64);

  return {
    detect(text, _ctx, out) {
      plain.lastIndex = 0;
      for (let m = plain.exec(text); m; m = plain.exec(text)) {
        out.push({ start: m.index, end: m.index + m[0].length, replacement: '[redacted]', kind: 'secret_value' });
      }
      if (!base64) return;
      base64.lastIndex = 0;
      for (let m = base64.exec(text); m; m = base64.exec(text)) {
        // The characters that mix the secret's first and last bits with its neighbours', and the padding, go too.
        let start = m.index;
        let end = m.index + m[0].length;
        for (let n = 0; n < 2 && start > 0 && BASE64_CHAR.test(text[start - 1] as string); n++) start--;
        for (let n = 0; n < 2 && end < text.length && BASE64_CHAR.test(text[end] as string); n++) end++;
        while (text[end] === '=') end++;
        out.push({ start, end, replacement: '[redacted]', kind: 'secret_value' });
      }
    },
    partialStart(text) {
      const from = Math.max(0, text.length - window);
      const starts = [
        partialOf(canonical(text, from, false), plainForms),
        partialOf(canonical(text, from, true), base64Forms),
      ].filter((i) => i >= 0);
      return starts.length ? Math.min(...starts) : -1;
    },
  };
}

/** One character of a secret: itself (any case) or its percent-encoding (either case of a letter). */
function plainChar(ch: string): string {
  const alternatives = new Set([escape(ch), percent(ch)]);
  const other = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
  if (other !== ch && other.length === ch.length) alternatives.add(percent(other));
  return alternatives.size === 1 ? escape(ch) : `(?:${[...alternatives].join('|')})`;
}

/** One base64 character: the standard and URL-safe alphabets differ only in `+` and `/`. */
function base64Char(ch: string): string {
  if (ch === '+') return '(?:\\+|-|%2[bB])';
  if (ch === '/') return '(?:\\/|_|%2[fF])';
  return ch;
}

function percent(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The part of base64(secret) that does not depend on the bytes around it, for
 * each of the three alignments the secret can have inside a longer encoded
 * string. A character is kept when all six of its bits come from the secret.
 */
function base64Middles(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length) - 6) / 6);
    return encoded.slice(first, last + 1);
  });
}

interface Canonical {
  chars: string;
  origin: number[];
}

/**
 * `text` from `from` on as the matchers see it: gaps dropped, percent-escapes
 * of ASCII decoded, and either lower-cased (plain) or mapped to the standard
 * base64 alphabet (base64). `origin[i]` is where `chars[i]` came from.
 */
function canonical(text: string, from: number, base64: boolean): Canonical {
  let chars = '';
  const origin: number[] = [];
  for (let i = from; i < text.length; i++) {
    let ch = text[i] as string;
    const at = i;
    if (GAP_CHAR.test(ch)) continue;
    if (ch === '%' && /^[0-7][0-9a-fA-F]$/.test(text.slice(i + 1, i + 3))) {
      ch = String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    }
    if (base64) ch = ch === '-' ? '+' : ch === '_' ? '/' : ch;
    else ch = ch.toLowerCase();
    chars += ch;
    origin.push(at);
  }
  return { chars, origin };
}

/** Earliest position whose rest of `c` is a proper prefix (≥ MIN_PARTIAL long) of one of `forms`, or -1. */
function partialOf(c: Canonical, forms: string[]): number {
  let best = -1;
  for (const form of forms) {
    const longest = Math.min(form.length - 1, c.chars.length);
    for (let i = c.chars.length - longest; i <= c.chars.length - MIN_PARTIAL; i++) {
      if (form.startsWith(c.chars.slice(i))) {
        const at = c.origin[i] as number;
        if (best < 0 || at < best) best = at;
        break;
      }
    }
  }
  return best;
}
