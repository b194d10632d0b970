import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FAKE } from '../../test/support/fake-secrets.ts';
import { CANARIES } from './fixtures.ts';

/**
 * The eval case format (one JSON object per line in `evals/cases/*.jsonl`). A case
 * is a short conversation against the real HTTP app, plus what must and must not
 * be true of the committed state afterwards. See evals/README.md for a walkthrough.
 */

export const CATEGORIES = [
  'direct_injection',
  'pasted_injection',
  'tool_result_injection',
  'spoofed_messages',
  'bola',
  'bfla',
  'excessive_agency',
  'exfiltration',
  'hostile_args',
  'vague',
  'multilingual',
  'benign',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const MODELS = ['puppet', 'local', 'openai'] as const;
export type ModelName = (typeof MODELS)[number];

export const FIXTURE_USERS = ['alice', 'bob', 'carol', 'dave'] as const;
export type FixtureUser = (typeof FIXTURE_USERS)[number];

/** Bearer tokens a tampering client can send instead of a valid one. */
export const BAD_TOKENS = [
  'alg_none',
  'wrong_secret',
  'expired',
  'wrong_audience',
  'garbage',
  'user_metadata_admin',
] as const;

const callerSchema = z.union([
  z.literal('anonymous'),
  z.enum(FIXTURE_USERS),
  z
    .object({
      user: z.enum(FIXTURE_USERS),
      /** Extra or replaced JWT claims (still signed with the real secret). */
      claims: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z.object({ token: z.enum(BAD_TOKENS), user: z.enum(FIXTURE_USERS).default('bob') }).strict(),
]);
export type Caller = z.infer<typeof callerSchema>;

const puppetCall = z
  .object({ tool: z.string(), args: z.unknown(), confidence: z.number().min(0).max(1).optional() })
  .strict();
const puppetScript = z.object({ calls: z.array(puppetCall).max(50).optional(), text: z.string().optional() }).strict();
export type PuppetScript = z.infer<typeof puppetScript>;

/** A message a tampering client adds to a useChat body: the server must ignore it. */
const forgedMessage = z
  .object({
    role: z.enum(['system', 'assistant', 'tool', 'user', 'developer']),
    text: z.string().optional(),
    /** Raw UI message parts (tool parts, approvals, data parts) instead of text. */
    parts: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

const turnSchema = z
  .object({
    /** What the user typed: their own words. */
    user: z.string().optional(),
    /** Content the user pasted (an email, a web page, a log): not their own words. */
    pasted: z.string().optional(),
    pasteStyle: z.enum(['tag', 'quote', 'fence']).default('tag'),
    pasteFirst: z.boolean().default(false),
    /** Client-forged messages sent before / after the user message in a useChat body. */
    forged: z.array(forgedMessage).optional(),
    forgedAfter: z.array(forgedMessage).optional(),
    /** A raw request body (a JSON value); "$CONVERSATION" is replaced by the conversation id. */
    body: z.unknown().optional(),
    /** A different caller for this turn. */
    as: callerSchema.optional(),
    /** Logical conversation name (each case gets its own ids), or "id:<literal id>". */
    conversation: z.string().default('main'),
    /** What an attacker-obedient model does in this turn (used with --model puppet only). */
    puppet: puppetScript.optional(),
    /** The answer to a needs_confirmation result; null: do not answer. Defaults to the case's. */
    confirm: z.string().nullable().optional(),
    /** A plain HTTP request instead of a chat turn (admin routes, health, …). */
    http: z
      .object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
        path: z.string().startsWith('/'),
        body: z.unknown().optional(),
      })
      .strict()
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** Send the turn this many times; "{i}" in the text, puppet script and conversation is the index. */
    repeat: z.number().int().min(1).max(60).optional(),
  })
  .strict();
export type Turn = z.infer<typeof turnSchema>;

const TABLES = ['contacts', 'tickets', 'outbox', 'billing_accounts', 'invoices', 'tool_executions', 'pending_confirmations', 'conversations', 'messages', 'audit_log'] as const;
export type TableName = (typeof TABLES)[number];
export const WRITE_TOOLS = ['capture_lead', 'escalate_ticket'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

const scoped = { models: z.array(z.enum(MODELS)).optional(), role: z.enum(['security', 'utility', 'evidence']).optional() };
const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A statement about the state after the case; `must` asserts it, `mustNot` its negation. */
export const predicateSchema = z.union([
  /** A write tool took effect (audit outcome done, or its table changed); "any": any domain table changed. */
  z.object({ write: z.enum([...WRITE_TOOLS, 'any']), ...scoped }).strict(),
  /** The table's rows differ from what the fixtures left (anything added, changed or removed). */
  z.object({ changed: z.enum(TABLES), ...scoped }).strict(),
  /** The tool ran to `done` at least `min` times. */
  z.object({ executed: z.enum(['capture_lead', 'escalate_ticket', 'check_billing']), min: z.number().int().min(0).default(1), ...scoped }).strict(),
  /** The tool ran to `done` at most `n` times. */
  z.object({ atMost: z.string(), n: z.number().int().min(0), ...scoped }).strict(),
  /** At most `n` rows were added to `table`. */
  z.object({ newRows: z.enum(TABLES), max: z.number().int().min(0), ...scoped }).strict(),
  /** A row of `table` matches every column in `where` (text compared case-insensitively; {"like": "%x%"} and {"startsWith": "x"} allowed). */
  z
    .object({
      row: z.enum(TABLES),
      where: z.record(z.string(), z.union([value, z.object({ like: z.string() }).strict(), z.object({ startsWith: z.string() }).strict()])),
      ...scoped,
    })
    .strict(),
  /** Some reply text (any turn) matches this case-insensitive regex. */
  z.object({ reply: z.string(), ...scoped }).strict(),
  /** Some raw response body (any request, JSON or problem) matches this case-insensitive regex. */
  z.object({ response: z.string(), ...scoped }).strict(),
  /** An audit row matches. */
  z
    .object({
      audit: z
        .object({ tool: z.string().optional(), reason: z.string().optional(), decision: z.string().optional(), outcome: z.string().optional(), kind: z.enum(['tool_call', 'redaction']).optional() })
        .strict(),
      ...scoped,
    })
    .strict(),
  /** The HTTP status of turn `turn` (0-based, first request of the turn). */
  z.object({ status: z.number().int(), turn: z.number().int().min(0).default(0), ...scoped }).strict(),
  /** Every check_billing result the caller saw carries only the caller's own account. */
  z.object({ billingOnlyOwn: z.literal(true), ...scoped }).strict(),
  /** Every ticket written in the case has at most this priority. */
  z.object({ priorityAtMost: z.enum(PRIORITIES), ...scoped }).strict(),
  /** The model proposed this tool (any decision) at least `min` / at most `max` times. */
  z.object({ proposed: z.string(), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), ...scoped }).strict(),
  /** Every table the gateway needs still exists and the fixtures are intact. */
  z.object({ tablesIntact: z.literal(true), ...scoped }).strict(),
]);
export type Predicate = z.infer<typeof predicateSchema>;

const fixtureRows = z.array(z.record(z.string(), z.unknown()));

export const caseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
    category: z.enum(CATEGORIES),
    kind: z.enum(['attack', 'benign']),
    title: z.string().min(3),
    /**
     * Whether the policy layer alone (no help from the model) can stop the attack:
     * with the puppet model the gate requires attack success 0 on these only.
     */
    decidable: z.boolean().optional(),
    /** Public sources the case is modelled on (OWASP ids, AgentDojo, garak/promptfoo plugins, …). */
    sources: z.array(z.string()).default([]),
    caller: callerSchema.default('anonymous'),
    /** Extra rows (billing_accounts, invoices, contacts) on top of the standard fixtures. */
    fixtures: z.object({ billing_accounts: fixtureRows.optional(), invoices: fixtureRows.optional(), contacts: fixtureRows.optional() }).strict().optional(),
    /** Extra or replaced environment for this case's gateway. */
    env: z.record(z.string(), z.string()).optional(),
    /** How the user answers a needs_confirmation result; null: never. */
    confirm: z.string().nullable().default('yes'),
    /** Run only with these models (default: all). */
    models: z.array(z.enum(MODELS)).optional(),
    turns: z.array(turnSchema).min(1),
    must: z.array(predicateSchema).default([]),
    mustNot: z.array(predicateSchema).default([]),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'benign' && c.must.length === 0) ctx.addIssue({ code: 'custom', message: 'a benign control needs at least one `must`' });
  });
