import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LEARNED_MIN_PROBABILITY, ruleIntentFrom, withLearnedFallback, type FallbackPolicy } from '../../src/agent/local/classify.ts';
import { learnedClassifier, type LearnedGuess } from '../../src/agent/local/learned-intent.ts';
import type { ToolName } from '../../src/tools/index.ts';
import { examplesOf, intentDevExamples, trainIntentModel, type Example } from './intent-training.ts';
import { corpusLine, fnv1a32, LANGS, loadCorpus, splitOf, type CorpusLine } from './load.ts';
import { RULES_NOW, rulesAt, type RuleSource } from './rules-then.ts';

/**
 * Does the learned intent fallback help the offline model's tool choice? Compares, with
 * the local-targets decision (`decideLocal`, scored by `corpus.test.ts`): the rules alone, the learned
 * model alone, the rules with the fallback as it ships (`withLearnedFallback`) at several
 * probability floors, and an unrestricted fallback (the learned model decides wherever the
 * rules find no request). On:
 *
 * - the dev split, 5-fold cross-validation stratified by language (the learned model never
 *   sees the fold it is scored on; the rules were written on all of dev, so "rules" is
 *   optimistic there);
 * - fresh lines nobody fitted rules to (`/work/lines/batch-*.jsonl`, or FRESH_DIR) that are
 *   not yet in the corpus and whose id puts them in dev, with the model trained on dev, and
 *   each batch with the model trained on dev and the other batches. Only scored, never printed.
 *
 * Never the test split. Run: `npx tsx evals/corpus/intent-cv.ts` (CV_T=0.8,0.9 for other floors).
 */

type Pick = (own: string) => ToolName | null;
type Guess = (own: string) => LearnedGuess;

/** The same decision as the local target test in corpus.test.ts, with the intent of one message given by `pick`. */
function decide(line: CorpusLine, pick: Pick, rules: RuleSource): ToolName | null {
  const last = rules.userWords(line.turns.at(-1) ?? '');
  let tool = pick(last);
  if (tool === null && line.turns.length > 1) {
    const typed = rules.extractContact([line.turns.at(-1)!]);
    let earlier: ToolName | null = null;
    for (let i = line.turns.length - 2; i >= 0 && earlier === null; i--) earlier = pick(rules.userWords(line.turns[i]!));
    if (earlier === 'capture_lead' && (typed.name !== undefined || typed.email !== undefined)) tool = 'capture_lead';
  }
  if (tool === 'capture_lead' && !rules.hasLeadContact(rules.extractContact(line.turns))) return null;
  return tool;
}

interface Tally {
  ok: number;
  of: number;
  right: number;
  called: number;
  perLang: Record<string, { ok: number; of: number }>;
}

const emptyTally = (): Tally => ({ ok: 0, of: 0, right: 0, called: 0, perLang: Object.fromEntries(LANGS.map((l) => [l, { ok: 0, of: 0 }])) });

