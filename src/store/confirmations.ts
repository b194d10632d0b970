import { digest } from './canonical.ts';
import type { Queryable } from './database.ts';

/**
 * Pending confirmations: a low-confidence call waiting for the user's "yes", with
 * its exact arguments, their digest and an expiry. Each is single use.
 */

export interface PendingCall {
  tool: string;
  args: unknown;
  confidence: number | null;
}

/**
 * Stores the call inside the caller's transaction. A new proposal replaces any older
 * one: only the latest question can be answered "yes".
 */
export async function storePendingConfirmation(
  tx: Queryable,
  pending: PendingCall & { conversationId: string; expiresAt: Date },
): Promise<void> {
  await tx.query('update pending_confirmations set consumed_at = now() where conversation_id = $1 and consumed_at is null', [pending.conversationId]);
  await tx.query(
    `insert into pending_confirmations (conversation_id, tool, args, args_digest, confidence, expires_at)
     values ($1, $2, $3::jsonb, $4, $5, $6)`,
    [pending.conversationId, pending.tool, JSON.stringify(pending.args), digest(pending.args), pending.confidence, pending.expiresAt.toISOString()],
  );
}

/**
 * Takes the conversation's pending confirmation, whatever the user says next: it is
 * single use, so a "yes" much later, or after another message, cannot fire it.
 * Returns the call only when it is still fresh and its arguments are intact.
 */
export async function takePendingConfirmation(db: Queryable, conversationId: string): Promise<PendingCall | null> {
  const [row] = await db.query<{ tool: string; args: unknown; args_digest: string; confidence: number | null; fresh: boolean }>(
    `update pending_confirmations set consumed_at = now()
     where id = (select id from pending_confirmations
                 where conversation_id = $1 and consumed_at is null order by created_at desc limit 1)
       and consumed_at is null
     returning tool, args, args_digest, confidence, expires_at > now() as fresh`,
    [conversationId],
  );
  if (!row || !row.fresh || digest(row.args) !== row.args_digest) return null;
  return { tool: row.tool, args: row.args, confidence: row.confidence };
}
