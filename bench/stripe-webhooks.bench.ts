import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/http/logger.ts';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import { createApp } from '../src/server.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { markdownTable, ms, summarize, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 6: Stripe webhook ingestion on real Postgres through the whole HTTP stack
 * (@hono/node-server on 127.0.0.1, every middleware, signature verification with the SDK,
 * one transaction per event: event row + billing state + invoice + outbox rows). 8 senders
 * in a closed loop; 30% of deliveries repeat an event already sent (Stripe's retries).
 * Afterwards the database is checked for duplicate effects: one event row per event id, one
 * invoice per invoice, one first-payment CRM update and notification per customer.
 */

const SECRET = 'whsec_bench_secret_0123456789abcdef';
const SENDERS = 8;
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

export async function runStripeWebhookBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string | undefined }): Promise<BenchResult> {
  if (!databaseUrl) return { markdown: 'Skipped: DATABASE_URL is not set (this benchmark is about Postgres).', checks: [] };
  const total = quick ? 3000 : 12000;
  const fresh = await freshPostgres(databaseUrl);
  const config = loadConfig({ DATABASE_URL: fresh.url, STRIPE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'silent', MODEL: 'local' });
  const gateway = await createGateway(config, { db: fresh.db, logger: createLogger('silent'), limiter: createRateLimiter({ kind: 'memory' }) });
  const server = serve({ fetch: createApp(gateway).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  const run = Date.now().toString(36);
  const created = Math.floor(Date.now() / 1000);

  try {
    // The deliveries, decided up front: 70% new events, 30% repeats of one already in the list.
    const deliveries: Stripe.Event[] = [];
    let unique = 0;
    while (deliveries.length < total) {
      if (unique > 0 && Math.random() < DUPLICATE_SHARE) deliveries.push(deliveries[Math.floor(Math.random() * deliveries.length)]!);
      else deliveries.push(paidInvoiceEvent(unique++, run, created));
    }
    const bodies = deliveries.map((e) => JSON.stringify(e));
    const samples: number[] = [];
    let next = 0;
    let duplicatesAnswered = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          // Signed at send time, as Stripe signs each attempt.
          const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
          const t0 = performance.now();
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
          const answer = (await res.json()) as { duplicate?: boolean };
          samples.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`delivery answered ${res.status}: ${JSON.stringify(answer)}`);
          if (answer.duplicate) duplicatesAnswered++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const s = summarize(samples);
    const count = async (sql: string) => Number((await fresh.db.query<{ n: number }>(sql))[0]?.n);
    const stored = await count(`select count(*)::int as n from stripe_events where status = 'processed'`);
    const invoices = await count('select count(*)::int as n from invoices');
    const crm = await count(`select count(*)::int as n from outbox where dedupe_key like 'stripe:first_payment:crm:%'`);
    const notify = await count(`select count(*)::int as n from outbox where dedupe_key like 'stripe:first_payment:notify:%'`);
    const duplicateEffects = Math.abs(stored - unique) + Math.abs(invoices - unique) + Math.abs(crm - unique) + Math.abs(notify - unique);
    const rate = total / seconds;
    const checks: TargetCheck[] = [
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'events/s', value: rate.toFixed(0), target: '≥ 1,000', pass: rate >= 1000 },
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'p95', value: `${ms(s.p95)} ms`, target: '< 20 ms', pass: s.p95 < 20 },
      { benchmark: 'stripe webhooks, Postgres, 8 senders', measure: 'duplicate effects', value: String(duplicateEffects), target: '0', pass: duplicateEffects === 0 },
    ];
    const markdown = [
      `${total.toLocaleString('en')} deliveries (${unique.toLocaleString('en')} distinct events, ${(total - unique).toLocaleString('en')} repeats, ${duplicatesAnswered.toLocaleString('en')} answered duplicate) by ${SENDERS} closed-loop senders, server and senders in one process.`,
      '',
      markdownTable(
        ['events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'event rows', 'invoices', 'CRM updates', 'notifications'],
        [[rate.toFixed(0), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), stored, invoices, crm, notify]],
      ),
    ].join('\n');
    return { markdown, checks };
  } finally {
    await new Promise((r) => server.close(r));
    await gateway.limiter.close();
    await fresh.drop();
  }
}
