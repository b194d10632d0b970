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
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { createApp } from '../src/server.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, ms, percentile, summarize, type Summary, type TargetCheck } from './stats.ts';

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

/** The gateway as `npm start` builds it, with info-level logs written to a sink that drops them. */
async function gatewayTarget(name: string, db: Database, drop: () => Promise<void>): Promise<Target> {
  // Behind a proxy each visitor has their own address; without it every request would
  // share the 30-a-minute chat limit of 127.0.0.1.
  const config = loadConfig({ MODEL: 'puppet', LOG_LEVEL: 'info', TRUST_PROXY: 'true', SYSTEM_PROMPT_FILE });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const gateway: Gateway = await createGateway(config, { db, logger: createLogger(config.LOG_LEVEL, sink), limiter: createRateLimiter({ kind: 'memory' }) });
  const { url, server } = await listen(createApp(gateway).fetch);
  return {
    name,
    url,
    puppet: true,
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

export interface ChatTurnResult {
  summaries: Array<{ target: string; mode: Mode; summary: Summary }>;
  markdown: string;
  checks: TargetCheck[];
}

export async function runChatTurnBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string | undefined }): Promise<ChatTurnResult> {
  const rounds = quick ? 300 : 1500;
  const warmupRounds = quick ? 50 : 200;
  const notes: string[] = [];

  const pglite = await openPglite();
  await migrate(pglite);
  const targets: Target[] = [await baselineTarget(), await gatewayTarget('toolgate on PGlite (in memory)', pglite, () => pglite.close())];
  if (databaseUrl) {
    try {
      const pg = await freshPostgres(databaseUrl);
      targets.push(await gatewayTarget('toolgate on Postgres', pg.db, pg.drop));
    } catch (error) {
      notes.push(`Postgres skipped: ${(error as Error).message}`);
    }
  } else {
    notes.push('Postgres skipped: DATABASE_URL is not set.');
  }

  const pairs = targets.flatMap((target) => (['json', 'stream'] as const).map((mode) => ({ target, mode, samples: [] as number[] })));
  try {
    for (let round = 0; round < warmupRounds + rounds; round++) {
      for (const pair of shuffle([...pairs])) {
        const elapsed = await turn(pair.target, pair.mode);
        if (round >= warmupRounds) pair.samples.push(elapsed);
      }
    }
  } finally {
    for (const target of targets) await target.close();
  }

  const summaries = pairs.map((p) => ({ target: p.target.name, mode: p.mode, summary: summarize(p.samples) }));
  const baseline = targets[0]!.name;
  const baselineOf = (mode: Mode) => pairs.find((p) => p.target.name === baseline && p.mode === mode)!;
  const rows = pairs.map((p) => {
    const s = summarize(p.samples);
    const base = baselineOf(p.mode);
    const isBaseline = p.target.name === baseline;
    // Samples of the same round were taken moments apart: their difference cancels slow drift.
    const paired = p.samples.map((v, i) => v - base.samples[i]!).sort((a, b) => a - b);
    return [
      p.target.name,
      p.mode,
      s.count,
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      isBaseline ? '–' : `+${ms(s.p50 - summarize(base.samples).p50)}`,
      isBaseline ? '–' : `+${ms(percentile(paired, 50))}`,
    ];
  });
  const markdown = [
    `Rounds: ${rounds} measured after ${warmupRounds} warm-up; each round runs every target × mode once, in a random order, one request at a time.`,
    '',
    markdownTable(['server', 'mode', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'Δ p50 vs baseline', 'median paired Δ'], rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');

  const checks: TargetCheck[] = pairs
    .filter((p) => p.target.name !== baseline)
    .map((p) => {
      const added = summarize(p.samples).p50 - summarize(baselineOf(p.mode).samples).p50;
      return {
        benchmark: `chat turn, ${p.target.name.replace('toolgate on ', '')}, ${p.mode}`,
        measure: 'p50 added over baseline',
        value: `${ms(added)} ms`,
        target: '≤ 2 ms',
        pass: added <= 2,
      };
    });
  return { summaries, markdown, checks };
}
