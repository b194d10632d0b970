import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRIORITY_ORDER } from './load.ts';
import type { CorpusModel } from './runner.ts';
import { LEAD_FIELDS, pct, type CorpusScore, type LineScore, type Metrics, type Ratio } from './score.ts';

/**
 * Reports of a corpus run: Markdown and JSON under evals/reports/, and a short summary
 * for the terminal. Lines of the test split appear only in aggregates and reason counts:
 * that split is never read line by line (see corpus/README.md).
 */

export interface RunInfo {
  model: CorpusModel;
  split: 'dev' | 'test' | 'all';
  at: string;
  /** The commit whose rules were measured, and whether src/ differed from it. */
  commit: string;
  srcModified: boolean;
  durationMs: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function gitInfo(): { commit: string; srcModified: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return { commit, srcModified: status !== '' };
  } catch {
    return { commit: 'unknown', srcModified: false };
  }
}

const cell = (r: Ratio) => (r.of === 0 ? '–' : `${pct(r)} (${r.n}/${r.of})`);
const fieldsAll = (m: Metrics): Ratio =>
  LEAD_FIELDS.reduce((acc, f) => ({ n: acc.n + m.fields[f].n, of: acc.of + m.fields[f].of }), { n: 0, of: 0 });

interface Column {
  head: string;
  value: (m: Metrics) => string;
}
const COLUMNS: Record<string, Column> = {
  lines: { head: 'lines', value: (m) => String(m.lines) },
  falseRefusals: { head: 'false refusals', value: (m) => cell(m.falseRefusals) },
  friction: { head: 'friction', value: (m) => cell(m.friction) },
  signIn: { head: 'anon billing → sign in', value: (m) => cell(m.signIn) },
  priority: { head: 'priority exact', value: (m) => cell(m.priority) },
  priorityStored: { head: 'priority exact (stored)', value: (m) => cell(m.priorityStored) },
  overPriority: { head: 'over-priority', value: (m) => String(m.overPriority) },
  recall: { head: 'recall', value: (m) => cell(m.recall) },
  precision: { head: 'precision', value: (m) => cell(m.precision) },
  noTool: { head: 'no-tool right', value: (m) => cell(m.noTool) },
  fields: { head: 'field accuracy', value: (m) => cell(fieldsAll(m)) },
  leadsExact: { head: 'leads all fields right', value: (m) => cell(m.leadsExact) },
  category: { head: 'ticket category', value: (m) => cell(m.category) },
};

export const MODEL_COLUMNS: Record<CorpusModel, string[]> = {
  puppet: ['lines', 'falseRefusals', 'friction', 'signIn', 'priority', 'priorityStored', 'overPriority'],
  local: ['lines', 'recall', 'precision', 'noTool', 'fields', 'leadsExact', 'category', 'friction'],
  'openai-scripted': ['lines', 'friction', 'falseRefusals', 'recall', 'precision'],
};

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function metricsTable(score: CorpusScore, model: CorpusModel): string {
  const cols = MODEL_COLUMNS[model].map((c) => COLUMNS[c]!);
  const rows = Object.entries(score.byLang).map(([lang, m]) => [lang, ...cols.map((c) => c.value(m))]);
  rows.push(['**all**', ...cols.map((c) => `**${c.value(score.overall)}**`)]);
  return table(['lang', ...cols.map((c) => c.head)], rows);
}

export function confusionTable(m: Metrics): string {
  const cols = [...PRIORITY_ORDER, 'none'] as const;
  return table(
    ['expected ↓ / stored →', ...cols],
    PRIORITY_ORDER.map((row) => [row, ...cols.map((c) => String(m.confusion[row][c]))]),
  );
}

export function fieldTable(score: CorpusScore): string {
  const rows = [...Object.entries(score.byLang), ['**all**', score.overall] as const].map(([lang, m]) => [
    String(lang),
    ...LEAD_FIELDS.map((f) => cell(m.fields[f])),
  ]);
  return table(['lang', ...LEAD_FIELDS], rows);
}

/** Failure classes by count; example ids come from the dev split only. */
export function failureTable(score: CorpusScore, examples = 3): string {
  const entries = Object.entries(score.overall.failures).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return 'No failures.';
  const rows = entries.map(([key, n]) => {
    const dev = score.lines.filter((l) => l.split === 'dev' && `${l.expectedTool ?? 'no tool'} · ${l.failure}` === key).map((l) => l.id);
    return [key, String(n), dev.slice(0, examples).join(', ') || '(test split only)'];
  });
  return table(['expected tool · failure', 'lines', 'dev examples'], rows);
}

