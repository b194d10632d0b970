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

const LETTER = String.raw`[\p{L}\p{M}\p{N}]`;
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{N}]/u;
const ARABIC = /^\p{Script=Arabic}/u;
const ARABIC_PROCLITICS = '(?:و|ف|ب|ل|ك|ال|وال|بال|فال|كال|لل|ولل)?';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One phrase as a regular expression source over normalised text. */
export function phraseSource(phrase: string): string {
  const stem = phrase.endsWith('*');
  const body = normalizeText(stem ? phrase.slice(0, -1) : phrase);
  // `normalizeText` folds "…" to "..." as well, so both spellings of the gap work.
  const parts = body.split(/\s*\.\.\.\s*/).map((p) => escape(p).replace(/ /g, '[ \\t]+').replace(/\\\*/g, `${LETTER}*`));
  let source = parts.join('[^\\n]{0,24}?');
  const first = body[0] ?? '';
  const last = body.at(-1) ?? '';
  if (SPACED_SCRIPT.test(first)) source = `(?<!${LETTER})${ARABIC.test(first) ? ARABIC_PROCLITICS : ''}${source}`;
  if (!stem && SPACED_SCRIPT.test(last)) source = `${source}(?!${LETTER})`;
  return source;
}

/** The rules for one tool from its cues, in order. */
export function rulesFromCues(cues: readonly Cue[]): IntentRule[] {
  return cues.map(([weight, phrases]) => [new RegExp(phrases.map(phraseSource).join('|'), 'u'), weight] as const);
}

/** A single pattern that matches any of the phrases (for how-to and similar wording). */
export function anyPhrase(phrases: readonly string[]): RegExp {
  return new RegExp(phrases.map(phraseSource).join('|'), 'u');
}
