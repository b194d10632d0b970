import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// int8 (counts, identity ids) as numbers, as PGlite returns them; ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const query: Queryable['query'] = async (sql, params = []) => (await pool.query(sql, params)).rows;
  await query('select 1');
  return {
    kind: 'postgres',
    query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async (sql, params = []) => (await client.query(sql, params)).rows as never,
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
