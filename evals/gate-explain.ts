import type { EvalReport } from './runner/run-eval.ts';

/** The failed checks of the named cases, one line each, for a gate's assertion message. */
export function explain(report: EvalReport, ids: string[]): string {
  return report.cases
    .filter((c) => ids.includes(c.id))
    .map((c) => {
      const run = c.runs.find((r) => !r.passed) ?? c.runs[0]!;
      const failed = run.checks.filter((k) => !k.ok && k.role !== 'evidence').map((k) => `${k.name} (${k.detail})`);
      return `  ${c.id}: ${failed.join('; ')}`;
    })
    .join('\n');
}
