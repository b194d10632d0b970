/**
 * Latency statistics shared by the benchmarks. Percentiles use the nearest-rank
 * method: every reported figure is a latency that was actually observed, never an
 * interpolation between two samples.
 */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The sample at percentile `p` (0–100) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    count: values.length,
    min: values[0] ?? Number.NaN,
    mean: values.length ? total / values.length : Number.NaN,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds with enough digits to show microseconds when they matter. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) < 1) return value.toFixed(3);
  if (Math.abs(value) < 100) return value.toFixed(2);
  return value.toFixed(0);
}

export function markdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One figure compared with the target the issue set for it. */
export interface TargetCheck {
  benchmark: string;
  measure: string;
  value: string;
  target: string;
  pass: boolean;
}

/** What every benchmark returns to the runner: its Markdown section and its target checks. */
export interface BenchResult {
  markdown: string;
  checks: TargetCheck[];
}

/**
 * Times `measured` and `baseline` one call after the other, `calls` times, so drift on a shared
 * machine hits both alike. `calls` gets the call's index (to walk a list of inputs).
 */
export function interleaved(calls: number, measured: (i: number) => unknown, baseline: (i: number) => unknown): { measured: number[]; baseline: number[] } {
  const out = { measured: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < calls; i++) {
    let t = performance.now();
    measured(i);
    out.measured.push(performance.now() - t);
    t = performance.now();
    baseline(i);
    out.baseline.push(performance.now() - t);
  }
  return out;
}
