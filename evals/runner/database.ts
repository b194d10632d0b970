import type { Database } from '../../src/store/database.ts';
import { migratedPGlite, pgliteDatabase } from '../migrated-pglite.ts';

/**
 * A fresh database per case, holding the world every case starts from, two ways:
 * - `reset` (default): one in-memory PGlite, migrated and given the world once; before
 *   each case every table is emptied and the world's rows are copied back from a saved
 *   copy, in one round trip. That is a fresh database in all but the catalog and the
 *   identity sequences, and takes a few milliseconds.
 * - `clone`: a migrated template PGlite holding the world, `clone()`d per case (about 0.5-1 s each).
 */
export type Isolation = 'reset' | 'clone';

export interface CaseDatabases {
  /** A migrated database holding the world's rows and nothing else, for one case. */
  fresh(): Promise<Database>;
  /** Done with the database `fresh` returned. */
  release(db: Database): Promise<void>;
  close(): Promise<void>;
}

/** Where the reset keeps a copy of the world's rows: outside `public`, so no case and no snapshot sees it. */
const WORLD_SCHEMA = 'eval_world';

export async function caseDatabases(isolation: Isolation, world: (db: Database) => Promise<void>): Promise<CaseDatabases> {
  const template = await migratedPGlite();
  const templateDb = pgliteDatabase(template);
  await world(templateDb);
  if (isolation === 'clone') {
    return {
      fresh: async () => pgliteDatabase(await template.clone()),
      release: (db) => db.close(),
      close: () => template.close(),
    };
  }
  const tables = (
    await templateDb.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by tablename`,
    )
  ).map((r) => r.tablename);
  const seeded: string[] = [];
  for (const t of tables) {
    const [row] = await templateDb.query<{ any: boolean }>(`select exists (select 1 from "${t}") as any`);
    if (!row?.any) continue;
    seeded.push(t);
    await templateDb.exec(`create schema if not exists ${WORLD_SCHEMA}; create table ${WORLD_SCHEMA}."${t}" as select * from "${t}"`);
  }
  // DELETE rather than TRUNCATE: truncating gives each table new files, and PGlite's
  // emulated file system makes that the slowest part of a case. The replica role skips
  // the audit log's append-only triggers (and foreign-key checks) for this transaction
  // only; the copies keep their identity values, hence OVERRIDING SYSTEM VALUE.
  const reset = [
    'begin',
    'set local session_replication_role = replica',
    ...tables.map((t) => `delete from "${t}"`),
    ...seeded.map((t) => `insert into "${t}" overriding system value select * from ${WORLD_SCHEMA}."${t}"`),
    'commit',
  ].join(';\n');
  await templateDb.exec(reset);
  return {
    async fresh() {
      await templateDb.exec(reset);
      return templateDb;
    },
    release: async () => {},
    close: () => template.close(),
  };
}
