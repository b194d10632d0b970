import { loadavg } from 'node:os';
import { createLogger } from '../src/http/logger.ts';
import { postSignedWebhook } from '../src/integrations/signed-webhook.ts';
import { createOutboxWorker } from '../src/jobs/worker.ts';
import { buildHandlers } from '../src/jobs/handlers/index.ts';
import { webhookCrm } from '../src/integrations/crm/webhook.ts';
import type { Database } from '../src/store/database.ts';
import { retryDeadJob } from '../src/store/outbox.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { VENDOR_CREDENTIALS } from '../test/support/outbox-fixtures.ts';
import { startVendorStandIns } from '../test/support/vendor-stand-ins.ts';
import { markdownTable, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 6: drain 5,000 outbox jobs (CRM contact upserts through the signed-webhook
 * provider to a local Standard Webhooks receiver) while 30% of calls fail transiently
 * (500, 503 with Retry-After: 0, or a reset connection). Checks every job delivered and
 * none delivered twice (one POST that the receiver applied per job id), and reports
 * throughput and time to drain with the in-process worker(s): one worker on PGlite,
 * three on Postgres.
 *
 * Baseline, in the same run against the same faulty receiver: the same signed POSTs sent
 * straight from memory by as many concurrent loops as the workers have jobs in flight,
 * each retrying with the same backoff; no database, no durability. It is the ceiling the
 * vendor side allows; the gap to it is what the queue's bookkeeping costs.
 */

const FAILURE_RATE = 0.3;

async function seed(db: Database, jobs: number, run: string) {
  await db.query(
    `with c as (
       insert into contacts (email, name) select 'bench' || i || '.' || $2 || '@example.com', 'Bench ' || i from generate_series(1, $1::int) i returning id
     )
     insert into outbox (topic, payload, dedupe_key) select 'crm.upsert_contact', jsonb_build_object('contactId', id::text), 'bench:' || id from c`,
    [jobs, run],
  );
}

async function drainWith(db: Database, workers: number, jobs: number) {
  const vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
  vendors.chaos('webhook', FAILURE_RATE, [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 503, retryAfter: '0' },
    { kind: 'reset' },
  ]);
  const logger = createLogger('silent');
  const handlers = buildHandlers({ crm: webhookCrm({ url: vendors.urls.webhook, secret: VENDOR_CREDENTIALS.webhookSecret }), helpdesk: null, alerts: {} });
  const pool = Array.from({ length: workers }, (_, i) =>
    createOutboxWorker({ db, logger, handlers, alertChannels: [], workerId: `bench-${i}`, batchSize: 20, backoff: { baseMs: 5, capMs: 50, maxRetryAfterMs: 1000 }, timeoutMs: 5000 }),
  );
  const started = performance.now();
  const drainAll = () =>
    Promise.all(
      pool.map(async (worker) => {
        for (;;) {
          const claimed = await worker.runOnce();
          if (claimed > 0) continue;
          const [row] = await db.query<{ n: number }>(`select count(*)::int as n from outbox where status in ('pending', 'processing')`);
          if (row!.n === 0) return;
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );
  await drainAll();
  // At 30% failures a job fails all 8 of its attempts with probability 0.3^8 (about 1 in 15,000):
  // it is dead-lettered, and a human retries it from the exceptions queue. The bench does the same.
  const deadLettered = await db.query<{ id: number }>(`select id from outbox where status = 'dead'`);
  for (const { id } of deadLettered) await retryDeadJob(db, id);
  if (deadLettered.length > 0) await drainAll();
  const elapsedMs = performance.now() - started;
  const delivered = vendors.webhookEvents.size;
  const twice = [...vendors.webhookDeliveries.values()].filter((n) => n > 1).length;
  const [dead] = await db.query<{ n: number }>(`select count(*)::int as n from outbox where status <> 'done'`);
  const [attempts] = await db.query<{ n: number; failed: number; timeouts: number }>(
    `select count(*)::int as n, count(*) filter (where outcome <> 'delivered')::int as failed,
       count(*) filter (where error_class = 'timeout')::int as timeouts from outbox_attempts`,
  );
  await vendors.stop();
  // A delivery sent twice can only follow an attempt whose outcome was unknown (our deadline fired
  // after the receiver applied it): it carries the same webhook-id, which the receiver deduplicates on.
  if (delivered !== jobs || dead!.n !== 0 || twice > attempts!.timeouts) {
    throw new Error(`outbox bench: ${delivered} of ${jobs} delivered, ${twice} twice (${attempts!.timeouts} timeouts), ${dead!.n} not done`);
  }
  return { elapsedMs, delivered, twice, timeouts: attempts!.timeouts, deadLettered: deadLettered.length, attempts: attempts!.n, failedAttempts: attempts!.failed };
}

/** The baseline: deliveries from memory with retries, `concurrency` at a time. */
async function directBaseline(jobs: number, concurrency: number, run: string) {
  const vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
  vendors.chaos('webhook', FAILURE_RATE, [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 503, retryAfter: '0' },
    { kind: 'reset' },
  ]);
  const target = { url: vendors.urls.webhook, secret: VENDOR_CREDENTIALS.webhookSecret, vendor: 'crm webhook' };
  let next = 0;
  let attempts = 0;
  let failed = 0;
  let timeouts = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs) {
        const i = next++;
        for (let attempt = 1; ; attempt++) {
          attempts++;
          try {
            await postSignedWebhook(target, { id: `direct-${run}-${i}`, type: 'contact.upserted', data: { email: `bench${i}@example.com`, name: `Bench ${i}` } }, { signal: AbortSignal.timeout(5000), correlationId: `direct-${run}-${i}` });
            break;
          } catch (error) {
            failed++;
            if (error instanceof Error && /deadline/.test(error.message)) timeouts++;
            await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 5 * 2 ** attempt)));
          }
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const delivered = vendors.webhookEvents.size;
  const twice = [...vendors.webhookDeliveries.values()].filter((n) => n > 1).length;
  await vendors.stop();
  return { elapsedMs, delivered, twice, timeouts, deadLettered: 0, attempts, failedAttempts: failed };
}

