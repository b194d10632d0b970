import { serve } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism as availableCpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import pino from 'pino';
import Stripe from 'stripe';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/http/logger.ts';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import { createApp } from '../src/server.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, ms, summarize, type BenchResult, type TargetCheck } from './stats.ts';
import type { SendersInput, SendersOutput } from './webhook-senders.ts';

/**
 * Benchmark 6: Stripe webhook ingestion on real Postgres through the whole HTTP stack
 * (@hono/node-server on 127.0.0.1, every middleware, signature verification with the SDK,
 * one transaction per event: event row + billing state + invoice + outbox rows). 8 senders, in a worker thread of their own,
 * in a closed loop; 30% of deliveries repeat an event already sent (Stripe's retries).
 * Afterwards the database is checked for duplicate effects: one event row per event id, one
 * invoice per invoice, one first-payment CRM update and notification per customer.
 *
 * Baseline, in the same run and against the same Postgres: a bare node:http server that
 * verifies the signature with the same SDK call and stores the event with one
 * `insert ... on conflict do nothing` (the least a correct, deduplicating endpoint does),
 * driven by the same senders with the same mix. The machine is shared, so the load average
 * is recorded beside each side's figures.
 */

export const SECRET = 'whsec_bench_secret_0123456789abcdef';
export const SENDERS = 8;
const DUPLICATE_SHARE = 0.3;

function paidInvoiceEvent(i: number, run: string, created: number): Stripe.Event {
  const customer = `cus_${run}${i}`;
  return {
    id: `evt_${run}${i}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'invoice.paid',
    data: {
      object: {
        id: `in_${run}${i}`,
        object: 'invoice',
        number: `BENCH-${i}`,
        customer,
        currency: 'usd',
        amount_due: 4900,
        amount_paid: 4900,
        amount_remaining: 0,
        status: 'paid',
        created,
        due_date: null,
        attempt_count: 1,
        billing_reason: 'subscription_create',
        hosted_invoice_url: null,
        status_transitions: { finalized_at: created, paid_at: created, marked_uncollectible_at: null, voided_at: null },
        parent: null,
      },
    },
  } as unknown as Stripe.Event;
}


type Deliveries = { bodies: string[]; unique: number };

/** 70% new events, 30% repeats of one already in the list, decided up front. */
export function plan(total: number, run: string, created: number): Deliveries {
  const deliveries: Stripe.Event[] = [];
  let unique = 0;
  while (deliveries.length < total) {
    if (unique > 0 && Math.random() < DUPLICATE_SHARE) deliveries.push(deliveries[Math.floor(Math.random() * deliveries.length)]!);
    else deliveries.push(paidInvoiceEvent(unique++, run, created));
  }
  return { bodies: deliveries.map((e) => JSON.stringify(e)), unique };
}

/**
 * Sends every body with SENDERS closed-loop senders in a worker thread (bench/webhook-senders.ts),
 * off the servers' event loop, as Stripe's deliveries come from elsewhere.
 */
async function send(url: string, bodies: string[]) {
  const load = loadavg()[0]!;
  // A worker thread does not inherit tsx's loader: the bootstrap registers it, then loads the TypeScript module.
  const entry = new URL('./webhook-senders.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const input: SendersInput = { url, bodies, senders: SENDERS, secret: SECRET };
  const out = await new Promise<SendersOutput>((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: input });
    worker.once('message', (m: SendersOutput) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the senders exited with ${code} before answering`)));
  });
  if (out.failure) throw new Error(out.failure);
  return { seconds: out.seconds, samples: out.samples, duplicatesAnswered: out.duplicatesAnswered, loadBefore: load, loadAfter: loadavg()[0]! };
}

/** The baseline endpoint: verify with the SDK, one deduplicating insert, answer. */
export async function startBaseline(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // Idle clients see the database dropped at the end of the run; that is not a failure.
  pool.on('error', () => {});
  await pool.query('create table if not exists baseline_events (id text primary key, type text not null, payload jsonb not null)');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      Stripe.webhooks
        .constructEventAsync(raw, String(req.headers['stripe-signature']), SECRET, 300)
        .then((event) => pool.query('insert into baseline_events (id, type, payload) values ($1, $2, $3) on conflict (id) do nothing', [event.id, event.type, raw]))
        .then(
          (r) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ received: true, duplicate: r.rowCount === 0 }));
          },
          () => {
            res.writeHead(400, { 'content-type': 'application/json' });
            res.end('{"error":"invalid"}');
          },
        );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    pool,
    async close() {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}

