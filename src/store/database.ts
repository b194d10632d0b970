/**
 * One interface over embedded PGlite and a real Postgres server, so every query
 * and migration runs unchanged on both.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Transaction extends Queryable {
  /**
   * The transaction's last statement, committed with it: on Postgres the statement and its
   * `commit` travel in one round trip. Nothing may be sent after it; if it fails, nothing of the
   * transaction is committed.
   */
  queryAndCommit<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface TransactionOptions {
  /**
   * Postgres: `begin` is sent with the transaction's first statement instead of on its own, one
   * round trip less. For hot paths whose first statement is known to run well as a simple query
   * with its values inlined as literals (plain `$n` placeholders, no quoting in the SQL text).
   */
  beginWithFirstStatement?: boolean;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** A transaction's last statement as a Queryable, for store functions that take one: see Transaction.queryAndCommit. */
export function committing(tx: Transaction): Queryable {
  return {
    query: (sql, params) => tx.queryAndCommit(sql, params),
    exec: () => Promise.reject(new Error('a committing statement takes parameters: use query')),
  };
}
