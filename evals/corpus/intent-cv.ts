import { readdirSync, readFileSync } from 'node:fs';
import { intentScores } from '../../src/agent/confidence-estimate.ts';
import { LEARNED_MIN_PROBABILITY, ruleIntent, withLearnedFallback } from '../../src/agent/local/classify.ts';
import { extractContact, hasLeadContact } from '../../src/agent/local/contact.ts';
import { learnedClassifier, type LearnedGuess } from '../../src/agent/local/learned-intent.ts';
import { userWords } from '../../src/agent/user-words.ts';
import type { ToolName } from '../../src/tools/index.ts';
import { corpusLine, fnv1a32, LANGS, loadCorpus, type CorpusLine } from './load.ts';
import { examplesOf, intentDevExamples, trainIntentModel, type Example, type TrainOptions } from './intent-training.ts';

type Pick = (own: string) => ToolName | null;

function decide(line: CorpusLine, pick: Pick): ToolName | null {
  const last = userWords(line.turns.at(-1) ?? '');
  let tool = pick(last);
  if (tool === null && line.turns.length > 1) {
    const typed = extractContact([line.turns.at(-1)!]);
    let earlier: ToolName | null = null;
    for (let i = line.turns.length - 2; i >= 0 && earlier === null; i--) earlier = pick(userWords(line.turns[i]!));
    if (earlier === 'capture_lead' && (typed.name !== undefined || typed.email !== undefined)) tool = 'capture_lead';
  }
  if (tool === 'capture_lead' && !hasLeadContact(extractContact(line.turns))) return null;
  return tool;
}

interface Tally { ok: number; of: number; right: number; called: number; perLang: Record<string, { ok: number; of: number }> }