export async function runStripeWebhookBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string | undefined }): Promise<BenchResult> {
  if (!databaseUrl) return { markdown: 'Skipped: DATABASE_URL is not set (this benchmark is about Postgres).', checks: [] };
  const total = quick ? 3000 : 12000;
  const fresh = await freshPostgres(databaseUrl);
  // Every event is logged, as in production (`info`, one JSON line per event, written synchronously
  // like pino's default stdout), to a file whose lines are counted afterwards.
  const logFile = join(mkdtempSync(join(tmpdir(), 'toolgate-webhook-bench-')), 'gateway.log');
  const logDestination = pino.destination({ dest: logFile, sync: true });
  const config = loadConfig({ DATABASE_URL: fresh.url, STRIPE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'info', MODEL: 'local' });
  const gateway = await createGateway(config, { db: fresh.db, logger: createLogger('info', { destination: logDestination }), limiter: createRateLimiter({ kind: 'memory' }) });
  const server = serve({ fetch: createApp(gateway).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  const baseline = await startBaseline(fresh.url!);
  const run = Date.now().toString(36);
  const created = Math.floor(Date.now() / 1000);

  try {
    // Baseline first, then toolgate, each with its own events of the same mix.
    const basePlan = plan(total, `b${run}`, created);
    const base = await send(baseline.url, basePlan.bodies);
    const { bodies, unique } = plan(total, run, created);
    const ours = await send(url, bodies);
    const s = summarize(ours.samples);
    const b = summarize(base.samples);
    const count = async (sql: string) => Number((await fresh.db.query<{ n: number }>(sql))[0]?.n);
    const stored = await count(`select count(*)::int as n from stripe_events where status = 'processed'`);
    const invoices = await count('select count(*)::int as n from invoices');
    const crm = await count(`select count(*)::int as n from outbox where dedupe_key like 'stripe:first_payment:crm:%'`);
    const notify = await count(`select count(*)::int as n from outbox where dedupe_key like 'stripe:first_payment:notify:%'`);
    const baselineRows = await count('select count(*)::int as n from baseline_events');
    logDestination.flushSync();
    const logged = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes('"msg":"stripe event"')).length;
    const duplicateEffects = Math.abs(stored - unique) + Math.abs(invoices - unique) + Math.abs(crm - unique) + Math.abs(notify - unique);
    const rate = total / ours.seconds;
    const baseRate = total / base.seconds;
    const load = (r: { loadBefore: number; loadAfter: number }) => `${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}`;
    const checks: TargetCheck[] = [
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'events/s', value: `${rate.toFixed(0)} (baseline ${baseRate.toFixed(0)})`, target: '≥ 1,000', pass: rate >= 1000 },
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'p95', value: `${ms(s.p95)} ms (baseline ${ms(b.p95)} ms)`, target: '< 20 ms', pass: s.p95 < 20 },
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'duplicate effects', value: String(duplicateEffects), target: '0', pass: duplicateEffects === 0 },
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'events logged', value: `${logged} of ${unique}`, target: 'every event', pass: logged === unique },
    ];
    const markdown = [
      `${total.toLocaleString('en')} deliveries per side (toolgate: ${unique.toLocaleString('en')} distinct events, ${(total - unique).toLocaleString('en')} repeats, ${ours.duplicatesAnswered.toLocaleString('en')} answered duplicate) by ${SENDERS} closed-loop senders in a worker thread of their own, both servers on the main thread. Load is the 1-minute load average (as \`uptime\` shows it) before → after each side, on ${availableCpus()} CPUs.`,
      '',
      markdownTable(
        ['endpoint', 'load', 'events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'event rows', 'invoices', 'CRM updates', 'notifications'],
        [
          ['baseline: verify + one insert', load(base), baseRate.toFixed(0), ms(b.p50), ms(b.p95), ms(b.p99), ms(b.max), baselineRows, '-', '-', '-'],
          ['toolgate: verify + log + state + outbox', load(ours), rate.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), stored, invoices, crm, notify],
        ],
      ),
    ].join('\n');
    return { markdown, checks };
  } finally {
    await new Promise((r) => server.close(r));
    await baseline.close();
    await gateway.limiter.close();
    await fresh.drop();
    rmSync(dirname(logFile), { recursive: true, force: true });
  }
}