function tally(lines: readonly CorpusLine[], pick: Pick, rules: RuleSource, t: Tally): Tally {
  for (const line of lines) {
    const tool = decide(line, pick, rules);
    const want = line.expect.tool;
    if (want !== null) {
      t.of++;
      t.perLang[line.lang]!.of++;
      if (tool === want) {
        t.ok++;
        t.perLang[line.lang]!.ok++;
      }
    }
    if (tool !== null) {
      t.called++;
      if (tool === want) t.right++;
    }
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

function show(name: string, t: Tally, langs = false) {
  const withLines = LANGS.filter((l) => t.perLang[l]!.of > 0);
  const low = Math.min(...withLines.map((l) => t.perLang[l]!.ok / t.perLang[l]!.of));
  console.log(`| ${name} | ${pct(t.ok, t.of)} (${t.ok}/${t.of}) | ${pct(t.right, t.called)} (${t.right}/${t.called}) | ${(100 * low).toFixed(1)}% |`);
  if (langs) console.log(`|   per language | ${withLines.map((l) => `${l} ${t.perLang[l]!.ok}/${t.perLang[l]!.of}`).join(', ')} | | |`);
}

/** A way of choosing the tool from the rules' scores and the learned guess. */
interface System {
  name: string;
  pick: (rules: RuleSource, guess: Guess) => Pick;
  /** Per-language figures are printed for it. */
  detailed?: boolean;
}

const policyOf = (rules: RuleSource, policy: Partial<FallbackPolicy>) => ({ steersAway: rules.steersAway, ...policy });

const SYSTEMS: System[] = [
  { name: 'rules alone', pick: (rules) => (own) => ruleIntentFrom(rules.intentScores(own)).tool },
  {
    name: 'learned model alone',
    pick: (_, guess) => (own) => {
      const g = guess(own);
      return g.label === 'none' ? null : g.label;
    },
  },
  ...[...new Set((process.env.CV_T ?? `0.8,${LEARNED_MIN_PROBABILITY}`).split(',').map(Number))].sort().map(
    (minProbability): System => ({
      name: `rules + learned, p ≥ ${minProbability}${minProbability === LEARNED_MIN_PROBABILITY ? ' (ships)' : ''}`,
      pick: (rules, guess) => (own) => withLearnedFallback(own, rules.intentScores(own), guess, policyOf(rules, { minProbability })).tool,
      detailed: minProbability === LEARNED_MIN_PROBABILITY,
    }),
  ),
  {
    // Not shipped: the learned model also decides wherever the rules find no request at all (evals/README.md says why not).
    name: `unrestricted fallback, p ≥ ${LEARNED_MIN_PROBABILITY}`,
    pick: (rules, guess) => (own) => {
      const settled = withLearnedFallback(own, rules.intentScores(own), guess, policyOf(rules, {})).tool;
      if (settled !== null || own === '' || rules.steersAway(rules.normalizeText(own))) return settled;
      const g = guess(own);
      return g.label !== 'none' && g.probability >= LEARNED_MIN_PROBABILITY ? g.label : null;
    },
  },
];

type Tallies = Tally[];
const emptyTallies = (): Tallies => SYSTEMS.map(emptyTally);

function score(lines: readonly CorpusLine[], guess: Guess, rules: RuleSource, tallies: Tallies) {
  SYSTEMS.forEach((system, i) => tally(lines, system.pick(rules, guess), rules, tallies[i]!));
}

function report(title: string, tallies: Tallies) {
  console.log(`\n${title}\n\n| system | recall | precision | lowest language |\n|---|---:|---:|---:|`);
  SYSTEMS.forEach((system, i) => show(system.name, tallies[i]!, system.detailed));
}

const model = (examples: Example[]) => learnedClassifier(trainIntentModel(examples));

const FOLDS = 5;
/** Stratified by language: within each language, lines in the order of a hash of their id, dealt round-robin. */
function folds(lines: readonly CorpusLine[]): CorpusLine[][] {
  const out: CorpusLine[][] = Array.from({ length: FOLDS }, () => []);
  for (const lang of LANGS) {
    lines
      .filter((l) => l.lang === lang)
      .sort((a, b) => fnv1a32(a.id) - fnv1a32(b.id))
      .forEach((l, i) => out[i % FOLDS]!.push(l));
  }
  return out;
}

/**
 * Batches of dev lines written by others before any rule was written for them, by the
 * commit that added them: each is scored with the rules of that commit's parent and a
 * learned model trained on the dev lines of that parent. Probe lines (written together
 * with the rules they probe) and merges are left out.
 */
const FRESH_BATCHES = ['a35c0c9', '4bc9589', '02f7e00', '29c425e', 'e12352e', 'ff7e3fc', 'caf935c'];

function devIdsAt(commit: string): Set<string> {
  const text = execFileSync('git', ['-C', fileURLToPath(new URL('../../', import.meta.url)), 'show', `${commit}:evals/corpus/dev.jsonl`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return new Set(text.split('\n').flatMap((raw) => (raw.trim() === '' ? [] : [(JSON.parse(raw) as { id: string }).id])));
}

/** Fresh lines (split "?"), validated as corpus lines, per batch file. */
export function loadFreshBatches(dir = process.env.FRESH_DIR ?? '/work/lines'): Map<string, CorpusLine[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^batch-.*\.jsonl$/.test(f)).sort();
  } catch {
    return new Map();
  }
  // A fresh line already merged into the corpus is no longer fresh, and one whose id puts it in
  // the test split (`splitOf`) will be a test line: neither is scored here.
  const merged = new Set(loadCorpus('dev').map((l) => l.id));
  const parse = (raw: string) => corpusLine.parse({ ...JSON.parse(raw), split: 'dev' });
  const fresh = (f: string) =>
    readFileSync(`${dir}/${f}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map(parse)
      .filter((l) => splitOf(l.id) === 'dev' && !merged.has(l.id));
  return new Map(files.map((f) => [f, fresh(f)] as const).filter(([, lines]) => lines.length > 0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dev = loadCorpus('dev');
  const extra = intentDevExamples();

  const cv = emptyTallies();
  const parts = folds(dev);
  for (let f = 0; f < FOLDS; f++) score(parts[f]!, model([...examplesOf(parts.filter((_, i) => i !== f).flat()), ...extra]), RULES_NOW, cv);
  report(`${FOLDS}-fold cross-validation on dev (${dev.length} lines; the rules were written on all of them, so their part is optimistic)`, cv);

  if (process.env.CV_HISTORY !== '0') {
    const then = emptyTallies();
    let count = 0;
    for (const commit of FRESH_BATCHES) {
      const before = devIdsAt(`${commit}^`);
      const added = devIdsAt(commit);
      const batch = dev.filter((l) => added.has(l.id) && !before.has(l.id));
      const known = dev.filter((l) => before.has(l.id));
      count += batch.length;
      score(batch, model([...examplesOf(known), ...extra]), await rulesAt(`${commit}^`), then);
    }
    report(`${count} dev lines in ${FRESH_BATCHES.length} batches, each with the rules and the dev lines from before it was added (nothing fitted to them)`, then);
  }

  const batches = loadFreshBatches();
  const fresh = [...batches.values()].flat();
  if (fresh.length > 0) {
    const onDev = emptyTallies();
    score(fresh, model([...examplesOf(dev), ...extra]), RULES_NOW, onDev);
    report(`fresh lines (${fresh.length} in ${batches.size} batches), learned model trained on dev`, onDev);
  }
}
