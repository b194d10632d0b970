import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import type { Database, Queryable } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

/**
 * Embedded databases for the evals, migrated. Creating one runs initdb and every migration,
 * about 4 s of CPU; loading a saved data directory takes about 1 s. So the first process
 * to need a database for a given schema saves its data directory in the OS temp directory,
 * named by a digest of PGlite's version and the migrations, and every later one (each eval
 * run, each corpus thread, each test file) starts from a copy of it. The copy is a database
 * of its own: nothing is shared at run time.
 */

const MIGRATIONS = new URL('../src/store/migrations/', import.meta.url);
const SOURCES = [new URL('../src/store/migrate.ts', import.meta.url), new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)];

function schemaDigest(): string {
  const hash = createHash('sha256');
  for (const url of SOURCES) hash.update(readFileSync(url));
  for (const name of readdirSync(MIGRATIONS).sort()) hash.update(name).update(readFileSync(new URL(name, MIGRATIONS)));
  return hash.digest('hex').slice(0, 16);
}

/** A PGlite (or a transaction of one) as the store's `Database`. */
export function pgliteDatabase(pg: PGliteInterface): Database {
  const q = (x: Pick<PGliteInterface, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await x.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await x.exec(sql);
    },
  });
  return { kind: 'pglite', ...q(pg), transaction: (fn) =>
      pg.transaction((tx) => {
        const t = q(tx);
        // In process there is no round trip to fold: the last statement commits when `fn` returns.
        return fn({ ...t, queryAndCommit: t.query });
      }), close: () => pg.close() };
}

/** A new in-memory PGlite with every migration applied. */
export async function migratedPGlite(): Promise<PGlite> {
  const file = join(tmpdir(), `toolgate-eval-pglite-${schemaDigest()}.tar`);
  let saved: Uint8Array<ArrayBuffer> | null = null;
  try {
    saved = new Uint8Array(readFileSync(file));
  } catch {
    // Not saved yet: this process makes it.
  }
  if (saved) {
    const pg = await PGlite.create({ loadDataDir: new Blob([saved]) });
    // Applies nothing when the copy is current; a copy that is not would be brought up to date here.
    await migrate(pgliteDatabase(pg));
    return pg;
  }
  const pg = await PGlite.create();
  await migrate(pgliteDatabase(pg));
  const dump = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
  // Written aside and renamed, so a process running at the same time never reads half a file.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return pg;
}
