import type { Queryable } from '../store/database.ts';
import { digest } from '../store/canonical.ts';

export interface PendingCall {
  tool: string;
  args: unknown;
  confidence: number | null;
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
