import type { Tool } from '../../tools/index.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** NFKC folds width and compatibility forms; it does not fold homoglyphs across scripts. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Cf}]/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function appearsAsWords(needle: string, haystack: string): boolean {
  if (!needle) return false;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(needle)}(?![\\p{L}\\p{M}\\p{N}])`, 'u').test(haystack);
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
