import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { classifyDatabaseError, toDatabaseError } from './classify-database-error.ts';
import type { Database, Queryable, Transaction } from './database.ts';

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
        // In process, a round trip costs nothing to fold: the last statement is an ordinary one,
        // committed when `fn` returns, and nothing may follow it, as on Postgres.
        return await db.transaction((tx) => {
          const q = wrap(tx);
          let committed = false;
          const guarded = <R>(run: () => Promise<R>) => (committed ? Promise.reject(new Error('the transaction is already committed')) : run());
          const t: Transaction = {
            query: (sql, params) => guarded(() => q.query(sql, params)),
            exec: (sql) => guarded(() => q.exec(sql)),
            queryAndCommit: (sql, params) =>
              guarded(() => {
                committed = true;
                return q.query(sql, params);
              }),
          };
          return fn(t);
        });
      } catch (error) {
        // Errors of `fn` itself (a tool's own failure) pass unchanged; PGlite's own are classified.
        throw classifyDatabaseError(error) ?? error;
      }
    },
    close: () => db.close(),
  };
}
