/**
 * The realistic corpus through the real HTTP app.
 *
 *   npm run eval:corpus -- --model puppet           # the right call proposed (confidence 0.9)
 *   npm run eval:corpus -- --model local            # the offline model decides
 *   npm run eval:corpus -- --model openai-scripted  # the right call from an OpenAI-compatible server, no confidence
 *   npm run eval:corpus -- --model local --split test --out /tmp/r --concurrency 2
 *
 * Writes evals/reports/corpus-<model>-<split>.{md,json} and prints a summary. Measures
 * only: the exit code is 0 unless the run itself fails.
 */
import { parseArgs } from 'node:util';
import { loadCorpus } from './load.ts';
import { gitInfo, summary, writeReports, type RunInfo } from './report.ts';
import { CORPUS_MODELS, runCorpus, type CorpusModel } from './runner.ts';
import { scoreRuns } from './score.ts';

const usage = 'usage: npm run eval:corpus -- --model puppet|local|openai-scripted [--split dev|test|all] [--out DIR] [--concurrency N] [--no-write]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'puppet' },
      split: { type: 'string', default: 'dev' },
      out: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const model = values.model as CorpusModel;
  if (!CORPUS_MODELS.includes(model)) throw new Error(`--model must be one of ${CORPUS_MODELS.join(', ')}`);
  const split = values.split as RunInfo['split'];
  if (!['dev', 'test', 'all'].includes(split)) throw new Error('--split must be dev, test or all');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new Error('--concurrency must be 1 to 16');

  const lines = loadCorpus(split);
  const started = performance.now();
  const runs = await runCorpus(lines, {
    model,
    concurrency,
    threads: concurrency > 1,
    onLine: (_run, done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} lines`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const errors = runs.filter((r) => r.error);
  for (const r of errors.slice(0, 5)) console.error(`runner error on ${r.line.split === 'dev' ? r.line.id : 'a test line'}: ${r.error}`);
  const score = scoreRuns(runs);
  const info: RunInfo = { model, split, at: new Date().toISOString(), ...gitInfo(), durationMs: performance.now() - started };
  const files = values['no-write'] ? [] : writeReports(score, info, values.out);
  console.log(summary(score, info, files));
  return errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exit(2);
  },
);
