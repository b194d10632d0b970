import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LEARNED_MIN_PROBABILITY, ruleIntentFrom, withLearnedFallback, type FallbackPolicy } from '../../src/agent/local/classify.ts';
import { learnedClassifier, type LearnedGuess } from '../../src/agent/local/learned-intent.ts';
import type { ToolName } from '../../src/tools/index.ts';
import { examplesOf, intentDevExamples, trainIntentModel, type Example } from './intent-training.ts';
import type { TrainOptions } from './linear-training.ts';
import { corpusLine, fnv1a32, LANGS, loadCorpus, splitOf, type CorpusLine } from './load.ts';
import { RULES_NOW, rulesAt, type RuleSource } from './rules-then.ts';

/**
 * Does the learned intent fallback help the offline model's tool choice? Compares, with
 * the local-targets decision (`decideLocal`, scored by `corpus.test.ts`): the rules alone, the learned
 * model alone, the rules with the fallback as it ships (`withLearnedFallback`) at several
 * probability floors, and other fallback policies (CV_POLICIES). On:
 *
 * - the dev split, 5-fold cross-validation stratified by language (the learned model never
 *   sees the fold it is scored on; the rules were written on all of dev, so the rules' part
 *   is optimistic there);
 * - the dev batches written by others (FRESH_BATCHES), each scored with the rules as they were
 *   just before it was added (`rulesAt`) and a learned model trained on the dev lines of that
 *   time: nothing in either was fitted to them, as on the test split; the older rules are
 *   weaker than today's, so the rules' part is pessimistic there;
 * - fresh lines nobody fitted rules to (`batch-*.jsonl` files in the folder FRESH_DIR names) that are
 *   not yet in the corpus and whose id puts them in dev, with the model trained on dev. Only
 *   scored, never printed.
 *
 * Never the test split. Run: `npx tsx evals/corpus/intent-cv.ts` (CV_T=0.8,0.9 for other floors,
 * CV_TRAIN='{"l2":3e-5}' for other training options, CV_HISTORY=0 to skip the batches).
 */

export type Pick = (own: string) => ToolName | null;
export type Guess = (own: string) => LearnedGuess;

/** The same decision as the local target test in corpus.test.ts, with the intent of one message given by `pick`. */
export function decide(line: CorpusLine, pick: Pick, rules: RuleSource): ToolName | null {
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
  ...[...new Set((process.env.CV_T ?? `${LEARNED_MIN_PROBABILITY},0.9`).split(',').map(Number))].sort().map(
    (minProbability): System => ({
      name: `rules + learned, p ≥ ${minProbability}${minProbability === LEARNED_MIN_PROBABILITY ? ' (ships)' : ''}`,
      pick: (rules, guess) => (own) => withLearnedFallback(own, rules.intentScores(own), guess, policyOf(rules, { minProbability })).tool,
      detailed: minProbability === LEARNED_MIN_PROBABILITY,
    }),
  ),
  // Other policies to try, as JSON objects separated by `|` (CV_POLICIES='{"minProbability":0.8}|…'). By
  // default: the fallback without its veto (LEARNED_VETO), without its veto and its doubt (LEARNED_DOUBT), and,
  // as they were measured before either existed, the swap band up to 0.7 and the learned model also finding
  // requests where the rules see no sign of one, with any ticket-or-billing swap (not shipped: evals/README.md).
  // Where the rules are "sure" only above 1, every ticket or billing call would be open to the doubt, so those
  // two run without it.
  ...(process.env.CV_POLICIES ?? '{"vetoBelow":0}|{"vetoBelow":0,"doubtBelow":0}|{"rulesSure":0.7,"doubtBelow":0,"vetoBelow":0}|{"noCueProbability":0.95,"rulesSure":1.01,"doubtBelow":0}')
    .split('|')
    .filter((raw) => raw.trim() !== '')
    .map(
      (raw): System => ({
        name: `rules + learned, ${raw}`,
        pick: (rules, guess) => (own) => withLearnedFallback(own, rules.intentScores(own), guess, policyOf(rules, JSON.parse(raw) as Partial<FallbackPolicy>)).tool,
        detailed: true,
      }),
    ),
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

// Other training options to try, as JSON: CV_TRAIN='{"l2":1e-3}'.
const model = (examples: Example[]) => learnedClassifier(trainIntentModel(examples, JSON.parse(process.env.CV_TRAIN ?? '{}') as Partial<TrainOptions>));

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
const FRESH_BATCHES = ['a35c0c9', '4bc9589', '02f7e00', '29c425e', 'e12352e', 'ff7e3fc', 'caf935c', '78f09c0'];

function devIdsAt(commit: string): Set<string> {
  const text = execFileSync('git', ['-C', fileURLToPath(new URL('../../', import.meta.url)), 'show', `${commit}:evals/corpus/dev.jsonl`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return new Set(text.split('\n').flatMap((raw) => (raw.trim() === '' ? [] : [(JSON.parse(raw) as { id: string }).id])));
}

/** Fresh lines (split "?"), validated as corpus lines, per batch file. */
export function loadFreshBatches(dir = process.env.FRESH_DIR): Map<string, CorpusLine[]> {
  if (!dir) return new Map();
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

/** One held-out set: lines, the rules to score them with, and a learned model that never saw them. */
export interface HeldOut {
  lines: CorpusLine[];
  rules: RuleSource;
  guess: Guess;
}

/**
 * The held-out sets of dev: the folds of the cross-validation (`cv`, the rules fitted to them)
 * and the fresh batches with the rules of their time (`then`, nothing fitted to them).
 * `train` makes the learned model from its examples; by default the one that ships.
 */
export async function heldOutSets(train: (examples: Example[]) => Guess = model): Promise<{ cv: HeldOut[]; then: HeldOut[] }> {
  const dev = loadCorpus('dev');
  const extra = intentDevExamples();
  const parts = folds(dev);
  const cv = parts.map((lines, f) => ({ lines, rules: RULES_NOW, guess: train([...examplesOf(parts.filter((_, i) => i !== f).flat()), ...extra]) }));
  const then: HeldOut[] = [];
  if (process.env.CV_HISTORY !== '0') {
    for (const commit of FRESH_BATCHES) {
      const before = devIdsAt(`${commit}^`);
      const added = devIdsAt(commit);
      const lines = dev.filter((l) => added.has(l.id) && !before.has(l.id));
      then.push({ lines, rules: await rulesAt(`${commit}^`), guess: train([...examplesOf(dev.filter((l) => before.has(l.id))), ...extra]) });
    }
  }
  return { cv, then };
}

function scoreAll(sets: HeldOut[]): Tallies {
  const tallies = emptyTallies();
  for (const { lines, guess, rules } of sets) score(lines, guess, rules, tallies);
  return tallies;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cv, then } = await heldOutSets();
  const count = (sets: HeldOut[]) => sets.reduce((n, s) => n + s.lines.length, 0);
  report(`${FOLDS}-fold cross-validation on dev (${count(cv)} lines; the rules were written on all of them, so their part is optimistic)`, scoreAll(cv));
  if (then.length > 0) {
    report(`${count(then)} dev lines in ${then.length} batches, each with the rules and the dev lines from before it was added (nothing fitted to them)`, scoreAll(then));
  }

  const batches = loadFreshBatches();
  const fresh = [...batches.values()].flat();
  if (fresh.length > 0) {
    const guess = model([...examplesOf(loadCorpus('dev')), ...intentDevExamples()]);
    report(`fresh lines (${fresh.length} in ${batches.size} batches), learned model trained on dev`, scoreAll([{ lines: fresh, rules: RULES_NOW, guess }]));
  }
}
