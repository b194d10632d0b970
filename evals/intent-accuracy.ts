/**
 * Accuracy of the offline intent rules (src/agent/intent-evidence/ as the local model in
 * src/agent/local/ reads them) on the hand-labelled dev set and the held-out test set.
 * Run: `npx tsx evals/intent-accuracy.ts`.
 * A prediction counts only at the confidence the gateway would act on without asking
 * (0.7); below that it is scored as "no tool". Exits 1 if dev accuracy drops below 0.85.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { classifyIntent } from '../src/agent/local/classify.ts';
import { extractContact } from '../src/agent/local/contact.ts';
import { TOOL_NAMES } from '../src/tools/index.ts';

const ACT_THRESHOLD = 0.7;
const DEV_MIN_ACCURACY = 0.85;

const Row = z
  .object({
    text: z.string(),
    tool: z.enum(TOOL_NAMES).nullable(),
    fields: z
      .object({ name: z.string().optional(), email: z.string().optional(), company: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();
type Row = z.infer<typeof Row>;

type Label = (typeof TOOL_NAMES)[number] | 'none';
const LABELS: Label[] = [...TOOL_NAMES, 'none'];

function load(file: string): Row[] {
  const url = new URL(file, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      const parsed = Row.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

const pick = (c: { name?: string | undefined; email?: string | undefined; company?: string | undefined }) =>
  JSON.stringify([c.name ?? null, c.email ?? null, c.company ?? null]);

type Report = {
  n: number;
  accuracy: number;
  perClass: Record<Label, { precision: number; recall: number; support: number }>;
  fields: { n: number; exact: number };
  spurious: number;
  errors: string[];
};

function evaluate(rows: Row[]): Report {
  const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<Label, { tp: number; fp: number; fn: number }>;
  let correct = 0;
  let fieldRows = 0;
  let fieldExact = 0;
  let spurious = 0;
  const errors: string[] = [];

  for (const row of rows) {
    const intent = classifyIntent(row.text);
    const predicted: Label = intent.tool !== null && intent.confidence >= ACT_THRESHOLD ? intent.tool : 'none';
    const expected: Label = row.tool ?? 'none';
    if (predicted === expected) {
      correct++;
      counts[expected].tp++;
    } else {
      counts[predicted].fp++;
      counts[expected].fn++;
      errors.push(`intent  expected ${expected}, got ${predicted} (${intent.tool ?? 'none'} @ ${intent.confidence}): ${JSON.stringify(row.text)}`);
    }

    const contact = extractContact([row.text]);
    if (row.fields !== undefined) {
      fieldRows++;
      if (pick(contact) === pick(row.fields)) fieldExact++;
      else errors.push(`fields  expected ${pick(row.fields)}, got ${pick(contact)}: ${JSON.stringify(row.text)}`);
    } else if (contact.name !== undefined || contact.email !== undefined || contact.company !== undefined) {
      spurious++;
      errors.push(`fields  unlabelled row yielded ${pick(contact)}: ${JSON.stringify(row.text)}`);
    }
  }

  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perClass = Object.fromEntries(
    LABELS.map((l) => {
      const { tp, fp, fn } = counts[l];
      return [l, { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), support: tp + fn }];
    }),
  ) as Report['perClass'];

  return { n: rows.length, accuracy: ratio(correct, rows.length), perClass, fields: { n: fieldRows, exact: fieldExact }, spurious, errors };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function print(name: string, r: Report): void {
  console.log(`\n== ${name} (${r.n} lines) ==`);
  console.log(`intent accuracy: ${pct(r.accuracy)}`);
  console.log('class             precision  recall  support');
  for (const l of LABELS) {
    const c = r.perClass[l];
    console.log(`${l.padEnd(16)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${String(c.support).padStart(7)}`);
  }
  console.log(`field exact match: ${r.fields.exact}/${r.fields.n} (${pct(r.fields.n === 0 ? 1 : r.fields.exact / r.fields.n)})`);
  console.log(`unlabelled lines with extracted contact details: ${r.spurious}`);
  if (r.errors.length > 0) console.log(`misses:\n  ${r.errors.join('\n  ')}`);
}

const dev = evaluate(load('./intent-dev.jsonl'));
const held = evaluate(load('./intent-test.jsonl'));
print('dev', dev);
print('test (held out)', held);

if (dev.accuracy < DEV_MIN_ACCURACY) {
  console.error(`\ndev intent accuracy ${pct(dev.accuracy)} is below ${pct(DEV_MIN_ACCURACY)}`);
  process.exit(1);
}
