import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalReport } from './run-eval.ts';
import type { CaseResult, CategoryScore } from './score.ts';

export const REPORTS_DIR = fileURLToPath(new URL('../reports/', import.meta.url));

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(x === 0 || x === 1 ? 0 : 1)}%`);
const frac = (n: number, d: number) => (d === 0 ? '–' : `${n}/${d}`);

/** The checks that failed in a case's worst run, one line each. */
function failedChecks(c: CaseResult): string[] {
  const run = c.runs.find((r) => !r.passed) ?? c.runs[0]!;
  return run.checks.filter((x) => !x.ok && (x.role !== 'evidence' || c.kind === 'benign')).map((x) => `[${x.role}] ${x.name}: ${x.detail ?? ''}`);
}

export function markdown(r: EvalReport): string {
  const t = r.totals;
  const lines: string[] = [];
  lines.push(`# toolgate eval: ${r.modelId}`, '');
  lines.push(`${r.startedAt} · ${t.cases} cases × k=${r.k} · ${(r.durationMs / 1000).toFixed(1)} s · isolation ${r.isolation} · gate **${r.gate.passed ? 'passed' : 'FAILED'}**`, '');
  if (r.gate.failures.length) lines.push(...r.gate.failures.map((f) => `- gate: ${f}`), '');
  lines.push('| metric | value |', '|---|---|');
  lines.push(`| attack success rate (all attacks) | ${pct(t.asr)} (${frac(t.attackSuccesses, t.attacks)}) |`);
  lines.push(`| attack success rate (decidable by policy) | ${pct(t.decidableAsr)} (${frac(t.decidableSuccesses, t.decidableAttacks)}) |`);
  lines.push(`| benign success | ${pct(t.benignSuccessRate)} (${frac(t.benignSuccesses, t.benign)}) |`);
  lines.push(`| false refusals | ${pct(t.falseRefusalRate)} (${frac(t.falseRefusals, t.benign)}) |`);
  lines.push(`| friction (benign success only after a confirmation) | ${pct(t.frictionRate)} (${frac(t.friction, t.benignSuccesses)}) |`);
  lines.push(`| utility under attack | ${pct(t.utilityUnderAttack)} (${frac(t.utilityOk, t.utilityCases)}) |`);
  lines.push(`| pass^${r.k} | ${pct(t.passKRate)} (${frac(t.passK, t.cases)}) |`, '');
  lines.push('## Per category', '');
  lines.push('| category | attacks | ASR | decidable ASR | benign | benign success | false refusals | friction | utility under attack |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const s of r.categories) {
    lines.push(
      `| ${s.category} | ${s.attacks} | ${pct(s.asr)} | ${pct(s.decidableAsr)} (${frac(s.decidableSuccesses, s.decidableAttacks)}) | ${s.benign} | ${pct(s.benignSuccessRate)} | ${s.falseRefusals} | ${s.friction} | ${frac(s.utilityOk, s.utilityCases)} |`,
    );
  }
  const failed = r.cases.filter((c) => !c.passed);
  lines.push('', `## Cases that did not pass (${failed.length})`, '');
  if (failed.length === 0) lines.push('None.');
  for (const c of failed) {
    const kind = c.kind === 'attack' ? (c.decidable ? 'attack succeeded (decidable)' : 'attack succeeded (model-dependent)') : 'benign control failed';
    lines.push(`### ${c.id}: ${kind}`, '', `${c.title} · ${c.category}`, '');
    for (const f of failedChecks(c)) lines.push(`- ${f}`);
    const run = c.runs.find((x) => !x.passed) ?? c.runs[0]!;
    for (const q of run.requests) lines.push(`- turn ${q.turn} ${q.kind} → ${q.status}${q.calls.length ? ` · ${q.calls.join(', ')}` : ''}${q.text ? ` · “${q.text.slice(0, 160).replace(/\n/g, ' ')}”` : ''}`);
    lines.push('');
  }
  const mismatches = r.cases.filter((c) => c.kind === 'attack' && c.passed && c.runs.some((x) => x.checks.some((k) => k.role === 'evidence' && !k.ok)));
  if (mismatches.length) {
    lines.push(`## Attacks stopped, but not by the expected control (${mismatches.length})`, '');
    for (const c of mismatches) {
      const miss = c.runs.flatMap((x) => x.checks).filter((k) => k.role === 'evidence' && !k.ok);
      lines.push(`- ${c.id}: ${miss.map((m) => `${m.name} (${m.detail})`).join('; ')}`);
    }
    lines.push('');
  }
  const stored = r.cases.filter((c) => c.runs.some((x) => x.transcriptCanaries.length));
  if (stored.length) {
    lines.push(`## Canaries kept in the transcript (messages table; not scored) (${stored.length})`, '');
    for (const c of stored) lines.push(`- ${c.id}: ${[...new Set(c.runs.flatMap((x) => x.transcriptCanaries))].join(', ')}`);
    lines.push('');
  }
  lines.push('## All cases', '', '| id | category | kind | decidable | result | confirmations | ms |', '|---|---|---|---|---|---|---|');
  for (const c of r.cases) {
    const run = c.runs[0]!;
    lines.push(`| ${c.id} | ${c.category} | ${c.kind} | ${c.decidable ? 'yes' : 'no'} | ${c.passed ? 'pass' : '**fail**'} | ${run.confirmations} | ${run.durationMs} |`);
  }
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Grouped bars per category: attack success rate (all, decidable) and benign success. */
export function svgChart(r: EvalReport): string {
  const cats: CategoryScore[] = r.categories;
  const series = [
    { label: 'attack success (all)', color: '#d9534f', value: (s: CategoryScore) => s.asr },
    { label: 'attack success (decidable)', color: '#8b1e1b', value: (s: CategoryScore) => s.decidableAsr },
    { label: 'benign success', color: '#3c8d40', value: (s: CategoryScore) => s.benignSuccessRate },
  ];
  const bar = 14;
  const group = series.length * bar + 18;
  const left = 60;
  const top = 50;
  const h = 220;
  // Room on the right for the last rotated label.
  const width = left + cats.length * group + 110;
  const height = top + h + 110;
  const y = (v: number) => top + h - v * h;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(`<text x="${left}" y="18" font-size="14" font-weight="bold">${esc(`toolgate eval · ${r.modelId} · ${r.totals.cases} cases · k=${r.k}`)}</text>`);
  series.forEach((s, i) => {
    const x = left + i * 190;
    out.push(`<rect x="${x}" y="28" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="37">${esc(s.label)}</text>`);
  });
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${left - 4}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v * 100}%</text>`);
  }
  cats.forEach((c, ci) => {
    const gx = left + ci * group + 6;
    series.forEach((s, si) => {
      const v = s.value(c);
      const x = gx + si * bar;
      if (v === null) {
        out.push(`<text x="${x + bar / 2}" y="${y(0) - 3}" text-anchor="middle" fill="#999">–</text>`);
        return;
      }
      const barH = Math.max(v * h, v > 0 ? 1 : 0);
      out.push(`<rect x="${x}" y="${y(0) - barH}" width="${bar - 2}" height="${barH}" fill="${s.color}"><title>${esc(`${c.category}: ${s.label} ${pct(v)}`)}</title></rect>`);
      if (v > 0) out.push(`<text x="${x + (bar - 2) / 2}" y="${y(0) - barH - 3}" text-anchor="middle" font-size="8">${Math.round(v * 100)}</text>`);
    });
    const lx = gx + (series.length * bar) / 2;
    out.push(`<text transform="translate(${lx},${top + h + 12}) rotate(40)" font-size="10">${esc(c.category)} (${c.attacks + c.benign})</text>`);
  });
  out.push(`<line x1="${left}" x2="${width - 10}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** About one screen: the table, the gate, the worst failures. */
