import pg from 'pg';
import { classifyDatabaseError, toDatabaseError } from './classify-database-error.ts';
import type { Database, Queryable } from './database.ts';

// int8 (counts, identity ids) as numbers, as PGlite returns them; ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresTimeouts {
  /**
   * Server-side `statement_timeout`; the client also gives up a second later, should the server
   * never answer. 0 means no limit (migrations).
   */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** Every failure leaves as a classified DatabaseError (retryable or not), never a raw driver error. */
const classified = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw toDatabaseError(error);
  }
};

export async function openPostgres(connectionString: string, timeouts: PostgresTimeouts = {}): Promise<Database> {
  const statementTimeoutMs = timeouts.statementTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: timeouts.connectTimeoutMs ?? 5000,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs > 0 ? statementTimeoutMs + 1000 : undefined,
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const query: Queryable['query'] = (sql, params = []) => classified(async () => (await pool.query(sql, params)).rows);
  await query('select 1');
  return {
    kind: 'postgres',
    query,
    exec: (sql) =>
      classified(async () => {
        await pool.query(sql);
      }),
    async transaction(fn) {
      const client = await classified(() => pool.connect());
      let broken: unknown;
      // The pool listens for errors on idle clients only: a connection lost while this one is
      // checked out emits 'error' on it, which would otherwise crash the process. The failing
      // query rejects on its own; the connection is only noted as broken.
      const onLost = (error: unknown) => {
        broken = error;
      };
      client.on('error', onLost);
      try {
        await classified(() => client.query('begin'));
        const result = await fn({
          query: (sql, params = []) => classified(async () => (await client.query(sql, params)).rows as never),
          exec: (sql) =>
            classified(async () => {
              await client.query(sql);
            }),
        });
        await classified(() => client.query('commit'));
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.off('error', onLost);
        // A connection that failed mid-transaction is discarded, not handed to the next caller.
        client.release(broken instanceof Error && classifyDatabaseError(broken)?.retryable ? broken : undefined);
      }
    },
    close: () => pool.end(),
  };
}
