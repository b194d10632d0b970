import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { encodePuppetScript } from '../src/agent/puppet-model.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 5: throughput per server process. Each chat turn carries one allowed
 * `capture_lead` write. The gateway and a bare Hono + `streamText` server (whose tool
 * performs the same insert) run in child processes against the same Postgres and are
 * driven alternately by a closed-loop load generator in this process. The server's
 * own CPU time is read from /proc, so the figure that decides throughput per process
 * (CPU milliseconds per turn) excludes the load generator and Postgres.
 */

const SERVER = fileURLToPath(new URL('./throughput-server.ts', import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Mode = 'gateway' | 'bare';

interface Server {
  mode: Mode;
  child: ChildProcess;
  url: string;
}

async function startServer(mode: Mode, databaseUrl: string, execArgv: string[]): Promise<Server> {
  // `--import tsx` rather than the tsx CLI, which would run the server in a grandchild.
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', SERVER, mode, databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { mode, child, url: `http://127.0.0.1:${line.trim()}/v1/chat` };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGINT');
  await exited;
}

/** User plus system CPU time of a process, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After the command name: state is field 3, utime 14 and stime 15 (1-based).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

let sequence = 0;

async function turn(server: Server): Promise<void> {
  const n = sequence++;
  const email = `lead${n}.${process.pid}@example.com`;
  const text = `Hi, I am Ada Lovelace, ${email}, please set up a demo.`;
  const res = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Behind a proxy every visitor has their own address (and chat limit).
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      'x-puppet': encodePuppetScript({ calls: [{ tool: 'capture_lead', args: { name: 'Ada Lovelace', email }, confidence: 1 }], text: 'Done, our team will be in touch.' }),
    },
    body: JSON.stringify({ id: `conv_tp_${n.toString(36)}_${process.pid}`, message: { id: 'm1', role: 'user', parts: [{ type: 'text', text }] } }),
  });
  const answer = await res.text();
  // A benchmark of refusals or error pages would be meaningless: stop rather than report it.
  if (res.status !== 200 || !answer.includes('"status":"done"')) {
    throw new Error(`${server.mode} answered ${res.status}: ${answer.slice(0, 300)}`);
  }
}

/** Closed loop: `concurrency` clients, each sending its next turn when the last one ends. */
async function load(server: Server, concurrency: number, seconds: number): Promise<{ turns: number; seconds: number; cpuMs: number }> {
  const cpuBefore = cpuMs(server.child.pid!);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let turns = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await turn(server);
        turns++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { turns, seconds: elapsed, cpuMs: cpuMs(server.child.pid!) - cpuBefore };
}

export async function runThroughputBench({ quick, databaseUrl, execArgv = [] }: { quick: boolean; databaseUrl: string | undefined; execArgv?: string[] }): Promise<BenchResult> {
  if (!databaseUrl) return { markdown: 'Skipped: DATABASE_URL is not set (this benchmark writes to Postgres).', checks: [] };
  const seconds = quick ? 3 : 10;
  const rounds = quick ? 2 : 3;
  const concurrency = 16;
  const database = await freshPostgres(databaseUrl);
  const totals: Record<Mode, { turns: number; seconds: number; cpuMs: number }> = {
    gateway: { turns: 0, seconds: 0, cpuMs: 0 },
    bare: { turns: 0, seconds: 0, cpuMs: 0 },
  };
  const servers = await Promise.all((['gateway', 'bare'] as const).map((m) => startServer(m, database.url, execArgv)));
  try {
    for (const server of servers) await load(server, concurrency, 1); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const server of round % 2 ? [...servers].reverse() : servers) {
        const r = await load(server, concurrency, seconds);
        const t = totals[server.mode];
        t.turns += r.turns;
        t.seconds += r.seconds;
        t.cpuMs += r.cpuMs;
      }
    }
  } finally {
    await Promise.all(servers.map(stopServer));
    await database.drop();
  }
  const rate = (m: Mode) => totals[m].turns / totals[m].seconds;
  const cpuPerTurn = (m: Mode) => totals[m].cpuMs / totals[m].turns;
  // Throughput per process is bounded by the core the process can use: turns per CPU second.
  const perCore = (m: Mode) => 1000 / cpuPerTurn(m);
  const ratio = perCore('gateway') / perCore('bare');
  const rows = (['bare', 'gateway'] as const).map((m) => [
    m === 'bare' ? 'bare Hono + streamText, same insert' : '**toolgate**',
    totals[m].turns,
    rate(m).toFixed(0),
    cpuPerTurn(m).toFixed(2),
    perCore(m).toFixed(0),
  ]);
  const checks: TargetCheck[] = [
    {
      benchmark: 'throughput per process, one allowed write per turn, Postgres',
      measure: 'gateway turns per CPU second ÷ bare server',
      value: `${(100 * ratio).toFixed(0)}%`,
      target: '≥ 70%',
      pass: ratio >= 0.7,
    },
  ];
  const markdown = [
    `${concurrency} concurrent closed-loop clients, ${rounds} rounds of ${seconds} s per server, alternating; each turn a new conversation with one allowed capture_lead.`,
    '',
    markdownTable(['server', 'turns', 'turns/s (2 cores shared with client and Postgres)', 'server CPU ms per turn', 'turns per server CPU second'], rows),
  ].join('\n');
  return { markdown, checks };
}