/** Tickets stored at another priority than expected, by expected → stored; example ids from the dev split only. */
export function priorityMissTable(score: CorpusScore, examples = 3): string {
  const misses = new Map<string, LineScore[]>();
  for (const l of score.lines) {
    if (!l.ticket || l.ticket.priority === null || l.ticket.priority === l.ticket.expectedPriority) continue;
    const key = `${l.ticket.expectedPriority} → ${l.ticket.priority}`;
    misses.set(key, [...(misses.get(key) ?? []), l]);
  }
  if (misses.size === 0) return 'Every stored ticket has the expected priority.';
  const rows = [...misses.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, ls]) => [key, String(ls.length), ls.filter((l) => l.split === 'dev').slice(0, examples).map((l) => l.id).join(', ') || '(test split only)']);
  return table(['expected → stored', 'tickets', 'dev examples'], rows);
}

function describeLine(l: LineScore): string {
  const what: string[] = [];
  if (l.failure) what.push(l.failure);
  if (l.friction) what.push('asked to confirm');
  if (l.ticket && l.ticket.priority !== l.ticket.expectedPriority) what.push(`priority ${l.ticket.expectedPriority} → ${l.ticket.priority ?? 'no ticket'}`);
  if (l.ticket && l.ticket.category !== null && l.ticket.category !== l.ticket.expectedCategory) what.push(`category ${l.ticket.expectedCategory} → ${l.ticket.category}`);
  if (l.fields) {
    const wrong = Object.entries(l.fields).filter(([, ok]) => !ok).map(([f]) => f);
    if (wrong.length) what.push(`wrong ${wrong.join(', ')}`);
  }
  if (l.unexpected.length && l.outcome !== 'none') what.push(`also ran ${l.unexpected.join(', ')}`);
  return `| ${l.id} | ${l.expectedTool ?? 'none'} / ${l.outcome} | ${what.join('; ')} |`;
}

export function markdown(score: CorpusScore, info: RunInfo): string {
  const m = score.overall;
  const out: string[] = [
    `# Corpus run: ${info.model}, split ${info.split}`,
    '',
    `${info.at}, rules of commit \`${info.commit}\`${info.srcModified ? ' (src/ modified)' : ''}, ${m.lines} lines in ${(info.durationMs / 1000).toFixed(1)} s.`,
    '',
    '## By language',
    '',
    metricsTable(score, info.model),
    '',
  ];
  if (info.model === 'local') out.push('## Lead fields (stored leads)', '', fieldTable(score), '');
  out.push('## Ticket priority', '', confusionTable(m), '', `Over-priority (a ticket above normal where normal/low or no ticket was expected): ${m.overPriority}`, '', priorityMissTable(score), '');
  out.push('## Failure classes', '', failureTable(score), '');
  const devMisses = score.lines.filter(
    (l) => l.split === 'dev' && (!l.success || l.friction || (l.ticket && l.ticket.priority !== l.ticket.expectedPriority) || (l.fields && !Object.values(l.fields).every(Boolean)) || l.unexpected.length > 0),
  );
  out.push('## Dev lines that missed', '', '(Test-split lines are counted above and never listed.)', '');
  out.push('| id | expected | what happened |', '|---|---|---|', ...devMisses.map(describeLine), '');
  return out.join('\n');
}

export function json(score: CorpusScore, info: RunInfo): unknown {
  return {
    ...info,
    overall: score.overall,
    byLang: score.byLang,
    // Per-line records for the dev split only.
    lines: score.lines.filter((l) => l.split === 'dev'),
  };
}

/** Plain-text summary for the terminal. */
export function summary(score: CorpusScore, info: RunInfo, files: string[]): string {
  const cols = MODEL_COLUMNS[info.model].map((c) => COLUMNS[c]!);
  const rows = [['lang', ...cols.map((c) => c.head)], ...Object.entries(score.byLang).map(([l, m]) => [l, ...cols.map((c) => c.value(m))]), ['all', ...cols.map((c) => c.value(score.overall))]];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  '));
  const top = Object.entries(score.overall.failures)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, n]) => `  ${String(n).padStart(3)}  ${k}`);
  return [
    `corpus ${info.model} ${info.split}: ${score.overall.lines} lines in ${(info.durationMs / 1000).toFixed(1)} s (rules ${info.commit}${info.srcModified ? ', src modified' : ''})`,
    ...lines,
    ...(info.model === 'puppet' ? [`over-priority: ${score.overall.overPriority}`] : []),
    ...(top.length ? ['top failure classes:', ...top] : []),
    ...files.map((f) => `wrote ${f}`),
  ].join('\n');
}

export function writeReports(score: CorpusScore, info: RunInfo, outDir?: string): string[] {
  const dir = resolve(outDir ?? join(ROOT, 'evals', 'reports'));
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `corpus-${info.model}-${info.split}`);
  writeFileSync(`${base}.md`, markdown(score, info));
  writeFileSync(`${base}.json`, `${JSON.stringify(json(score, info), null, 2)}\n`);
  return [`${base}.md`, `${base}.json`];
}
