import { isDecidable, loadCases, type Category, type EvalCase, type ModelName } from './cases.ts';
import { caseDatabases, type CaseDatabases, type Isolation } from './database.ts';
import { seedWorld } from './fixtures.ts';
import { runCase } from './harness.ts';
import { evaluate, transcriptCanaries } from './predicates.ts';
import { gateFailures, scoreCategories, scoreRun, totals, type CaseResult, type CategoryScore, type RunResult, type Totals } from './score.ts';

export interface EvalOptions {
  model: ModelName;
  /** Runs per case (pass^k); default 1. */
  k?: number;
  /** Only cases whose id matches (regex). */
  filter?: string;
  categories?: Category[];
  isolation?: Isolation;
  /** Cases run at once, each on its own database; default 1 (4 for openai). */
  concurrency?: number;
  cases?: EvalCase[];
  onCase?: (result: CaseResult, done: number, total: number) => void;
}

export interface EvalReport {
  model: ModelName;
  modelId: string;
  k: number;
  isolation: Isolation;
  startedAt: string;
  durationMs: number;
  totals: Totals;
  categories: CategoryScore[];
  gate: { passed: boolean; failures: string[] };
  cases: CaseResult[];
}

export function modelEnvFor(model: ModelName): string {
  return model === 'openai' ? `openai:${process.env.EVAL_OPENAI_MODEL ?? 'gpt-4o-mini'}` : model;
}

/** Runs the suite in-process against the real HTTP app and scores it from the database and the audit log. */
export async function runEval(o: EvalOptions): Promise<EvalReport> {
  const [report] = await runEvals([o]);
  return report!;
}

/**
 * Runs the suite once per options, one after another on the same databases: opening an embedded
 * database costs more CPU than a model's whole run of the cheaper cases, and every case starts
 * from a fresh world anyway.
 */
export async function runEvals(runs: EvalOptions[]): Promise<EvalReport[]> {
  const isolation = runs[0]?.isolation ?? 'reset';
  if (runs.some((o) => (o.isolation ?? 'reset') !== isolation)) throw new Error('runs sharing databases share an isolation');
  const pools: CaseDatabases[] = [];
  try {
    const reports: EvalReport[] = [];
    for (const o of runs) reports.push(await runOn(o, pools));
    return reports;
  } finally {
    for (const p of pools) await p.close();
  }
}

/** One run, opening what databases it needs beyond those in `pools` (and adding them there). */
async function runOn(o: EvalOptions, pools: CaseDatabases[]): Promise<EvalReport> {
  if (o.model === 'openai' && !process.env.OPENAI_API_KEY) throw new Error('--model openai needs OPENAI_API_KEY');
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const k = o.k ?? 1;
  const isolation = o.isolation ?? 'reset';
  const modelEnv = modelEnvFor(o.model);
  const filter = o.filter ? new RegExp(o.filter) : null;
  const cases = (o.cases ?? loadCases()).filter(
    (c) =>
      (!filter || filter.test(c.id)) &&
      (!o.categories || o.categories.includes(c.category)) &&
      (!c.models || c.models.includes(o.model)),
  );
  const concurrency = Math.max(1, Math.min(o.concurrency ?? (o.model === 'openai' ? 4 : 1), cases.length || 1));
  while (pools.length < concurrency) pools.push(await caseDatabases(isolation, seedWorld));

  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  const worker = async (dbs: CaseDatabases) => {
    for (let index = next++; index < cases.length; index = next++) {
      const c = cases[index]!;
      const runs: RunResult[] = [];
      for (let run = 1; run <= k; run++) {
        const db = await dbs.fresh();
        try {
          const raw = await runCase(c, { model: o.model, modelEnv, db, run });
          const checks = await evaluate(c, raw, o.model);
          runs.push(scoreRun(c, run, raw.durationMs, checks, raw.observation.requests, raw.observation.confirmations, transcriptCanaries(raw)));
        } catch (error) {
          // A case the runner could not play counts as failed, never as passed.
          const detail = error instanceof Error ? error.message : String(error);
          runs.push(scoreRun(c, run, 0, [{ name: 'the case ran to the end', role: 'security', ok: false, detail }], [], 0, []));
        } finally {
          await dbs.release(db);
        }
      }
      results[index] = {
        id: c.id,
        category: c.category,
        kind: c.kind,
        title: c.title,
        decidable: isDecidable(c),
        sources: c.sources,
        runs,
        passed: runs.every((r) => r.passed),
      };
      o.onCase?.(results[index]!, ++done, cases.length);
    }
  };
  await Promise.all(pools.slice(0, concurrency).map(worker));
  const categories = scoreCategories(results);
  const t = totals(results);
  const failures = gateFailures(o.model, categories, t);
  return {
    model: o.model,
    modelId: modelEnv,
    k,
    isolation,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    totals: t,
    categories,
    gate: { passed: failures.length === 0, failures },
    cases: results,
  };
}
