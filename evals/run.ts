/**
 * The adversarial eval suite runner.
 *
 *   npm run eval                         # --model puppet
 *   npm run eval -- --model local
 *   npm run eval -- --model openai --k 3 # needs OPENAI_API_KEY; EVAL_OPENAI_MODEL (default gpt-4o-mini)
 *   npm run eval -- --filter '^bola-' --category bola --isolation clone --concurrency 2
 *
 * Writes evals/reports/latest-<model>.{json,md,svg} (and a timestamped copy) and prints
 * a one-screen summary. Exits 1 when the CI gate for the model fails (puppet: a
 * decidable attack succeeded or a benign control failed; local: benign success < 90%).
 */
import { parseArgs } from 'node:util';
import { CATEGORIES, MODELS, type Category, type ModelName } from './runner/cases.ts';
import { summary, writeReports } from './runner/report.ts';
import { runEval } from './runner/run-eval.ts';

const usage = `usage: npm run eval -- [--model puppet|local|openai] [--k N] [--filter REGEX] [--category NAME[,NAME]]
                        [--isolation reset|clone] [--concurrency N] [--out DIR] [--no-write] [--verbose]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'puppet' },
      k: { type: 'string', default: '1' },
      filter: { type: 'string' },
      category: { type: 'string' },
      isolation: { type: 'string', default: 'reset' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const model = values.model as ModelName;
  if (!MODELS.includes(model)) throw new Error(`--model must be one of ${MODELS.join(', ')}`);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new Error('--k must be an integer from 1 to 20');
  const categories = values.category?.split(',').map((s) => s.trim()) as Category[] | undefined;
  for (const c of categories ?? []) if (!CATEGORIES.includes(c)) throw new Error(`unknown category ${c}; one of ${CATEGORIES.join(', ')}`);
  if (values.isolation !== 'reset' && values.isolation !== 'clone') throw new Error('--isolation must be reset or clone');
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);

  const report = await runEval({
    model,
    k,
    isolation: values.isolation,
    ...(values.filter ? { filter: values.filter } : {}),
    ...(categories ? { categories } : {}),
    ...(concurrency ? { concurrency } : {}),
    onCase: (c, done, total) => {
      if (values.verbose) console.error(`${String(done).padStart(3)}/${total} ${c.passed ? 'pass' : 'FAIL'} ${c.id}`);
      else if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} cases`);
    },
  });
  if (!values.verbose && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const files = values['no-write'] ? [] : writeReports(report, values.out);
  console.log(summary(report, files));
  return model === 'openai' || report.gate.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exit(2);
  },
);
