import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Postgres when DATABASE_URL is set, else PGlite in DATA_DIR; migrated and ready. */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { statementTimeoutMs: options.statementTimeoutMs, connectTimeoutMs: options.connectTimeoutMs })
    : await openPglite(options.dataDir ? resolve(options.dataDir, 'pglite') : undefined);
  await migrate(db);
  return db;
}
