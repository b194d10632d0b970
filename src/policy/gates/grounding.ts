import type { Tool } from '../../tools/index.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** NFKC folds width and compatibility forms; it does not fold homoglyphs across scripts. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Cf}]/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Offsets where a word starts or ends, from Unicode word segmentation (UAX #29 plus ICU dictionaries for Chinese, Japanese, Thai…). */
function wordBoundaries(text: string): Set<number> {
  const edges = new Set<number>([0, text.length]);
  for (const { index, segment } of WORDS.segment(text)) {
    edges.add(index);
    edges.add(index + segment.length);
  }
  return edges;
}

/**
 * The needle occurs as whole words: not inside a longer word. Between letters and
 * digits that is plain; in scripts without spaces (王小明 in 我叫王小明，在深圳…) the
 * segmenter says where words meet, so a name the user typed is found there too.
 */
function appearsAsWords(needle: string, haystack: string): boolean {
  if (!needle) return false;
  if (new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(needle)}(?![\\p{L}\\p{M}\\p{N}])`, 'u').test(haystack)) return true;
  let at = haystack.indexOf(needle);
  if (at < 0) return false;
  const edges = wordBoundaries(haystack);
  for (; at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (edges.has(at) && edges.has(at + needle.length)) return true;
  }
  return false;
}

/**
 * Gate 3: personal data in arguments must come from the user, not the model. An
 * email must be one the user typed here (or the session's own); a name must appear
 * in the user's own words or profile. Quoted and pasted text was removed upstream.
 */
export function groundingGate(tool: Tool, input: unknown, ctx: PolicyContext): GateResult {
  const said = ctx.userTexts.map(normalizeForMatch);
  for (const { field, value, kind } of tool.groundedFields(input)) {
    const wanted = normalizeForMatch(value);
    const grounded =
      kind === 'email'
        ? ctx.typedEmails.includes(wanted) || normalizeForMatch(ctx.session.email ?? '') === wanted
        : said.some((text) => appearsAsWords(wanted, text)) || normalizeForMatch(ctx.session.name ?? '') === wanted;
    if (!grounded) {
      return deny('not_grounded', `I can only use the ${field} you typed yourself. Could you type your ${field}?`);
    }
  }
  return PASS;
}
