import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { streamText } from 'ai';
import { Hono } from 'hono';
import { loadSystemPrompt } from '../src/agent/prompt.ts';
import { createPuppetModel, encodePuppetScript } from '../src/agent/puppet-model.ts';
import { MODEL_TOOLS } from '../src/agent/tool-definitions.ts';
import { loadConfig } from '../src/config.ts';
import { createGateway, type Gateway } from '../src/gateway.ts';
import { createLogger } from '../src/http/logger.ts';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import type { Database, Queryable } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { createApp } from '../src/server.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, ms, percentile, summarize, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 2: one chat turn through the whole HTTP stack, against a bare AI SDK
 * server doing the same turn with the same zero-latency model. Both listen on real
 * sockets and are called with `fetch`, one request at a time, interleaved in a
 * random order each round, so drift in the machine (CPU frequency, GC, other load)
 * lands on both alike. The difference is what toolgate itself costs.
 */

const SYSTEM_PROMPT_FILE = fileURLToPath(new URL('../prompts/system.md', import.meta.url));
const USER_TEXT = 'Hi! What does the Team plan include, and is there a free trial?';
// No email, card number or link: the output gate scans the reply but has nothing to redact.
const REPLY =
  'The Team plan includes shared inboxes, reporting and integrations with the tools you already use. ' +
  'There is a 14-day free trial, no card needed. Would you like me to set up a demo with our sales team?';
const PUPPET_HEADER = encodePuppetScript({ text: REPLY });

type Mode = 'json' | 'stream';

