import type { Database } from './database.ts';

export type ExclusiveResult<T> = { ran: true; value: T } | { ran: false };

/** Names held in this process, per embedded database (PGlite is one process by construction). */
const heldInProcess = new WeakMap<Database, Set<string>>();

/**
 * Runs `fn` unless another runner of `name` is already at it, anywhere: on Postgres a
 * transaction-scoped advisory lock (`pg_try_advisory_xact_lock`) held by an otherwise idle
 * transaction for the run's length, so a crashed runner's lock goes with its connection and
 * never needs a timeout; on embedded PGlite, which only one process can open, a name held in
 * this process (a transaction there would hold the database's only session and block `fn`).
 * `fn` does its own writes through `db`; the lock's transaction writes nothing.
 */
export async function runExclusive<T>(db: Database, name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
  if (db.kind === 'pglite') {
    let held = heldInProcess.get(db);
    if (!held) heldInProcess.set(db, (held = new Set()));
    if (held.has(name)) return { ran: false };
    held.add(name);
    try {
      return { ran: true, value: await fn() };
    } finally {
      held.delete(name);
    }
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ locked: boolean }>('select pg_try_advisory_xact_lock(hashtextextended($1, 7361)) as locked', [name]);
    if (!row?.locked) return { ran: false } as const;
    return { ran: true, value: await fn() } as const;
  });
}
