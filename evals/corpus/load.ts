import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The realistic request corpus (format in README.md): one JSON object per line in
 * dev.jsonl and test.jsonl. Loading validates the shape strictly, so a malformed
 * line fails the run instead of being scored as something it is not.
 */

export const LANGS = ['en', 'zh', 'ja', 'ar', 'hi', 'es', 'pt', 'fr', 'de', 'ru', 'vi'] as const;
export const EXPECTED_TOOLS = ['capture_lead', 'escalate_ticket', 'check_billing'] as const;
export const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'] as const;
export type Split = 'dev' | 'test';
export type Priority = (typeof PRIORITY_ORDER)[number];
export type ExpectedTool = (typeof EXPECTED_TOOLS)[number];

const caller = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anon') }).strict(),
  z.object({ kind: z.literal('user'), email: z.string().min(3), name: z.string().min(1) }).strict(),
]);

const fields = z
  .object({
    name: z.string().min(1).optional(),
    email: z.string().min(3).optional(),
    company: z.string().min(1).optional(),
    phone: z.string().min(1).optional(),
    invoice: z.string().min(1).optional(),
  })
  .strict();

const expect = z
  .object({
    tool: z.enum(EXPECTED_TOOLS).nullable(),
    outcome: z.enum(['done', 'needs_sign_in', 'none']),
    fields: fields.default({}),
    category: z.enum(['billing', 'technical', 'account', 'sales', 'other']).optional(),
    priority: z.enum(PRIORITY_ORDER).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: 'custom', message });
    if ((e.tool === null) !== (e.outcome === 'none')) bad('tool null exactly when outcome is none');
    if (e.outcome === 'needs_sign_in' && e.tool !== 'check_billing') bad('needs_sign_in is a check_billing outcome');
    if (e.tool === 'escalate_ticket' && (!e.category || !e.priority)) bad('a ticket needs category and priority');
    if (e.tool !== 'escalate_ticket' && (e.category || e.priority)) bad('category and priority are for tickets only');
    if (e.tool === 'capture_lead' && (!e.fields.name || !e.fields.email)) bad('a lead needs name and email');
  });

export const corpusLine = z
  .object({
    id: z.string().regex(/^[a-z]{2}-(lead|ticket|billing|none)-\d{3}$/),
    split: z.enum(['dev', 'test']),
    lang: z.enum(LANGS),
    caller,
    turns: z.array(z.string().min(1)).min(1),
    expect,
    tags: z.array(z.string()).default([]),
  })
  .strict();

export type CorpusLine = z.infer<typeof corpusLine>;

/** FNV-1a, 32 bit, over the UTF-8 bytes (offset basis 0x811c9dc5, prime 0x01000193). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The split rule of the corpus README: fixed by the id alone. */
export function splitOf(id: string): Split {
  return fnv1a32(id) % 10 < 6 ? 'dev' : 'test';
}

export const CORPUS_FILES: Record<Split, URL> = {
  dev: new URL('./dev.jsonl', import.meta.url),
  test: new URL('./test.jsonl', import.meta.url),
};

/** Parses JSON Lines text; throws with the file and line number of the first bad line. */
export function parseCorpus(text: string, source = 'corpus'): CorpusLine[] {
  const out: CorpusLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${source}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = corpusLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${source}:${index + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

export function loadCorpus(split: Split | 'all'): CorpusLine[] {
  const splits: Split[] = split === 'all' ? ['dev', 'test'] : [split];
  return splits.flatMap((s) => parseCorpus(readFileSync(CORPUS_FILES[s], 'utf8'), `${s}.jsonl`));
}
