import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../src/store/database.ts';
import { freshPostgres } from './support/databases.ts';
import { drain, seedTicket, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import { startVendorStandIns, type VendorStandIns } from './support/vendor-stand-ins.ts';

/**
 * Worker processes (`npm run worker`) against one Postgres: several at once, and one
 * killed with SIGKILL in the middle of a delivery. Postgres only: embedded PGlite is one
 * process's file and runs its worker in-process.
 */
const url = process.env.DATABASE_URL;
if (!url && process.env.CI) throw new Error('DATABASE_URL must be set in CI');

const ROOT = new URL('..', import.meta.url);

/** Starts `src/jobs/main.ts` and resolves once it has said it is running. */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', OUTBOX_POLL_MS: '25', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('outbox worker started')) resolve();
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${output.slice(-500)}`)));
  });
  return child;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

describe('outbox worker processes on one Postgres', { skip: !url }, () => {
  let db: Database;
  let dbUrl: string;
  let drop: () => Promise<void>;
  let vendors: VendorStandIns;
  const children: ChildProcess[] = [];

  before(async () => {
    const fresh = await freshPostgres(url!);
    db = fresh.db;
    dbUrl = fresh.url;
    drop = fresh.drop;
    vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
  });
  after(async () => {
    await Promise.all(children.map((c) => stopProcess(c)));
    await vendors.stop();
    await drop();
  });

  test('a worker killed with SIGKILL mid-delivery: the next worker takes the job after the lease and the vendor sees one ticket', async () => {
    vendors.reset();
    vendors.inject('zendesk', { kind: 'apply-then-hang', method: 'POST' });
    const env = { DATABASE_URL: dbUrl, ...vendorEnv(vendors), OUTBOX_LEASE_MS: '1500' };
    const ticket = await seedTicket(db);
    const applied = vendors.nextApplied('zendesk', 'POST');
    const child = await startWorkerProcess(env);
    children.push(child);
    await applied;
    await stopProcess(child, 'SIGKILL');
    const [held] = await db.query<{ status: string }>(`select status from outbox where payload->>'ticketId' = $1`, [ticket.id]);
    assert.equal(held?.status, 'processing', 'the dead worker still holds the lease');

    const { worker } = testWorker(db, vendorEnv(vendors), { leaseMs: 1500 });
    await drain(db, worker);
    assert.equal(vendors.zendesk.size, 1);
    assert.equal(vendors.requests.filter((r) => r.vendor === 'zendesk' && r.method === 'POST').length, 1);
    const [job] = await db.query<{ status: string; attempts: number }>(`select status, attempts from outbox where payload->>'ticketId' = $1`, [ticket.id]);
    assert.deepEqual(job, { status: 'done', attempts: 2 });
  });

  test('three worker processes and 2,000 jobs: each delivered exactly once', async () => {
    vendors.reset();
    const env = {
      DATABASE_URL: dbUrl,
      CRM_PROVIDER: 'webhook',
      CRM_WEBHOOK_URL: vendors.urls.webhook,
      CRM_WEBHOOK_SECRET: VENDOR_CREDENTIALS.webhookSecret,
      OUTBOX_BATCH_SIZE: '20',
    };
    const workers = await Promise.all([1, 2, 3].map(() => startWorkerProcess(env)));
    children.push(...workers);
    const started = Date.now();
    await db.query(
      `with c as (
         insert into contacts (email, name) select 'bulk' || i || '@example.com', 'Bulk ' || i from generate_series(1, 2000) i returning id
       )
       insert into outbox (topic, payload, dedupe_key) select 'crm.upsert_contact', jsonb_build_object('contactId', id::text), 'bulk:' || id from c`,
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from outbox where dedupe_key like 'bulk:%' and status <> 'done'`);
      if (row!.n === 0) break;
      assert.ok(Date.now() < deadline, `${row!.n} jobs still undelivered`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsed = Date.now() - started;
    const posts = vendors.requests.filter((r) => r.vendor === 'webhook');
    const perJob = new Map<string, number>();
    for (const p of posts) perJob.set(p.idempotencyKey!, (perJob.get(p.idempotencyKey!) ?? 0) + 1);
    assert.equal(perJob.size, 2000);
    assert.deepEqual([...new Set(perJob.values())], [1], 'no job was delivered twice');
    assert.equal(vendors.webhookEvents.size, 2000);
    const byWorker = await db.query<{ worker: string; n: number }>(
      `select worker, count(*)::int as n from outbox_attempts a join outbox o on o.id = a.job_id where o.dedupe_key like 'bulk:%' group by worker`,
    );
    assert.equal(byWorker.length, 3, `every worker took a share: ${JSON.stringify(byWorker.map((w) => w.n))} in ${elapsed} ms`);
  });
});
