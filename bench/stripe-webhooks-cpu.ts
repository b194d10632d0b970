import { serve } from '@hono/node-server';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/http/logger.ts';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import { createApp } from '../src/server.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { plan, SECRET, SENDERS, startBaseline } from './stripe-webhooks.bench.ts';

/**
 * `DATABASE_URL=… npx tsx bench/stripe-webhooks-cpu.ts [deliveries] [rounds] [toolgate]`: where the CPU of one
 * webhook delivery goes, for the same mix as benchmark 6 (8 senders, 30% repeats of `invoice.paid`).
 * The senders run in a child process, so the server's CPU (process.cpuUsage), the senders' and the
 * Postgres backends' (/proc/<pid>/stat of the backends found by application_name) are counted apart.
 * CPU per delivery holds on a loaded machine far better than wall time. Each round measures the
 * baseline (verify + one insert) and then toolgate, alternating.
 */

const TICK_MS = 1000 / 100; // USER_HZ: /proc/<pid>/stat counts in clock ticks of 10 ms.

/** The sender, as a plain ES module run by node: reads the bodies, sends them, prints its own CPU. */
const SENDER = `
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
const [url, file, secret, senders] = process.argv.slice(1);
const bodies = JSON.parse(readFileSync(file, 'utf8'));
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(senders) }, async () => {
  while (next < bodies.length) {
    const body = bodies[next++];
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
    await res.json();
    if (res.status !== 200) throw new Error('answered ' + res.status);
  }
}));
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

function procCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

async function backendsOf(admin: pg.Client, app: string): Promise<number[]> {
  const rows = await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [app]);
  return rows.rows.map((r) => r.pid);
}

async function sendFrom(url: string, bodies: string[]): Promise<{ seconds: number; cpuMs: number }> {
  const file = join(tmpdir(), `stripe-bodies-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(bodies));
  const child = spawn(process.execPath, ['--input-type=module', '-e', SENDER, url, file, SECRET, String(SENDERS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`sender exited ${code}`);
  return JSON.parse(out) as { seconds: number; cpuMs: number };
}

async function measure(name: string, url: string, admin: pg.Client, app: string, bodies: string[]) {
  const load = loadavg()[0]!;
  const pids = await backendsOf(admin, app);
  const pgBefore = pids.map(procCpuMs);
  const nodeBefore = process.cpuUsage();
  const sent = await sendFrom(url, bodies);
  const node = process.cpuUsage(nodeBefore);
  // Backends opened during the run started at zero.
  const pidsAfter = await backendsOf(admin, app);
  const pgMs = pidsAfter.reduce((sum, pid) => sum + procCpuMs(pid) - (pgBefore[pids.indexOf(pid)] ?? 0), 0);
  const n = bodies.length;
  const per = (v: number) => (v / n).toFixed(3);
  console.log(
    `| ${name} | ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} | ${(n / sent.seconds).toFixed(0)} | ${per((node.user + node.system) / 1000)} (${per(node.system / 1000)}) | ${per(sent.cpuMs)} | ${per(pgMs)} | ${pidsAfter.length} |`,
  );
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const total = Number(process.argv[2] ?? 3000);
  const rounds = Number(process.argv[3] ?? 2);
  // `toolgate` as third argument: no baseline rows (for a CPU profile of the gateway alone).
  const toolgateOnly = process.argv[4] === 'toolgate';
  const fresh = await freshPostgres(databaseUrl);
  const tagged = (app: string) => {
    const u = new URL(fresh.url!);
    u.searchParams.set('application_name', app);
    return u.toString();
  };
  const db = await openPostgres(tagged('toolgate_cpu'));
  const config = loadConfig({ DATABASE_URL: fresh.url, STRIPE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'silent', MODEL: 'local' });
  const gateway = await createGateway(config, { db, logger: createLogger('silent'), limiter: createRateLimiter({ kind: 'memory' }) });
  const server = serve({ fetch: createApp(gateway).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;

  const baseline = await startBaseline(tagged('baseline_cpu'));
  const baseUrl = baseline.url;
  const admin = new pg.Client({ connectionString: fresh.url });
  await admin.connect();
  const created = Math.floor(Date.now() / 1000);
  const run = Date.now().toString(36);
  try {
    // Warm-up: opens the pools' connections and compiles the hot paths.
    await sendFrom(baseUrl, plan(300, `wb${run}`, created).bodies);
    await sendFrom(url, plan(300, `w${run}`, created).bodies);
    console.log(`${total} deliveries per row, ${SENDERS} senders, 30% repeats; CPU ms per delivery`);
    console.log('| endpoint | load | events/s | server CPU ms (of which system) | senders CPU ms | Postgres backends CPU ms | backends |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (let i = 0; i < rounds; i++) {
      if (!toolgateOnly) await measure('baseline', baseUrl, admin, 'baseline_cpu', plan(total, `b${i}${run}`, created).bodies);
      await measure('toolgate', url, admin, 'toolgate_cpu', plan(total, `t${i}${run}`, created).bodies);
    }
  } finally {
    await admin.end();
    await new Promise((r) => server.close(r));
    await baseline.close();
    await gateway.limiter.close();
    await db.close();
    await fresh.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
