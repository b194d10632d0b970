import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import type { Database, Queryable } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';

/**
 * A fresh database per case, two ways:
 * - `reset` (default): one in-memory PGlite, migrated once; before each case every
 *   table is emptied, which is a fresh database in all but the catalog and the
 *   identity sequences, and takes milliseconds.
 * - `clone`: a migrated template PGlite, `clone()`d per case (about 0.5-1 s each).
 */
export type Isolation = 'reset' | 'clone';

export interface CaseDatabases {
  /** A database with no rows, migrated, for one case. */
  fresh(): Promise<Database>;
  /** Done with the database `fresh` returned. */
  release(db: Database): Promise<void>;
  close(): Promise<void>;
}

function wrap(pg: PGliteInterface): Database {
  const q = (x: Pick<PGliteInterface, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await x.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await x.exec(sql);
    },
  });
  return { kind: 'pglite', ...q(pg), transaction: (fn) => pg.transaction((tx) => fn(q(tx))), close: () => pg.close() };
}

export async function caseDatabases(isolation: Isolation): Promise<CaseDatabases> {
  const template = await PGlite.create();
  const templateDb = wrap(template);
  await migrate(templateDb);
  if (isolation === 'clone') {
    return {
      fresh: async () => wrap(await template.clone()),
      release: (db) => db.close(),
      close: () => template.close(),
    };
  }
  const tables = (
    await templateDb.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by tablename`,
    )
  ).map((r) => `"${r.tablename}"`);
  return {
    async fresh() {
      // DELETE rather than TRUNCATE: truncating gives each table new files, and PGlite's
      // emulated file system makes that the slowest part of a case. The replica role skips
      // the audit log's append-only triggers for this transaction only.
      await templateDb.transaction(async (tx) => {
        await tx.query(`set local session_replication_role = replica`);
        for (const t of tables) await tx.query(`delete from ${t}`);
      });
      return templateDb;
    },
    release: async () => {},
    close: () => template.close(),
  };
}
