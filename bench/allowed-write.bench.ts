import { readFileSync } from 'node:fs';
import { createRedactor } from '../src/policy/output-gate/index.ts';
import { enforce, type EnforceDeps } from '../src/policy/enforce.ts';
import { MemoryRateLimiter } from '../src/policy/rate-limit/index.ts';
import type { EnforceContext } from '../src/policy/types.ts';
import { TOOL_REGISTRY } from '../src/tools/index.ts';
import { ANONYMOUS } from '../src/tools/session.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, ms, summarize, type Summary, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 3: one allowed write end to end below HTTP: `enforce()` with a
 * capture_lead call that passes every gate, so it runs the idempotency lookup, the
 * rate limiter and one transaction holding the contact, the idempotency record, the
 * outbox row and the hash-chained audit row. Every call has its own email and
 * conversation, so each one is a new effect rather than a duplicate or a rate-limit
 * refusal.
 */

const TABLES = ['contacts', 'tool_executions', 'outbox', 'audit_log'] as const;

function context(i: number, run: string): { call: Parameters<typeof enforce>[0]; ctx: EnforceContext } {
  const email = `lead${i}.${run}@example.com`;
  return {
    call: { tool: 'capture_lead', args: { name: 'Ada Lovelace', email, company: 'Analytical Engines Ltd' }, confidence: 0.95 },
    ctx: {
      // One visitor per write from its own address: the per-caller and per-address lead limits are not what is measured.
      session: { ...ANONYMOUS, actor: `visitor:bench_${run}_${i}` },
      clientAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      conversationId: `conv_write_${run}_${i}`,
      userTexts: [`Hi, I am Ada Lovelace from Analytical Engines, ${email}. Could we get a demo?`],
      typedEmails: [email],
      thresholds: { capture_lead: 0.7, escalate_ticket: 0.7, check_billing: 0.7 },
      confirmed: false,
      // No secret in these arguments; the detector's own cost is the output-gate benchmark's.
      findSensitive: () => [],
      callsThisTurn: 1,
      requestId: `req_write_${run}_${i}`,
      publicBaseUrl: 'https://gateway.example',
    },
  };
}

async function measure(db: Database, writes: number, warmup: number): Promise<Summary> {
  // The same output gate a turn scrubs arguments with, so the figure includes it.
  const redact = createRedactor({ secretValues: [], systemPrompt: readFileSync('prompts/system.md', 'utf8'), allowedLinkHosts: [], maxChars: 4000 });
  const deps: EnforceDeps = { db, limiter: new MemoryRateLimiter(), tools: TOOL_REGISTRY, scrub: (text) => redact(text, { allowedEmails: [] }).text };
  const run = Date.now().toString(36);
  const samples: number[] = [];
  for (let i = 0; i < warmup + writes; i++) {
    const { call, ctx } = context(i, run);
    const started = performance.now();
    const outcome = await enforce(call, ctx, deps);
    const elapsed = performance.now() - started;
    // Timing anything but a committed write would make the figures meaningless.
    if (outcome.decision !== 'allowed' || outcome.output.status !== 'done') {
      throw new Error(`write ${i} was not done: ${outcome.decision} ${outcome.reason ?? outcome.output.status}`);
    }
    if (i >= warmup) samples.push(elapsed);
  }
  await deps.limiter.close();
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    if (row?.n !== warmup + writes) throw new Error(`${table} holds ${row?.n} rows after ${warmup + writes} writes`);
  }
  return summarize(samples);
}

export async function runAllowedWriteBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string | undefined }): Promise<BenchResult> {
  const writes = quick ? 1000 : 3000;
  const warmup = quick ? 50 : 300;
  const rows: Array<Array<string | number>> = [];
  const checks: TargetCheck[] = [];
  const notes: string[] = [];

  if (databaseUrl) {
    let fresh: Awaited<ReturnType<typeof freshPostgres>> | null = null;
    try {
      fresh = await freshPostgres(databaseUrl);
    } catch (error) {
      notes.push(`Postgres skipped: ${(error as Error).message}`);
    }
    if (fresh) {
      try {
        const s = await measure(fresh.db, writes, warmup);
        rows.push(['**Postgres**', s.count, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
        checks.push({ benchmark: 'allowed write, Postgres', measure: 'p95', value: `${ms(s.p95)} ms`, target: '< 10 ms', pass: s.p95 < 10 });
      } finally {
        await fresh.drop();
      }
    }
  } else {
    notes.push('Postgres skipped: DATABASE_URL is not set.');
  }

  const pglite = await openPglite();
  try {
    await migrate(pglite);
    const s = await measure(pglite, writes, warmup);
    rows.push(['PGlite (in memory), for comparison', s.count, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
  } finally {
    await pglite.close();
  }

  const markdown = [
    `Writes: ${writes.toLocaleString('en')} per backend after ${warmup} warm-up, one at a time, each in a fresh database; row counts are checked afterwards.`,
    '',
    markdownTable(['backend', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
  return { markdown, checks };
}
