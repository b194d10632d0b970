import type { Queryable } from './database.ts';

/**
 * The idempotency record of tool writes: one row per idempotency key, holding the
 * result the first execution returned. Rows are written with the rest of an allowed
 * call's effects, in one statement (store/effects.ts).
 */

/** The result recorded for `idempotencyKey`, or null when no execution has claimed it. */
export async function findExecutionResult<R>(db: Queryable, idempotencyKey: string): Promise<R | null> {
  const [row] = await db.query<{ result: R }>('select result from tool_executions where idempotency_key = $1', [idempotencyKey]);
  return row?.result ?? null;
}
