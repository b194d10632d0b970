import { availableParallelism, cpus, totalmem } from 'node:os';
import pg from 'pg';
import { runAllowedWriteBench } from './allowed-write.bench.ts';
import { runChatTurnBench } from './chat-turn.bench.ts';
import { runOutboxBench } from './outbox.bench.ts';
import { runOutputGateBench } from './output-gate.bench.ts';
import { runPipelineBench } from './pipeline.bench.ts';
import { runStripeWebhookBench } from './stripe-webhooks.bench.ts';
import { runThroughputBench } from './throughput.bench.ts';
import { runTriageBench } from './triage.bench.ts';
import { markdownTable, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * `npx tsx bench/run.ts [--quick] [--only pipeline|chat-turn|allowed-write|output-gate|throughput|stripe-webhooks|outbox|triage[,...]]`
 *
 * Runs the benchmarks one after another and prints Markdown: the machine, each
 * benchmark's figures, then every figure beside its target. Postgres figures use
 * DATABASE_URL (each benchmark creates and drops its own database); without it
 * they are skipped and say so. Targets are reported, never enforced: a slow run
 * exits 0, a broken one (an error page, a write that did not happen) exits 1.
 */

const BENCHMARKS = ['pipeline', 'chat-turn', 'allowed-write', 'output-gate', 'throughput', 'stripe-webhooks', 'outbox', 'triage'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: BenchmarkName[] } {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--only');
  // One name, or several separated by commas (e.g. `--only stripe-webhooks,outbox`).
  const picked = at >= 0 ? (argv[at + 1] ?? '').split(',') : undefined;
  if (picked && (picked.length === 0 || !picked.every((p) => BENCHMARKS.includes(p as BenchmarkName)))) {
    throw new Error(`--only takes one or more (comma-separated) of ${BENCHMARKS.join(', ')}`);
  }
  return { quick, only: picked ? (picked as BenchmarkName[]) : [...BENCHMARKS] };
}

async function postgresVersion(url: string | undefined): Promise<string> {
  if (!url) return 'not used (DATABASE_URL unset)';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    const sync = await client.query<{ synchronous_commit: string }>('show synchronous_commit');
    return `${rows[0]?.server_version} (local, synchronous_commit=${sync.rows[0]?.synchronous_commit})`;
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `--cpu-prof` for the benchmark's server processes: `TOOLGATE_BENCH_CPU_PROF=dir`. */
function profileArgs(): string[] {
  const dir = process.env.TOOLGATE_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

async function main() {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  const started = performance.now();
  const out = (text: string) => process.stdout.write(`${text}\n`);

  out(`# toolgate benchmarks${quick ? ' (quick)' : ''}`);
  out('');
  out(`- date: ${new Date().toISOString()}`);
  out(`- cpu: ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`);
  out(`- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  out(`- node: ${process.version}`);
  out(`- postgres: ${await postgresVersion(databaseUrl)}`);

  const checks: TargetCheck[] = [];
  const section = async (title: string, bench: () => Promise<BenchResult>) => {
    const sectionStarted = performance.now();
    const result = await bench();
    out('');
    out(`## ${title}`);
    out('');
    out(result.markdown);
    out('');
    out(`(${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)`);
    checks.push(...result.checks);
  };

  if (only.includes('pipeline')) {
    await section('1. Pipeline decision, in process, no database', () => runPipelineBench({ quick }));
  }
  if (only.includes('chat-turn')) {
    await section('2. One chat turn over HTTP, against a bare AI SDK server', () => runChatTurnBench({ quick, databaseUrl }));
  }
  if (only.includes('allowed-write')) {
    await section('3. One allowed write (pipeline + transaction)', () => runAllowedWriteBench({ quick, databaseUrl }));
  }
  if (only.includes('output-gate')) {
    await section('4. Output gate on a full-length reply', () => runOutputGateBench({ quick }));
  }
  if (only.includes('throughput')) {
    await section('5. Throughput per process, one allowed write per turn', () => runThroughputBench({ quick, databaseUrl, execArgv: profileArgs() }));
  }

  if (only.includes('stripe-webhooks')) {
    await section('6. Stripe webhook ingestion over HTTP, Postgres', () => runStripeWebhookBench({ quick, databaseUrl }));
  }
  if (only.includes('outbox')) {
    await section('7. Outbox: draining jobs with 30% transient vendor failures', () => runOutboxBench({ quick, databaseUrl }));
  }
  if (only.includes('triage')) {
    await section('8. Ticket triage: the learned reading beside the phrase rules', () => runTriageBench({ quick }));
  }

  out('');
  out('## Targets');
  out('');
  out(markdownTable(['benchmark', 'measure', 'value', 'target', 'result'], checks.map((c) => [c.benchmark, c.measure, c.value, c.target, c.pass ? 'pass' : '**miss**'])));
  out('');
  out(`Total time: ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
