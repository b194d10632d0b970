import { writeFileSync } from 'node:fs';
import { userWords } from '../../src/agent/user-words.ts';
import { SEVERITY_LABELS, SEVERITY_MODEL_FILE, severityText } from '../../src/tools/learned-severity.ts';
import type { LinearModel } from '../../src/text/hashed-linear.ts';
import { trainLinearModel, type LabelledText } from './linear-training.ts';
import { loadCorpus, type CorpusLine } from './load.ts';
import { serialise } from './train-intent.ts';

/**
 * Writes the triage's learned severity model (src/tools/severity-model.json), trained on the
 * corpus's dev tickets only: the test split is never trained on. Run after the dev split
 * changes: `npx tsx evals/corpus/train-severity.ts`. `corpus.test.ts` fails while the
 * committed model differs from what this writes.
 */

/**
 * What a line teaches: all its user turns, in the user's own words, as the triage reads them,
 * and the ticket's priority (`low` counts as `normal`). A line that asks for no ticket (a
 * question, a lead, a billing lookup) teaches `normal`: words that ask for no person are no
 * serious ticket, which is what an injected priority on them would claim.
 */
export function severityExamples(lines: readonly CorpusLine[]): LabelledText[] {
  return lines.map((line) => {
    const priority = line.expect.priority === undefined || line.expect.priority === 'low' ? 'normal' : line.expect.priority;
    return { id: line.id, text: severityText(line.turns.map((turn) => userWords(turn)).join('\n')), label: SEVERITY_LABELS.indexOf(priority) };
  });
}

export function trainSeverityModel(lines: readonly CorpusLine[]): LinearModel {
  return trainLinearModel(severityExamples(lines), SEVERITY_LABELS.length);
}

export const trainCommittedSeverityModel = (): LinearModel => trainSeverityModel(loadCorpus('dev'));

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = serialise(trainCommittedSeverityModel());
  writeFileSync(SEVERITY_MODEL_FILE, text);
  console.log(`wrote ${SEVERITY_MODEL_FILE.pathname} (${text.length} bytes)`);
}
