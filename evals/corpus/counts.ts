/**
 * Prints the README's "Counts" section from the two corpus files: expected tool per
 * language and split, ticket priorities and outcomes. Aggregates only, so it reads
 * nothing of the test split line by line.
 *
 *   npx tsx evals/corpus/counts.ts
 */
import { LANGS, loadCorpus, type CorpusLine } from './load.ts';

const TOOLS = ['capture_lead', 'escalate_ticket', 'check_billing', 'none'] as const;

function table(lines: CorpusLine[]): string {
  const count = (lang: string | null, tool: string) =>
    lines.filter((l) => (lang === null || l.lang === lang) && (l.expect.tool ?? 'none') === tool).length;
  const row = (label: string, lang: string | null) =>
    `| ${label} | ${TOOLS.map((t) => count(lang, t)).join(' | ')} | ${lines.filter((l) => lang === null || l.lang === lang).length} |`;
  return [`| lang | ${TOOLS.join(' | ')} | total |`, `|---|${TOOLS.map(() => '---:|').join('')}---:|`, ...LANGS.map((lang) => row(lang, lang)), row('**total**', null)]
    .join('\n');
}

const tally = (lines: CorpusLine[], key: (l: CorpusLine) => string | undefined, order: readonly string[]) => {
  const n = (v: string) => lines.filter((l) => key(l) === v).length;
  return order.map((v) => `${v} ${n(v)}`).join(', ');
};

const dev = loadCorpus('dev');
const test = loadCorpus('test');
const priority = (l: CorpusLine) => l.expect.priority;
const outcome = (l: CorpusLine) => l.expect.outcome;
console.log(
  [
    'Expected tool per language and split (generated from the two files by `npx tsx evals/corpus/counts.ts`):',
    '',
    '**dev**',
    '',
    table(dev),
    '',
    '**test**',
    '',
    table(test),
    '',
    '**all**',
    '',
    table([...dev, ...test]),
    '',
    `Ticket priorities: dev: ${tally(dev, priority, ['urgent', 'high', 'normal', 'low'])}; test: ${tally(test, priority, ['urgent', 'high', 'normal', 'low'])}`,
    '',
    `Outcomes: dev: ${tally(dev, outcome, ['done', 'needs_sign_in', 'none'])}; test: ${tally(test, outcome, ['done', 'needs_sign_in', 'none'])}`,
  ].join('\n'),
);
