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
  const { databaseUrl, connectTimeoutMs } = options;
  if (!databaseUrl) {
    const db = await openPglite(options.dataDir ? resolve(options.dataDir, 'pglite') : undefined);
    await migrate(db);
    return db;
  }
  // Migrations may rewrite large tables or wait for another gateway's migration lock: they run on
  // a connection of their own without the statement timeout that keeps requests short.
  const migrator = await openPostgres(databaseUrl, { statementTimeoutMs: 0, connectTimeoutMs });
  try {
    await migrate(migrator);
  } finally {
    await migrator.close();
  }
  return openPostgres(databaseUrl, { statementTimeoutMs: options.statementTimeoutMs, connectTimeoutMs });
}
