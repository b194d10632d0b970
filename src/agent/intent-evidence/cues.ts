import { normalizeText } from '../normalize-text.ts';
import type { IntentRule } from './index.ts';

/**
 * Cue phrases, written as people type them in their own language, turned into intent
 * rules. Phrases go through the same `normalizeText` as the messages, so a cue written
 * with its accents, hamza or ё matches text typed with or without them.
 *
 * Phrase syntax, kept small on purpose:
 * - `word*` a stem: any ending may follow (Russian cases, Arabic suffixes, "refund*"), at the
 *   end of the phrase or on any word inside it ("следующ* списани*").
 * - `a ... b` a gap of up to 24 characters on the same line ("扣 ... 两次").
 * - Otherwise a whole word or phrase. Word edges are checked only where the script puts
 *   spaces between words; Chinese, Japanese and Thai have none, so there the phrase is
 *   matched as it stands (a cue there is written as the shortest unambiguous phrase).
 * - Arabic attaches "and", "the", "to", "with" to the next word (والفاتورة, بالبطاقة),
 *   so an Arabic cue may follow those prefixes.
 */

export type Cue = readonly [weight: number, phrases: readonly string[]];

/** The cues of one language, per tool, plus how-to wording (asks how, does not ask us to act). */
export type LanguageCues = {
  capture_lead: readonly Cue[];
  escalate_ticket: readonly Cue[];
  check_billing: readonly Cue[];
};

// A letter, mark or digit. Written as three alternatives, not one class: V8 compiles the union of
// three Unicode properties as a class far more slowly, and the patterns hold about a thousand copies.
// The categories do not overlap, so both forms match the same single code point.
const LETTER = String.raw`(?:\p{L}|\p{M}|\p{N})`;
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{N}]/u;
const ARABIC = /^\p{Script=Arabic}/u;
const ARABIC_PROCLITICS = '(?:و|ف|ب|ل|ك|ال|وال|بال|فال|كال|لل|ولل)?';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Lead = 'none' | 'word' | 'arabic';

/** A phrase split into its pattern and the word edges it needs before and after it. */
function phraseParts(phrase: string): { lead: Lead; body: string; trail: boolean } {
  const stem = phrase.endsWith('*');
  const text = normalizeText(stem ? phrase.slice(0, -1) : phrase);
  // `normalizeText` folds "…" to "..." as well, so both spellings of the gap work.
  // A `*` inside the phrase lets that word take any ending too.
  const parts = text.split(/\s*\.\.\.\s*/).map((p) => escape(p).replace(/ /g, '[ \\t]+').replace(/\\\*/g, `${LETTER}*`));
  // Word edges follow the script of the letters at the ends: a digit next to them takes no
  // side ("2回引き落と" sits inside Japanese text, where no space comes before the 2).
  const letters = text.match(/\p{L}/gu) ?? [];
  const first = letters[0] ?? text[0] ?? '';
  const last = letters.at(-1) ?? text.at(-1) ?? '';
  const lead: Lead = !SPACED_SCRIPT.test(first) ? 'none' : ARABIC.test(first) ? 'arabic' : 'word';
  return { lead, body: parts.join('[^\\n]{0,24}?'), trail: !stem && SPACED_SCRIPT.test(last) };
}

function withEdges(lead: Lead, body: string, trail: boolean): string {
  const before = lead === 'none' ? '' : `(?<!${LETTER})${lead === 'arabic' ? ARABIC_PROCLITICS : ''}`;
  return `${before}${body}${trail ? `(?!${LETTER})` : ''}`;
}

/** One phrase as a regular expression source over normalised text. */
export function phraseSource(phrase: string): string {
  const { lead, body, trail } = phraseParts(phrase);
  return withEdges(lead, body, trail);
}

/**
 * Any of the phrases, as one source. Phrases that need the same word edges share one copy
 * of them: an edge is a Unicode letter class, and thousands of copies made the patterns
 * take seconds to compile in every process. `a(?!L)|b(?!L)` and `(?:a|b)(?!L)` match the
 * same texts, which is all a rule is asked (`test`).
 */
function alternationSource(phrases: readonly string[]): string {
  const groups = new Map<string, { lead: Lead; trail: boolean; bodies: string[] }>();
  for (const phrase of phrases) {
    const { lead, body, trail } = phraseParts(phrase);
    const key = `${lead}:${trail}`;
    const group = groups.get(key) ?? groups.set(key, { lead, trail, bodies: [] }).get(key)!;
    group.bodies.push(body);
  }
  return [...groups.values()].map((g) => withEdges(g.lead, `(?:${g.bodies.join('|')})`, g.trail)).join('|');
}

/** The rules for one tool from its cues, in order. */
export function rulesFromCues(cues: readonly Cue[]): IntentRule[] {
  return cues.map(([weight, phrases]) => [new RegExp(alternationSource(phrases), 'u'), weight] as const);
}

/** A single pattern that matches any of the phrases (for how-to and similar wording). */
export function anyPhrase(phrases: readonly string[]): RegExp {
  return new RegExp(alternationSource(phrases), 'u');
}
