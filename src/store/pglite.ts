import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { classifyDatabaseError, toDatabaseError } from './classify-database-error.ts';
import type { Database, Queryable } from './database.ts';

/**
 * Embedded Postgres (WASM). `dataDir` undefined keeps it in memory (tests). PGlite ignores
 * `statement_timeout` and runs each query on this thread, so no timer could interrupt one:
 * the statement timeout applies to Postgres only.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await q.query<T>(sql, params)).rows;
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
    async exec(sql: string) {
      try {
        await q.exec(sql);
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    async transaction(fn) {
      try {
        return await db.transaction((tx) => fn(wrap(tx)));
      } catch (error) {
        // Errors of `fn` itself (a tool's own failure) pass unchanged; PGlite's own are classified.
        throw classifyDatabaseError(error) ?? error;
      }
    },
    close: () => db.close(),
  };
}
