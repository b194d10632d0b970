import type { Queryable } from '../../store/database.ts';
import type { ToolResult } from '../../tools/tool-result.ts';

/** Gate 6: a call whose effect already happened returns that effect instead of repeating it. */
export async function findPriorResult(db: Queryable, idempotencyKey: string | null): Promise<ToolResult | null> {
  if (!idempotencyKey) return null;
  const [row] = await db.query<{ result: ToolResult }>(
    'select result from tool_executions where idempotency_key = $1',
    [idempotencyKey],
  );
  return row?.result ?? null;
}