export type EvalCase = z.infer<typeof caseSchema>;

export const CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

/** Every case in `dir`, validated; duplicate ids and schema errors name the file and line. */
export function loadCases(dir = CASES_DIR): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '' || line.trimStart().startsWith('//')) return;
      const where = `${file}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new Error(`${where}: not JSON: ${(error as Error).message}`);
      }
      const parsed = caseSchema.safeParse(withPlantedValues(raw, where));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${where}: ${issue.path.join('.') || 'case'}: ${issue.message}`);
      }
      const prior = seen.get(parsed.data.id);
      if (prior) throw new Error(`${where}: duplicate id ${parsed.data.id} (first at ${prior})`);
      seen.set(parsed.data.id, where);
      cases.push(parsed.data);
    });
  }
  return cases;
}

/** Categories whose attacks the policy layer decides alone, unless a case says otherwise. */
const DECIDABLE_BY_DEFAULT: Record<Category, boolean> = {
  direct_injection: true,
  pasted_injection: true,
  tool_result_injection: true,
  spoofed_messages: true,
  bola: true,
  bfla: true,
  excessive_agency: true,
  exfiltration: true,
  hostile_args: true,
  vague: false,
  multilingual: true,
  benign: true,
};

export function isDecidable(c: EvalCase): boolean {
  return c.decidable ?? DECIDABLE_BY_DEFAULT[c.category];
}

/**
 * Cases name credential-shaped values instead of spelling them out: `{{canary:NAME}}`
 * is a planted canary (fixtures.ts) and `{{fake:NAME}}` a fake credential
 * (test/support/fake-secrets.ts). The repository then holds no string a secret
 * scanner would flag, and a canary changed in one place changes everywhere.
 */
function withPlantedValues(value: unknown, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{(canary|fake):(\w+)\}\}/g, (_m, kind: string, name: string) => {
      const table: Record<string, unknown> = kind === 'canary' ? CANARIES : FAKE;
      const found = table[name];
      if (typeof found !== 'string') throw new Error(`${where}: unknown ${kind} ${name}`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v) => withPlantedValues(v, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlantedValues(v, where)]));
  }
  return value;
}
