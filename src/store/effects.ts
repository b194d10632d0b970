import { auditAppendSql, type AuditEntry } from './audit.ts';
import type { Queryable } from './database.ts';
import type { OutboxMessage } from './outbox.ts';

export interface WriteEffects {
  /** Null for calls that are not deduplicated (reads). */
  execution: { idempotencyKey: string; tool: string; conversationId: string; result: unknown } | null;
  outbox: Array<OutboxMessage & { dedupeKey: string }>;
  audit: AuditEntry;
}

/**
 * Records what an allowed write leaves beside its domain row, in the caller's
 * transaction and in one statement: the idempotency record with the result, the
 * outbox rows, and the audit row. Returns false when another execution already holds
 * the idempotency key: the caller must then roll back its write, since the winner's
 * stands. The key is claimed after the write rather than before so that the whole
 * allowed call costs one round trip here; the unique key still settles every race.
 */
export async function recordWriteEffects(tx: Queryable, effects: WriteEffects): Promise<boolean> {
  const { execution } = effects;
  const audit = auditAppendSql(effects.audit, 7);
  const [row] = await tx.query<{ claimed: boolean }>(
    `with claimed as (
       insert into tool_executions (idempotency_key, tool, conversation_id, result)
       select $1, $2, $3, $4::jsonb where $1::text is not null
       on conflict (idempotency_key) do nothing
       returning idempotency_key
     ), queued as (
       insert into outbox (topic, payload, dedupe_key, correlation_id)
       select m.topic, m.payload, m.dedupe_key, m.correlation_id
       from jsonb_to_recordset($5::jsonb) as m (topic text, payload jsonb, dedupe_key text, correlation_id text)
       on conflict (dedupe_key) do nothing
     ), ${audit.cte}
     select ($6::boolean or exists (select 1 from claimed)) and exists (select 1 from audited) as claimed`,
    [
      execution?.idempotencyKey ?? null,
      execution?.tool ?? null,
      execution?.conversationId ?? null,
      JSON.stringify(execution?.result ?? null),
      // The jobs carry the request id of the call that queued them: its correlation id.
      JSON.stringify(effects.outbox.map((m) => ({ topic: m.topic, payload: m.payload, dedupe_key: m.dedupeKey, correlation_id: effects.audit.requestId }))),
      execution === null,
      ...audit.params,
    ],
  );
  return row?.claimed === true;
}
