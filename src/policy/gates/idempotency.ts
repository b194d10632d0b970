import type { Queryable } from '../../store/database.ts';
import { findExecutionResult } from '../../store/tool-executions.ts';
import type { ToolResult } from '../../tools/tool-result.ts';

/** Gate 6: a call whose effect already happened returns that effect instead of repeating it. */
export async function findPriorResult(db: Queryable, idempotencyKey: string | null): Promise<ToolResult | null> {
  if (!idempotencyKey) return null;
  return findExecutionResult<ToolResult>(db, idempotencyKey);
}
