import { SEVERITY_MIN_PROBABILITY } from '../../src/tools/learned-severity.ts';
import { linearClassifier } from '../../src/text/hashed-linear.ts';
import { trainLinearModel } from './linear-training.ts';
import { loadCorpus } from './load.ts';
import { severityExamples } from './train-severity.ts';

/**
 * How the triage's learned severity reading (`src/tools/learned-severity.ts`) does on tickets
 * it never saw: 5-fold cross-validation on the dev tickets, one row per probability floor, with
 * how many `normal`/`low` tickets read as serious (a too-high ceiling) and how many `high` and
 * `urgent` ones do (a ceiling the rules may have missed). The shipped floor is the lowest at
 * which the first stays at or under 5%. Never the test split. Run: `npx tsx evals/corpus/severity-cv.ts`.
 */

const FOLDS = 5;
const FLOORS = [0.6, 0.7, SEVERITY_MIN_PROBABILITY, 0.8, 0.85, 0.9, 0.95];

const examples = severityExamples(loadCorpus('dev')).sort((a, b) => (a.id < b.id ? -1 : 1));
const isTicket = new Set(loadCorpus('dev').filter((l) => l.expect.tool === 'escalate_ticket').map((l) => l.id));
const serious = new Array<number>(examples.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const score = linearClassifier(trainLinearModel(examples.filter((_, i) => i % FOLDS !== fold), 3));
  examples.forEach((e, i) => {
    if (i % FOLDS !== fold) return;
    const [, high = 0, urgent = 0] = score(e.text);
    serious[i] = high + urgent;
  });
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
const readAt = (floor: number, keep: (e: (typeof examples)[number]) => boolean) => {
  const of = examples.flatMap((e, i) => (keep(e) ? [serious[i]!] : []));
  return pct(of.filter((p) => p >= floor).length, of.length);
};
const calmTicket = (e: (typeof examples)[number]) => e.label === 0 && isTicket.has(e.id);
console.log(
  `${FOLDS}-fold cross-validation on ${examples.length} dev lines (${isTicket.size} tickets)\n\n| floor | normal or low tickets read as serious | other messages read as serious | high tickets | urgent tickets |\n|---:|---:|---:|---:|---:|`,
);
for (const floor of [...new Set(FLOORS)].sort()) {
  const row = [calmTicket, (e: (typeof examples)[number]) => !isTicket.has(e.id), (e: (typeof examples)[number]) => e.label === 1, (e: (typeof examples)[number]) => e.label === 2].map((keep) => readAt(floor, keep));
  console.log(`| ${floor}${floor === SEVERITY_MIN_PROBABILITY ? ' (ships)' : ''} | ${row.join(' | ')} |`);
}
const calm = examples.flatMap((e, i) => (calmTicket(e) ? [serious[i]!] : [])).sort((a, b) => b - a);
const lowest = Math.ceil(calm[Math.floor(0.05 * calm.length)]! * 100 + 1e-9) / 100;
console.log(`\nlowest floor (in hundredths) with at most 5% of normal or low tickets read as serious: ${lowest}`);