export async function runOutboxBench(options: { quick: boolean; databaseUrl: string | undefined }): Promise<BenchResult> {
  const jobs = options.quick ? 1000 : 5000;
  const run = Date.now().toString(36);
  const rows: Array<Array<string | number>> = [];
  const checks: TargetCheck[] = [];
  const measured = async <T extends Awaited<ReturnType<typeof drainWith>>>(backend: string, workers: string | number, run: () => Promise<T>) => {
    const before = loadavg()[0]!;
    const r = await run();
    const perSecond = (jobs / r.elapsedMs) * 1000;
    rows.push([backend, workers, `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`, jobs, `${(r.elapsedMs / 1000).toFixed(1)} s`, perSecond.toFixed(0), r.attempts, `${((r.failedAttempts / r.attempts) * 100).toFixed(0)}%`, r.timeouts, r.deadLettered, r.delivered, r.twice]);
    // The baseline is reported, not held to the target: without an outbox, a call that timed out is simply sent again.
    if (!backend.startsWith('baseline')) {
      checks.push({ benchmark: 'outbox', measure: `${backend}: every job delivered`, value: `${r.delivered}/${jobs}`, target: `${jobs}/${jobs}`, pass: r.delivered === jobs });
      checks.push({ benchmark: 'outbox', measure: `${backend}: sent twice`, value: `${r.twice} (after ${r.timeouts} timeouts)`, target: '0 (or only after a timeout, same webhook-id)', pass: r.twice <= r.timeouts });
    }
    return perSecond;
  };

  // Each side beside its baseline: as many in-memory senders as the workers hold jobs (20 per worker).
  await measured('baseline: from memory, no queue', '20 senders', () => directBaseline(jobs, 20, `p${run}`));
  const pglite = await openPglite();
  await migrate(pglite);
  await seed(pglite, jobs, run);
  await measured('PGlite (in process)', 1, () => drainWith(pglite, 1, jobs));
  await pglite.close();

  if (options.databaseUrl) {
    await measured('baseline: from memory, no queue', '60 senders', () => directBaseline(jobs, 60, `q${run}`));
    const fresh = await freshPostgres(options.databaseUrl);
    try {
      await seed(fresh.db, jobs, run);
      await measured('Postgres', 3, () => drainWith(fresh.db, 3, jobs));
    } finally {
      await fresh.drop();
    }
  }
  const markdown = [
    'Load is the 1-minute load average (as `uptime` shows it) before → after each row; the machine is shared.',
    '',
    markdownTable(['database', 'workers', 'load', 'jobs', 'time to drain', 'jobs/s', 'attempts', 'failed attempts', 'timeouts', 'dead-lettered, then retried', 'delivered', 'sent twice'], rows),
    options.databaseUrl ? '' : '\nPostgres: skipped (DATABASE_URL unset).',
  ].join('\n');
  return { markdown, checks };
}
