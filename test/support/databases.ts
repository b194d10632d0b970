import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; url?: string; drop(): Promise<void> }>;
}

/**
 * The backends every storage-touching suite runs against: embedded PGlite always,
 * and the real Postgres at DATABASE_URL. Under CI a missing DATABASE_URL is a
 * failure, not a skip, so a green run always means both were exercised.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.CI) throw new Error('DATABASE_URL must be set in CI: the Postgres suites may not be skipped');
  const backends: TestDatabase[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite();
        await migrate(db);
        return { db, drop: () => db.close() };
      },
    },
  ];
  if (url) backends.push({ name: 'postgres', open: () => freshPostgres(url) });
  return backends;
}

/** A throwaway database per suite, so suites never see each other's rows. */
export async function freshPostgres(adminUrl: string) {
  const name = `toolgate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Generous statement and connect timeouts: suites run side by side on a busy machine (a
  // loaded CI runner once took more than 5 s to accept a connection), and the timeouts' own
  // behaviour is tested where they are set on purpose.
  const db = await openPostgres(url.toString(), { statementTimeoutMs: 60_000, connectTimeoutMs: 60_000 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