export function summary(r: EvalReport, files: string[] = []): string {
  const t = r.totals;
  const lines: string[] = [];
  lines.push(`toolgate eval · ${r.modelId} · ${t.cases} cases (${t.attacks} attacks, ${t.benign} benign) × k=${r.k} · ${(r.durationMs / 1000).toFixed(1)} s`);
  lines.push('');
  lines.push(`${'category'.padEnd(22)} ${'attacks'.padStart(7)} ${'ASR'.padStart(6)} ${'decid.ASR'.padStart(10)} ${'benign'.padStart(7)} ${'success'.padStart(8)} ${'refusals'.padStart(8)} ${'friction'.padStart(8)}`);
  for (const s of r.categories) {
    lines.push(
      `${s.category.padEnd(22)} ${String(s.attacks).padStart(7)} ${pct(s.asr).padStart(6)} ${`${pct(s.decidableAsr)}`.padStart(10)} ${String(s.benign).padStart(7)} ${pct(s.benignSuccessRate).padStart(8)} ${String(s.falseRefusals).padStart(8)} ${String(s.friction).padStart(8)}`,
    );
  }
  lines.push(
    `${'total'.padEnd(22)} ${String(t.attacks).padStart(7)} ${pct(t.asr).padStart(6)} ${pct(t.decidableAsr).padStart(10)} ${String(t.benign).padStart(7)} ${pct(t.benignSuccessRate).padStart(8)} ${String(t.falseRefusals).padStart(8)} ${String(t.friction).padStart(8)}`,
  );
  lines.push('');
  lines.push(`utility under attack ${pct(t.utilityUnderAttack)} (${frac(t.utilityOk, t.utilityCases)}) · pass^${r.k} ${pct(t.passKRate)} · friction ${pct(t.frictionRate)} of benign successes`);
  const failed = r.cases.filter((c) => !c.passed);
  if (failed.length) {
    lines.push('', `not passed (${failed.length}):`);
    for (const c of failed.slice(0, 12)) lines.push(`  ${c.id} [${c.kind}${c.kind === 'attack' ? (c.decidable ? ', decidable' : ', model-dependent') : ''}] ${failedChecks(c)[0] ?? ''}`.slice(0, 160));
    if (failed.length > 12) lines.push(`  … and ${failed.length - 12} more (see the Markdown report)`);
  }
  lines.push('', r.model === 'openai' ? 'gate: not applied to openai (measurement only)' : `gate: ${r.gate.passed ? 'passed' : `FAILED: ${r.gate.failures.join('; ')}`}`);
  for (const f of files) lines.push(`  ${f}`);
  return lines.join('\n');
}

/** Writes `<model>-<stamp>.{json,md,svg}` and `latest-<model>.*` under `dir`. */
export function writeReports(r: EvalReport, dir = REPORTS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const files: string[] = [];
  for (const base of [`${r.model}-${stamp}`, `latest-${r.model}`]) {
    const json = join(dir, `${base}.json`);
    const md = join(dir, `${base}.md`);
    const svg = join(dir, `${base}.svg`);
    writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
    writeFileSync(md, markdown(r));
    writeFileSync(svg, svgChart(r));
    if (base.startsWith('latest-')) files.push(json, md, svg);
  }
  return files;
}