function tally(lines: CorpusLine[], pick: Pick, into?: Tally): Tally {
  const t: Tally = into ?? { ok: 0, of: 0, right: 0, called: 0, perLang: Object.fromEntries(LANGS.map((l) => [l, { ok: 0, of: 0 }])) };
  for (const line of lines) {
    const tool = decide(line, pick);
    const want = line.expect.tool;
    if (want !== null) {
      t.of++;
      t.perLang[line.lang]!.of++;
      if (tool === want) { t.ok++; t.perLang[line.lang]!.ok++; }
    }
    if (tool !== null) { t.called++; if (tool === want) t.right++; }
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? '  –  ' : `${((100 * a) / b).toFixed(1)}%`);
function show(name: string, t: Tally) {
  const langs = LANGS.map((l) => `${l} ${t.perLang[l]!.ok}/${t.perLang[l]!.of}`).join(' ');
  const low = Math.min(...LANGS.filter((l) => t.perLang[l]!.of > 0).map((l) => t.perLang[l]!.ok / t.perLang[l]!.of));
  console.log(`${name.padEnd(28)} recall ${pct(t.ok, t.of)} (${t.ok}/${t.of})  precision ${pct(t.right, t.called)} (${t.right}/${t.called})  lowest ${(100 * low).toFixed(1)}%`);
  if (process.env.CV_LANGS) console.log(`   ${langs}`);
}

/** What ships: the rules, completed by the learned guess (`withLearnedFallback`), at a given probability floor. */
function combined(guess: (own: string) => LearnedGuess, min: number): Pick {
  return (own) => withLearnedFallback(own, intentScores(own), guess, min).tool;
}
const alone = (guess: (own: string) => LearnedGuess): Pick => (own) => { const g = guess(own); return g.label === 'none' ? null : g.label; };

/** Fresh lines written during the work (split "?"), validated as corpus lines, per batch file. */
export function loadFreshBatches(dir = '/work/lines'): Map<string, CorpusLine[]> {
  let files: string[] = [];
  try { files = readdirSync(dir).filter((f) => /^batch-.*\.jsonl$/.test(f)).sort(); } catch { return new Map(); }
  return new Map(files.map((f) => [f, readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((l) => l.trim()).map((raw) => corpusLine.parse({ ...JSON.parse(raw), split: 'dev' }))]));
}
export function loadFresh(dir = '/work/lines'): CorpusLine[] {
  return [...loadFreshBatches(dir).values()].flat();
}

const FOLDS = 5;
/** Stratified by language: within each language, lines ordered by a hash of the id and dealt round-robin. */
function folds(lines: CorpusLine[]): CorpusLine[][] {
  const out: CorpusLine[][] = Array.from({ length: FOLDS }, () => []);
  for (const lang of LANGS) {
    lines.filter((l) => l.lang === lang).sort((a, b) => fnv1a32(a.id) - fnv1a32(b.id)).forEach((l, i) => out[i % FOLDS]!.push(l));
  }
  return out;
}

const THRESHOLDS = [...new Set((process.env.CV_T ?? `0.7,0.8,${LEARNED_MIN_PROBABILITY},0.95`).split(',').map(Number))].sort();

export function crossValidate(dev: CorpusLine[], extra: Example[], opts: Partial<TrainOptions>, label: string) {
  const parts = folds(dev);
  const rules = tally([], () => null);
  const solo = tally([], () => null);
  const comb = THRESHOLDS.map(() => tally([], () => null));
  for (let f = 0; f < FOLDS; f++) {
    const train = parts.filter((_, i) => i !== f).flat();
    const model = learnedClassifier(trainIntentModel([...examplesOf(train), ...extra], opts));
    tally(parts[f]!, (own) => ruleIntent(own).tool, rules);
    tally(parts[f]!, alone(model), solo);
    THRESHOLDS.forEach((t, i) => tally(parts[f]!, combined(model, t), comb[i]));
  }
  console.log(`\n## ${FOLDS}-fold CV on dev (${dev.length} lines) — ${label}`);
  show('rules', rules);
  show('classifier alone', solo);
  THRESHOLDS.forEach((t, i) => show(`rules + fallback p≥${t}`, comb[i]!));
}

export function heldOut(train: CorpusLine[], extra: Example[], fresh: CorpusLine[], opts: Partial<TrainOptions>, label: string) {
  const model = learnedClassifier(trainIntentModel([...examplesOf(train), ...extra], opts));
  console.log(`\n## fresh lines (${fresh.length}), trained on ${train.length} dev lines — ${label}`);
  show('rules', tally(fresh, (own) => ruleIntent(own).tool));
  show('classifier alone', tally(fresh, alone(model)));
  for (const t of THRESHOLDS) show(`rules + fallback p≥${t}`, tally(fresh, combined(model, t)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dev = loadCorpus('dev');
  const fresh = loadFresh();
  const opts: Partial<TrainOptions> = JSON.parse(process.env.CV_OPTS ?? '{}');
  const extra = process.env.CV_NO_INTENT_DEV ? [] : intentDevExamples();
  const label = `${JSON.stringify(opts)}${extra.length ? ' + intent-dev' : ''}`;
  crossValidate(dev, extra, opts, label);
  if (fresh.length) heldOut(dev, extra, fresh, opts, label);
  const batches = loadFreshBatches();
  if (batches.size > 1) leaveOneBatchOut(dev, extra, batches, opts, label);
}

/** Each fresh batch judged by a model trained on dev and every other batch: the final model's situation on unseen lines. */
export function leaveOneBatchOut(dev: CorpusLine[], extra: Example[], batches: Map<string, CorpusLine[]>, opts: Partial<TrainOptions>, label: string) {
  const rules = tally([], () => null);
  const comb = THRESHOLDS.map(() => tally([], () => null));
  for (const [name, lines] of batches) {
    const others = [...batches].filter(([n]) => n !== name).flatMap(([, l]) => l);
    const model = learnedClassifier(trainIntentModel([...examplesOf([...dev, ...others]), ...extra], opts));
    tally(lines, (own) => ruleIntent(own).tool, rules);
    THRESHOLDS.forEach((t, i) => tally(lines, combined(model, t), comb[i]));
  }
  console.log(`\n## leave one fresh batch out (${batches.size} batches), trained on dev + the other batches — ${label}`);
  show('rules', rules);
  THRESHOLDS.forEach((t, i) => show(`rules + fallback p≥${t}`, comb[i]!));
}

/** The dev lines the combined system gets wrong in cross-validation (dev only: fresh lines are scored, not read). */
export function devMistakes(dev: CorpusLine[], min: number) {
  const parts = folds(dev);
  for (let f = 0; f < FOLDS; f++) {
    const model = learnedClassifier(trainIntentModel([...examplesOf(parts.filter((_, i) => i !== f).flat()), ...intentDevExamples()]));
    for (const line of parts[f]!) {
      const rules = decide(line, (own) => ruleIntent(own).tool);
      const both = decide(line, combined(model, min));
      if (rules !== both) console.log(`${both === line.expect.tool ? 'fixed ' : rules === line.expect.tool ? 'broke ' : 'other '} ${line.id} want=${line.expect.tool} rules=${rules} now=${both} | ${line.turns.at(-1)!.slice(0, 120)}`);
    }
  }
}
