import { readdirSync, readFileSync } from 'node:fs';
import { intentScores } from '../../src/agent/confidence-estimate.ts';
import { HOW_TO, INJECTION, NEED_GONE, OFF_TOPIC } from '../../src/agent/intent-evidence/steering.ts';
import { LEARNED_MIN_PROBABILITY, ruleIntent, withLearnedFallback } from '../../src/agent/local/classify.ts';
import { extractContact, hasLeadContact } from '../../src/agent/local/contact.ts';
import { learnedClassifier, type LearnedGuess } from '../../src/agent/local/learned-intent.ts';
import { normalizeText } from '../../src/agent/normalize-text.ts';
import { userWords } from '../../src/agent/user-words.ts';
import type { ToolName } from '../../src/tools/index.ts';
import { examplesOf, intentDevExamples, trainIntentModel, type Example } from './intent-training.ts';
import { corpusLine, fnv1a32, LANGS, loadCorpus, splitOf, type CorpusLine } from './load.ts';

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

interface Tally {
  ok: number;
  of: number;
  right: number;
  called: number;
  perLang: Record<string, { ok: number; of: number }>;
}

const emptyTally = (): Tally => ({ ok: 0, of: 0, right: 0, called: 0, perLang: Object.fromEntries(LANGS.map((l) => [l, { ok: 0, of: 0 }])) });

function tally(lines: readonly CorpusLine[], pick: Pick, t: Tally = emptyTally()): Tally {
  for (const line of lines) {
    const tool = decide(line, pick);
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

const rulesAlone: Pick = (own) => ruleIntent(own).tool;
const learnedAlone = (guess: Guess): Pick => (own) => {
  const g = guess(own);
  return g.label === 'none' ? null : g.label;
};
/** What ships. */
const shipped = (guess: Guess, min: number): Pick => (own) => withLearnedFallback(own, intentScores(own), guess, min).tool;
/** Not shipped: the learned model also decides wherever the rules find no request at all (evals/README.md says why not). */
const unrestricted = (guess: Guess, min: number): Pick => (own) => {
  const rules = withLearnedFallback(own, intentScores(own), guess, min);
  const t = normalizeText(own);
  if (rules.tool !== null || own === '' || INJECTION.test(t) || HOW_TO.test(t) || NEED_GONE.test(t) || OFF_TOPIC.test(t)) return rules.tool;
  const g = guess(own);
  return g.label !== 'none' && g.probability >= min ? g.label : null;
};

const FLOORS = [...new Set((process.env.CV_T ?? `0.8,${LEARNED_MIN_PROBABILITY}`).split(',').map(Number))].sort();

interface Systems {
  rules: Tally;
  learned: Tally;
  shipped: Tally[];
  unrestricted: Tally;
}
const emptySystems = (): Systems => ({ rules: emptyTally(), learned: emptyTally(), shipped: FLOORS.map(emptyTally), unrestricted: emptyTally() });

function score(lines: readonly CorpusLine[], guess: Guess, s: Systems) {
  tally(lines, rulesAlone, s.rules);
  tally(lines, learnedAlone(guess), s.learned);
  FLOORS.forEach((floor, i) => tally(lines, shipped(guess, floor), s.shipped[i]));
  tally(lines, unrestricted(guess, LEARNED_MIN_PROBABILITY), s.unrestricted);
}

function report(title: string, s: Systems) {
  console.log(`\n${title}\n\n| system | recall | precision | lowest language |\n|---|---:|---:|---:|`);
  show('rules alone', s.rules);
  show('learned model alone', s.learned);
  FLOORS.forEach((floor, i) => show(`rules + learned, p ≥ ${floor}${floor === LEARNED_MIN_PROBABILITY ? ' (ships)' : ''}`, s.shipped[i]!, floor === LEARNED_MIN_PROBABILITY));
  show(`unrestricted fallback, p ≥ ${LEARNED_MIN_PROBABILITY}`, s.unrestricted);
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

  const cv = emptySystems();
  const parts = folds(dev);
  for (let f = 0; f < FOLDS; f++) score(parts[f]!, model([...examplesOf(parts.filter((_, i) => i !== f).flat()), ...extra]), cv);
  report(`${FOLDS}-fold cross-validation on dev (${dev.length} lines; the rules were written on all of them)`, cv);

  const batches = loadFreshBatches();
  const fresh = [...batches.values()].flat();
  if (fresh.length > 0) {
    const onDev = emptySystems();
    score(fresh, model([...examplesOf(dev), ...extra]), onDev);
    report(`fresh lines (${fresh.length} in ${batches.size} batches), learned model trained on dev`, onDev);
  }
  if (batches.size > 1) {
    const lobo = emptySystems();
    for (const [name, lines] of batches) {
      const others = [...batches].filter(([n]) => n !== name).flatMap(([, l]) => l);
      score(lines, model([...examplesOf([...dev, ...others]), ...extra]), lobo);
    }
    report(`each fresh batch, learned model trained on dev and the other batches`, lobo);
  }
}
