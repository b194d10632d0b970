import pg from 'pg';
import { classifyDatabaseError, toDatabaseError } from './classify-database-error.ts';
import type { Database, Queryable, Transaction } from './database.ts';

/** node-pg's own conversion of a parameter to its text (untyped in its declarations). */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils.prepareValue;

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

/**
 * A parameterised statement as simple-query text, its values inlined as literals exactly as
 * node-pg would send them as parameters (text, type left to the server): a simple query may
 * carry several statements (`begin; …`, `…; commit`), a parameterised one cannot. Only for one
 * statement without quoting, comments or dollar signs other than `$n`, so no placeholder can hide
 * in a string and no second statement in the text.
 */
export function inlineParams(sql: string, params: unknown[]): string {
  if (/['"\\;]|--|\/\*|\$(?!\d)/.test(sql)) throw new Error('only one statement without quoting, comments or dollar quotes can have its values inlined');
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`no value for $${n}`);
    const value = prepareValue(params[i]);
    if (value === null) return 'null';
    return Buffer.isBuffer(value) ? ` E'\\\\x${value.toString('hex')}'` : pg.escapeLiteral(value);
  });
}

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
    async transaction(fn, options = {}) {
      const client = await classified(() => pool.connect());
      let broken: unknown;
      // The pool listens for errors on idle clients only: a connection lost while this one is
      // checked out emits 'error' on it, which would otherwise crash the process. The failing
      // query rejects on its own; the connection is only noted as broken.
      const onLost = (error: unknown) => {
        broken = error;
      };
      client.on('error', onLost);
      // With beginWithFirstStatement, `begin` waits to travel with the first statement.
      let begun = false;
      let committed = false;
      const open = () => {
        if (committed) throw new Error('the transaction is already committed');
        const prefix = begun ? '' : 'begin; ';
        begun = true;
        return prefix;
      };
      /** Several statements in one simple query: the rows of the one at `index` from the end. */
      const simple = async (text: string, fromEnd: number) => {
        const results = (await client.query(text)) as unknown as pg.QueryResult[] | pg.QueryResult;
        return Array.isArray(results) ? results[results.length - fromEnd]!.rows : results.rows;
      };
      try {
        if (!options.beginWithFirstStatement) await classified(() => client.query('begin'));
        begun = !options.beginWithFirstStatement;
        // `open` and `inlineParams` run before the statement is classified: a statement after the
        // commit, or one that cannot be inlined, is a bug in the caller, not a database error.
        const tx: Transaction = {
          async query(sql, params = []) {
            const prefix = open();
            if (!prefix) return classified(async () => (await client.query(sql, params)).rows as never);
            const text = prefix + inlineParams(sql, params);
            return classified(() => simple(text, 1)) as never;
          },
          async exec(sql) {
            const prefix = open();
            await classified(() => client.query(prefix + sql));
          },
          async queryAndCommit(sql, params = []) {
            const text = `${open()}${inlineParams(sql, params)}; commit`;
            const rows = await classified(() => simple(text, 2));
            committed = true;
            return rows as never;
          },
        };
        const result = await fn(tx);
        if (begun && !committed) await classified(() => client.query('commit'));
        return result;
      } catch (error) {
        if (begun && !committed) {
          await client.query('rollback').catch((rollbackError: unknown) => {
            broken = rollbackError;
          });
        }
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
