import type { LinkPolicy } from './link-policy.ts';
import type { Detector, Span } from './types.ts';

/**
 * Markdown image or link: `![alt](target "title")` / `[text](target)`. Text
 * may hold one level of brackets (a badge image inside a link), the target
 * one level of parentheses (as Wikipedia URLs do) or be written `<…>`.
 */
const MARKDOWN =
  /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g;
// A tag ends at the next `>`; stopping at a `<` too keeps the scan linear when `>` never comes.
const HTML_IMG = /<img\b[^<>]*>/gi;
const HTML_A = /<a\b[^<>]*>/gi;
const HTML_A_CLOSE = /<\/a\s*>/gi;
const ATTRIBUTE = /\b(src|srcset|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/**
 * A URL as text, in the forms renderers turn into links or load: web schemes,
 * scheme-relative `//host`, `www.host`, and the `data:`, `javascript:` and
 * `vbscript:` schemes. Never starts inside a word, so `metadata:` is not a
 * data URI. (`postgres://…` is no link; its credentials are a secret format.)
 * Brackets end it, so `…/b.svg)](https://ok.com)` in nested markdown is two URLs.
 */
const BARE_URL =
  /(?<![A-Za-z0-9+.-])(?:(?:https?|ftps?|wss?|file):\/\/|(?<!:)\/\/(?=[\p{L}\p{N}])|www\.(?=[\p{L}\p{N}])|(?:data|javascript|vbscript):(?=\S))[^\s<>"'`[\]]*/giu;

/** Links and images whose target the policy refuses. */
export function createLinkDetector(allowed: LinkPolicy): Detector {
  return (text, _ctx, out) => {
    markdown(text, allowed, out);
    html(text, allowed, out);
    bareUrls(text, allowed, out);
  };
}

function markdown(text: string, allowed: LinkPolicy, out: Span[]): void {
  MARKDOWN.lastIndex = 0;
  for (let m = MARKDOWN.exec(text); m; m = MARKDOWN.exec(text)) {
    const [whole, bang = '', label = '', rawTarget = ''] = m;
    const end = m.index + whole.length;
    // Scan inside this one too: an image in the text of an allowed link is still an image.
    MARKDOWN.lastIndex = m.index + bang.length + 1;
    if (allowed(rawTarget.replace(/^<|>$/g, ''))) continue;
    if (bang) {
      out.push({ start: m.index, end, replacement: '[image removed]', kind: 'image' });
    } else {
      // `[text](url)` → `text`: the reader keeps the words, not the way out.
      out.push({ start: m.index, end: m.index + 1, replacement: '', kind: null });
      out.push({ start: m.index + 1 + label.length, end, replacement: '', kind: 'link' });
    }
  }
}

function html(text: string, allowed: LinkPolicy, out: Span[]): void {
  HTML_IMG.lastIndex = 0;
  for (let m = HTML_IMG.exec(text); m; m = HTML_IMG.exec(text)) {
    if (targets(m[0]).every(allowed)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, replacement: '[image removed]', kind: 'image' });
  }
  HTML_A.lastIndex = 0;
  for (let m = HTML_A.exec(text); m; m = HTML_A.exec(text)) {
    if (targets(m[0]).every(allowed)) continue;
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, replacement: '', kind: 'link' });
    HTML_A_CLOSE.lastIndex = end;
    const close = HTML_A_CLOSE.exec(text);
    if (close) out.push({ start: close.index, end: close.index + close[0].length, replacement: '', kind: null });
  }
}

/** The URLs a tag would load or link to (`src`, every `srcset` candidate, `href`). */
function targets(tag: string): string[] {
  const urls: string[] = [];
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (m[1]?.toLowerCase() === 'srcset') urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
    else urls.push(value);
  }
  return urls;
}

function bareUrls(text: string, allowed: LinkPolicy, out: Span[]): void {
  BARE_URL.lastIndex = 0;
  for (let m = BARE_URL.exec(text); m; m = BARE_URL.exec(text)) {
    const url = trimTrailing(m[0]);
    if (!url || allowed(url)) continue;
    out.push({ start: m.index, end: m.index + url.length, replacement: '[link removed]', kind: 'link' });
  }
}

/** Sentence punctuation after a URL is not part of it; a closing bracket is, only when the URL opened it. */
function trimTrailing(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) return '';
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : undefined;
    if (open && count(url, open, end) >= count(url, last, end)) return url.slice(0, end);
    if (!open && !".,;:!?*_~'\"".includes(last)) return url.slice(0, end);
    end--;
  }
}

function count(s: string, ch: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s[i] === ch) n++;
  return n;
}
