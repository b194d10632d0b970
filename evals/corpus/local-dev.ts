/**
 * The offline `local` model's recall and precision on the DEV split, per language and per
 * tool, with the lines it gets wrong: the loop for writing rules. It never reads the test
 * split (its aggregate comes only from the local target test in `corpus.test.ts`).
 *
 *   npx tsx evals/corpus/local-dev.ts [id-regex] [--quiet]
 *   npx tsx evals/corpus/local-dev.ts '-8\d\d$'     # one batch
 */
import { extractContact } from '../../src/agent/local/contact.ts';
import { decideLocal } from './local-decide.ts';
import { EXPECTED_TOOLS, LANGS, loadCorpus, type CorpusLine } from './load.ts';

// Piped into `head`, a closed stdout is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const pattern = new RegExp(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '');
const quiet = process.argv.includes('--quiet');
const lines = loadCorpus('dev').filter((l) => pattern.test(l.id));
const decided = lines.map((line) => ({ line, tool: decideLocal(line) }));

type Row = { line: CorpusLine; tool: string | null };
const pct = (ok: number, of: number) => (of === 0 ? '–' : `${((100 * ok) / of).toFixed(1)}% (${ok}/${of})`);
function recall(rows: Row[]): string {
  const expecting = rows.filter(({ line }) => line.expect.tool !== null);
  return pct(expecting.filter(({ line, tool }) => tool === line.expect.tool).length, expecting.length);
}
function precision(rows: Row[]): string {
  const called = rows.filter(({ tool }) => tool !== null);
  return pct(called.filter(({ line, tool }) => tool === line.expect.tool).length, called.length);
}

console.log(`dev lines matching ${pattern}: ${lines.length}`);
console.log(`recall ${recall(decided)}  precision ${precision(decided)}`);
const noneOk = decided.filter(({ line, tool }) => line.expect.tool === null && tool === null).length;
console.log(`none lines kept without a tool: ${noneOk}/${decided.filter(({ line }) => line.expect.tool === null).length}`);
for (const lang of LANGS) {
  const rows = decided.filter(({ line }) => line.lang === lang);
  if (rows.length > 0) console.log(`  ${lang}: recall ${recall(rows)}  precision ${precision(rows)}`);
}
for (const tool of EXPECTED_TOOLS) {
  console.log(`  ${tool}: recall ${recall(decided.filter(({ line }) => line.expect.tool === tool))}`);
}
// Leads it calls for: the name and email it would send, against the expected ones.
const leads = decided.filter(({ line, tool }) => tool === 'capture_lead' && line.expect.tool === 'capture_lead');
const wrongFields = leads.filter(({ line }) => {
  const found = extractContact(line.turns);
  return found.name !== line.expect.fields.name || found.email?.toLowerCase() !== line.expect.fields.email?.toLowerCase();
});
console.log(`  lead name and email exact: ${pct(leads.length - wrongFields.length, leads.length)}`);
if (!quiet) {
  for (const { line } of wrongFields) console.log(`\n${line.id} lead fields ${JSON.stringify(extractContact(line.turns))} expected ${JSON.stringify(line.expect.fields)}`);
  for (const { line, tool } of decided) {
    if (tool === line.expect.tool) continue;
    console.log(`\n${line.id} expected ${line.expect.tool} got ${tool}`);
    for (const turn of line.turns) console.log(`  > ${turn.replace(/\n/g, '\n    ')}`);
  }
}
