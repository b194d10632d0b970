import type { Queryable } from './database.ts';

/**
 * The idempotency record of tool writes: one row per idempotency key, holding the
 * result the first execution returned.
 */

/** The result recorded for `idempotencyKey`, or null when no execution has claimed it. */
export async function findExecutionResult<R>(db: Queryable, idempotencyKey: string): Promise<R | null> {
  const [row] = await db.query<{ result: R }>('select result from tool_executions where idempotency_key = $1', [idempotencyKey]);
  return row?.result ?? null;
}

/**
 * Claims the key inside the caller's transaction; false when another execution holds
 * it. The unique key settles a race between two identical calls: the loser sees the winner's result.
 */
export async function claimExecution(
  tx: Queryable,
  execution: { idempotencyKey: string; tool: string; conversationId: string },
): Promise<boolean> {
  const claimed = await tx.query(
    `insert into tool_executions (idempotency_key, tool, conversation_id, result) values ($1, $2, $3, '{}'::jsonb)
     on conflict (idempotency_key) do nothing returning idempotency_key`,
    [execution.idempotencyKey, execution.tool, execution.conversationId],
  );
  return claimed.length > 0;
}

/** Stores the result of a claimed execution, in the same transaction as its write. */
export async function recordExecutionResult(tx: Queryable, idempotencyKey: string, result: unknown): Promise<void> {
  await tx.query('update tool_executions set result = $2::jsonb where idempotency_key = $1', [idempotencyKey, JSON.stringify(result)]);
}
