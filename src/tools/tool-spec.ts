import type { z } from 'zod';
import type { Queryable } from '../store/database.ts';
import type { PolicyContext } from '../policy/types.ts';
import type { RateRule } from '../policy/rate-limit/index.ts';
import type { ToolName } from './schemas.ts';
import type { ToolResult } from './tool-result.ts';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

export interface ToolRun {
  result: ToolResult;
  /** Side effects for the outbox, written in the same transaction as the domain row. */
  outbox: OutboxMessage[];
}

export interface ExecutionContext extends PolicyContext {
  requestId: string;
  /** Base URL for links handed to humans (ticket transcript). */
  publicBaseUrl: string;
}

/** One tool: its contract, the policy facts about it, and the write it performs. */
export interface ToolSpec<I = any> {
  name: ToolName;
  description: string;
  input: z.ZodType<I>;
  /** Only signed-in customers may call it. */
  requiresSignIn: boolean;
  /** Argument values that must come from the user's own words or profile. */
  groundedFields(input: I): Array<{ field: string; value: string; kind: 'email' | 'name' }>;
  rateLimits(input: I, ctx: PolicyContext): Array<{ key: string; rule: RateRule }>;
  /** Same key, same effect: a repeat is reported as a duplicate. Null for reads. */
  idempotencyKey(input: I, ctx: PolicyContext): string | null;
  /** Checks that need the input and the session together (e.g. a contact for a ticket). */
  identityCheck?(input: I, ctx: PolicyContext): import('../policy/types.ts').GateResult;
  execute(tx: Queryable, input: I, ctx: ExecutionContext): Promise<ToolRun>;
}
