import { readFileSync } from 'node:fs';
import { linearClassifier, type LinearModel } from '../text/hashed-linear.ts';
import { sentencesOf } from './triage-text.ts';

/**
 * A learned reading of how serious a ticket is, from the user's own words: the triage's
 * second source of evidence beside its phrase lists (`ticket-rules.ts`). Phrase lists miss
 * what nobody wrote down ("the whole team sits idle", "nada sale desde ayer"); letter
 * sequences learned from many people's reports carry over to new ones.
 *
 * It can raise the ceiling to `high` (a person looks sooner), never to `urgent`: paging
 * on-call still needs a rule's evidence. Trained on the corpus's dev tickets by
 * `evals/corpus/train-severity.ts`, which also says how the floor was chosen.
 */

export const SEVERITY_LABELS = ['normal', 'high', 'urgent'] as const;

/**
 * The least probability of `high` or `urgent` read as evidence: the lowest floor (in
 * hundredths) at which, in 5-fold cross-validation on the dev tickets, at most 5% of `normal`
 * and `low` tickets read as serious (17 of 385 when chosen at 0.75; 20 of 406 with batch 33n in dev;
 * with dev batches 77n … 88n the same rule gives 0.67, at 32 of 697: the reading had grown more
 * careful with the 792 lines, and a hand-written check of it, a warehouse stopped, fell to 0.74;
 * `evals/corpus/severity-cv.ts` prints the table).
 */
export const SEVERITY_MIN_PROBABILITY = 0.67;

const MAX_CHARS = 2000;

/**
 * The text as the model reads it: the triage's one form of the words (`triage-text.ts`),
 * lower-cased, with addresses, links and each digit folded into one token each, so the
 * model learns about amounts and addresses rather than one customer's.
 */
export function severityText(userText: string): string {
  return sentencesOf(userText.slice(0, MAX_CHARS))
    .join('\n')
    .toLowerCase()
    .replace(/\S+@\S+/gu, ' \u2709 ')
    .replace(/\bhttps?:\/\/\S+/gu, ' \u2197 ')
    .replace(/\d/gu, '0')
    .replace(/\s+/gu, ' ')
    .trim();
}

export const SEVERITY_MODEL_FILE = new URL('./severity-model.json', import.meta.url);

let committed: ((text: string) => number[]) | null = null;

/** The probability that a ticket in these words is `high` or `urgent`, by the committed model. */
export function severityReading(userText: string): number {
  committed ??= linearClassifier(JSON.parse(readFileSync(SEVERITY_MODEL_FILE, 'utf8')) as LinearModel);
  const [, high = 0, urgent = 0] = committed(severityText(userText));
  return high + urgent;
}

/** Whether the words read as a serious ticket: evidence for a `high` ceiling. */
export function readsSevere(userText: string): boolean {
  return severityReading(userText) >= SEVERITY_MIN_PROBABILITY;
}
