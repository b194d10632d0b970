import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { committing } from './database.ts';
import { inlineParams } from './postgres.ts';

describe('values inlined into a simple query', () => {
  test('placeholders take their values as node-pg would send them; SQL that could hide one in a string is refused', () => {
    const when = new Date('2026-12-01T10:00:00Z');
    const sql = inlineParams('select f($1, $2, $3, $10, $4::jsonb, $5)', [null, true, 42, '{"x":1}', when, 'b', 'c', 'd', 'e', "o'k"]);
    assert.match(sql, /^select f\(null, 'true', '42', 'o''k', '\{"x":1\}'::jsonb, '2026-12-01T\d\d:00:00\.000[+-]\d\d:\d\d'\)$/);
    assert.throws(() => inlineParams("select '$1'", ['x']));
    assert.throws(() => inlineParams('select $1 -- $2', ['x']));
    assert.throws(() => inlineParams('select $$ $1 $$', ['x']));
    assert.throws(() => inlineParams('select $2', ['x']));
    assert.throws(() => inlineParams('select $1; select 2', ['x']));
  });
});

for (const backend of testDatabases()) {
  describe(`a transaction whose begin and commit travel with its statements, on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    await db.exec('create table if not exists folded_rows (id text primary key, payload jsonb)');
    const ids = async () => (await db.query<{ id: string }>('select id from folded_rows order by id')).map((r) => r.id);

    test('the first statement opens it and the last commits it, with quotes, backslashes and JSON intact', async () => {
      const payload = { text: "it's a \\ back\\slash", nested: { n: 1 }, more: ["''", '\\\'', '$1', 'ünï\u{1F600}', 'E\'x\''] };
      const rows = await db.transaction(async (tx) => {
        await tx.query('insert into folded_rows (id, payload) values ($1, $2)', ['a', JSON.stringify(payload)]);
        await tx.query('insert into folded_rows (id) values ($1)', ['b']);
        return committing(tx).query<{ id: string }>('insert into folded_rows (id) values ($1) returning id', ['c']);
      }, { beginWithFirstStatement: true });
      assert.deepEqual(rows, [{ id: 'c' }]);
      assert.deepEqual(await ids(), ['a', 'b', 'c']);
      const [row] = await db.query<{ payload: unknown }>('select payload from folded_rows where id = $1', ['a']);
      assert.deepEqual(row?.payload, payload);
    });

    test('a failing last statement commits nothing of the transaction', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into folded_rows (id) values ($1)', ['d']);
          // A duplicate key: the statement fails, and its commit is never run.
          await tx.queryAndCommit('insert into folded_rows (id) values ($1)', ['a']);
        }, { beginWithFirstStatement: true }),
      );
      assert.deepEqual(await ids(), ['a', 'b', 'c']);
    });

    test('a failing first statement leaves nothing behind, and the connection serves the next transaction', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into folded_rows (id) values ($1)', ['a']);
        }, { beginWithFirstStatement: true }),
      );
      await db.transaction(async (tx) => {
        await tx.query('insert into folded_rows (id) values ($1)', ['e']);
      }, { beginWithFirstStatement: true });
      assert.deepEqual(await ids(), ['a', 'b', 'c', 'e']);
    });

    test('nothing can be sent after the committing statement', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.queryAndCommit('insert into folded_rows (id) values ($1)', ['f']);
          await tx.query('insert into folded_rows (id) values ($1)', ['g']);
        }),
        /already committed/,
      );
      // (Postgres has committed `f` by then; PGlite commits when the function returns, so it has not.)
      assert.ok(!(await ids()).includes('g'));
      await db.query('delete from folded_rows where id = $1', ['f']);
    });

    test('an error after the first statement rolls back what it wrote', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('insert into folded_rows (id) values ($1)', ['h']);
          throw new Error('applying failed');
        }, { beginWithFirstStatement: true }),
        /applying failed/,
      );
      assert.deepEqual(await ids(), ['a', 'b', 'c', 'e']);
    });
  });
}
