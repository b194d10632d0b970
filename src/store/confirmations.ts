import { auditAppendSql, type AuditEntry } from './audit.ts';
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
 * Stores the call and its audit row in one statement, atomic on its own (no transaction). A
 * new proposal replaces any older one: only the latest question can be answered "yes". (The
 * older rows are marked consumed by a sibling CTE, which does not see the row inserted here.)
 */
export async function storePendingConfirmation(
  db: Queryable,
  pending: PendingCall & { conversationId: string; expiresAt: Date },
  audit: AuditEntry,
): Promise<void> {
  const appended = auditAppendSql(audit, 7, 'stored');
  const rows = await db.query(
    `with superseded as (
       update pending_confirmations set consumed_at = now() where conversation_id = $1 and consumed_at is null
     ), stored as (
       insert into pending_confirmations (conversation_id, tool, args, args_digest, confidence, expires_at)
       values ($1, $2, $3::jsonb, $4, $5, $6)
       returning id
     ), ${appended.cte}
     select id from audited`,
    [
      pending.conversationId,
      pending.tool,
      JSON.stringify(pending.args),
      digest(pending.args),
      pending.confidence,
      pending.expiresAt.toISOString(),
      ...appended.params,
    ],
  );
  if (rows.length !== 1) throw new Error('the audit row was not written');
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
