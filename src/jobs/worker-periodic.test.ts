import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { memoryLog } from '../../test/support/gateway.ts';
import type { Database } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { openPglite } from '../store/pglite.ts';
import { createOutboxWorker } from './worker.ts';

const until = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('periodic tasks of the outbox worker', () => {
  let db: Database;
  before(async () => {
    db = await openPglite();
    await migrate(db);
  });
  after(() => db.close());

  test('a slow task never runs twice at once, does not hold deliveries up, and stop() waits for it', async () => {
    let runs = 0;
    let release!: () => void;
    const slow = () => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const worker = createOutboxWorker({
      db,
      handlers: {},
      logger: memoryLog().logger,
      alertChannels: [],
      pollMs: 5,
      periodic: [
        { name: 'slow', everyMs: 1, run: slow },
        { name: 'off', everyMs: 0, run: () => Promise.reject(new Error('a task with everyMs 0 must never run')) },
      ],
    });
    worker.start();
    await until(() => runs === 1, 'the first run');
    // Deliveries go on while the task is in flight (a job of a topic nobody handles is settled as
    // dead on its first round), and the task is not started again.
    const [job] = await db.query<{ id: number }>(`insert into outbox (topic, payload) values ('test.nobody', '{}'::jsonb) returning id`);
    let status = '';
    const poll = setInterval(() => {
      void db.query<{ status: string }>('select status from outbox where id = $1', [job!.id]).then(([row]) => (status = row?.status ?? ''));
    }, 10);
    await until(() => status === 'dead', 'the job to be settled').finally(() => clearInterval(poll));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(runs, 1);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(stopped, false, 'stop() waits for the task in flight');
    release();
    await stopping;
    assert.equal(runs, 1);
  });

  test('a failing task is logged and runs again at its next interval', async () => {
    let runs = 0;
    const log = memoryLog();
    const worker = createOutboxWorker({
      db,
      handlers: {},
      logger: log.logger,
      alertChannels: [],
      pollMs: 5,
      periodic: [
        {
          name: 'flaky',
          everyMs: 20,
          async run() {
            if (runs++ === 0) throw new Error('boom');
          },
        },
      ],
    });
    worker.start();
    await until(() => runs >= 2, 'a second run after the failure');
    await worker.stop();
    assert.ok(log.lines.some((l) => l.includes('periodic task failed') && l.includes('flaky')));
  });
});