interface Target {
  name: string;
  url: string;
  /** The gateway takes its zero-latency script from the puppet header; the baseline builds the model itself. */
  puppet: boolean;
  /** Database statements and waiting time so far (gateways only). */
  meter?: { statements: number; ms: number };
  close(): Promise<void>;
}

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat`, server };
}

const closeServer = (server: ServerType) =>
  new Promise<void>((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Counts the statements a turn sends and the time spent waiting for them. Requests
 * run one at a time, so everything between two readings belongs to one turn.
 */
function meteredDatabase(db: Database) {
  const meter = { statements: 0, ms: 0 };
  const metered = (q: Queryable, inTransaction: boolean): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      meter.statements++;
      if (inTransaction) return q.query<T>(sql, params);
      const started = performance.now();
      try {
        return await q.query<T>(sql, params);
      } finally {
        meter.ms += performance.now() - started;
      }
    },
    exec: (sql: string) => q.exec(sql),
  });
  const wrapped: Database = {
    kind: db.kind,
    ...metered(db, false),
    async transaction(fn) {
      // BEGIN and COMMIT are round trips too; the whole transaction counts as waiting.
      meter.statements += 2;
      const started = performance.now();
      try {
        return await db.transaction((tx) => {
          const m = metered(tx, true);
          return fn({ ...m, queryAndCommit: (sql, params) => (meter.statements++, tx.queryAndCommit(sql, params)) });
        });
      } finally {
        meter.ms += performance.now() - started;
      }
    },
    close: () => db.close(),
  };
  return { db: wrapped, meter };
}

/** The gateway as `npm start` builds it, with info-level logs written to a sink that drops them. */
async function gatewayTarget(name: string, db: Database, drop: () => Promise<void>): Promise<Target> {
  // Behind a proxy each visitor has their own address; without it every request would
  // share the 30-a-minute chat limit of 127.0.0.1.
  const config = loadConfig({ MODEL: 'puppet', LOG_LEVEL: 'info', TRUST_PROXY: 'true', SYSTEM_PROMPT_FILE });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const { db: metered, meter } = meteredDatabase(db);
  const gateway: Gateway = await createGateway(config, { db: metered, logger: createLogger(config.LOG_LEVEL, { destination: sink }), limiter: createRateLimiter({ kind: 'memory' }) });
  const { url, server } = await listen(createApp(gateway).fetch);
  return {
    name,
    url,
    puppet: true,
    meter,
    async close() {
      await closeServer(server);
      await gateway.limiter.close();
      await drop();
    },
  };
}

/** What a chat endpoint written straight from the AI SDK docs does: no database, no policy. */
async function baselineTarget(): Promise<Target> {
  const system = loadSystemPrompt(SYSTEM_PROMPT_FILE);
  const app = new Hono();
  app.post('/v1/chat', async (c) => {
    const body = await c.req.json<{ message: { parts: Array<{ type: string; text?: string }> } }>();
    const text = body.message.parts.map((p) => p.text ?? '').join('\n');
    const result = streamText({ model: createPuppetModel({ calls: [], text: REPLY }), system, messages: [{ role: 'user', content: text }], tools: MODEL_TOOLS });
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json({ text: await result.text });
    return result.toUIMessageStreamResponse();
  });
  const { url, server } = await listen(app.fetch);
  return { name: 'baseline (bare Hono + AI SDK)', url, puppet: false, close: () => closeServer(server) };
}

let sequence = 0;

/** One turn, timed from sending the request to reading the last byte of the answer. */
async function turn(target: Target, mode: Mode): Promise<number> {
  const n = sequence++;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  };
  if (mode === 'json') headers.accept = 'application/json';
  if (target.puppet) headers['x-puppet'] = PUPPET_HEADER;
  // A new conversation each time: the common first message of a visit.
  const body = JSON.stringify({ id: `conv_bench_${n.toString(36)}_${process.pid}`, message: { id: 'm1', role: 'user', parts: [{ type: 'text', text: USER_TEXT }] } });
  const started = performance.now();
  const res = await fetch(target.url, { method: 'POST', headers, body });
  const answer = await res.text();
  const elapsed = performance.now() - started;
  // A benchmark of error pages would be meaningless: stop rather than report it.
  if (res.status !== 200 || answer.includes('"type":"error"') || !answer.includes('free trial')) {
    throw new Error(`${target.name} (${mode}) answered ${res.status}: ${answer.slice(0, 300)}`);
  }
  return elapsed;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface Series {
  target: Target;
  mode: Mode;
  samples: number[];
  dbMs: number[];
  statements: number[];
}

/** Baseline and one gateway, every round both modes of both, in a fresh random order. */
async function comparePhase(gateway: Target, baseline: Target, rounds: number, warmupRounds: number): Promise<Series[]> {
  const series: Series[] = [baseline, gateway].flatMap((target) =>
    (['json', 'stream'] as const).map((mode) => ({ target, mode, samples: [], dbMs: [], statements: [] })),
  );
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const s of shuffle([...series])) {
      const before = s.target.meter ? { ...s.target.meter } : null;
      const elapsed = await turn(s.target, s.mode);
      if (round < warmupRounds) continue;
      s.samples.push(elapsed);
      if (before && s.target.meter) {
        s.dbMs.push(s.target.meter.ms - before.ms);
        s.statements.push(s.target.meter.statements - before.statements);
      }
    }
  }
  return series;
}

export async function runChatTurnBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string | undefined }): Promise<BenchResult> {
  const rounds = quick ? 80 : 1000;
  const warmupRounds = quick ? 15 : 150;
  const notes: string[] = [];
  const baseline = await baselineTarget();
  const phases: Series[][] = [];
  try {
    // One backend at a time: Postgres's own processes would otherwise slow the PGlite turns that follow them.
    const pglite = await openPglite();
    await migrate(pglite);
    const onPglite = await gatewayTarget('toolgate on PGlite (in memory)', pglite, () => pglite.close());
    try {
      phases.push(await comparePhase(onPglite, baseline, rounds, warmupRounds));
    } finally {
      await onPglite.close();
    }
    if (databaseUrl) {
      let onPostgres: Target | null = null;
      try {
        const pg = await freshPostgres(databaseUrl);
        onPostgres = await gatewayTarget('toolgate on Postgres', pg.db, pg.drop);
      } catch (error) {
        notes.push(`Postgres skipped: ${(error as Error).message}`);
      }
      if (onPostgres) {
        try {
          phases.push(await comparePhase(onPostgres, baseline, rounds, warmupRounds));
        } finally {
          await onPostgres.close();
        }
      }
    } else {
      notes.push('Postgres skipped: DATABASE_URL is not set.');
    }
  } finally {
    await baseline.close();
  }

  const rows: Array<Array<string | number>> = [];
  const checks: TargetCheck[] = [];
  for (const phase of phases) {
    for (const s of phase) {
      const summary = summarize(s.samples);
      const base = phase.find((b) => b.target === baseline && b.mode === s.mode)!;
      const isBaseline = s.target === baseline;
      const added = summary.p50 - summarize(base.samples).p50;
      // Samples of the same round were taken moments apart: their difference cancels slow drift.
      const paired = s.samples.map((v, i) => v - base.samples[i]!).sort((a, b) => a - b);
      rows.push([
        isBaseline ? `${s.target.name}, beside ${phase.find((b) => b.target !== baseline)!.target.name.replace('toolgate on ', '')}` : `**${s.target.name}**`,
        s.mode,
        summary.count,
        ms(summary.p50),
        ms(summary.p95),
        isBaseline ? '–' : `${added >= 0 ? '+' : ''}${ms(added)}`,
        isBaseline ? '–' : `${ms(percentile(paired, 50))}`,
        isBaseline ? '–' : `${ms(summarize(s.dbMs).p50)} (${summarize(s.statements).p50} stmts)`,
      ]);
      if (!isBaseline) {
        checks.push({
          benchmark: `chat turn over HTTP, ${s.target.name.replace('toolgate on ', '')}, ${s.mode}`,
          measure: 'p50 added over baseline',
          value: `${ms(added)} ms`,
          target: '≤ 2 ms',
          pass: added <= 2,
        });
      }
    }
  }
  const markdown = [
    `Rounds: ${rounds} per backend after ${warmupRounds} warm-up; each round sends baseline and gateway one JSON and one streaming turn, in a random order, one request at a time.`,
    '',
    markdownTable(['server', 'mode', 'n', 'p50 ms', 'p95 ms', 'Δ p50 vs baseline', 'median paired Δ', 'database p50 ms'], rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
  return { markdown, checks };
}
