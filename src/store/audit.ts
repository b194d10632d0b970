import type { Database, Queryable } from './database.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { whereEquals } from './filters.ts';

export interface AuditEntry {
  requestId: string | null;
  conversationId: string | null;
  actor: string;
  kind: 'tool_call' | 'redaction' | 'job_action';
  tool: string | null;
  /** Already redacted by the caller: the log never holds raw emails or secrets. */
  args: unknown;
  argsDigest: string | null;
  decision: string;
  reason: string | null;
  confidence: number | null;
  idempotencyKey: string | null;
  latencyMs: number | null;
  outcome: string | null;
}

const GENESIS = '0'.repeat(64);
// Serialises appenders so the chain order equals the id order, on Postgres as on PGlite.
const CHAIN_LOCK = 7361002;

function linkHash(prevHash: string, at: string, entry: AuditEntry): string {
  return sha256(prevHash + canonicalJson({ ...entry, at }));
}

/** Appends one row to the hash-chained audit log, inside the caller's transaction. */
export async function appendAudit(tx: Queryable, rawEntry: AuditEntry): Promise<void> {
  // Hash exactly what jsonb will give back: no undefined members, null for absent args.
  const entry = { ...rawEntry, args: rawEntry.args === undefined ? null : JSON.parse(JSON.stringify(rawEntry.args)) };
  await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const [last] = await tx.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  await tx.query(
    `insert into audit_log (at, request_id, conversation_id, actor, kind, tool, args, args_digest, decision, reason,
       confidence, idempotency_key, latency_ms, outcome, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      at,
      entry.requestId,
      entry.conversationId,
      entry.actor,
      entry.kind,
      entry.tool,
      entry.args === null ? null : JSON.stringify(entry.args),
      entry.argsDigest,
      entry.decision,
      entry.reason,
      entry.confidence,
      entry.idempotencyKey,
      entry.latencyMs,
      entry.outcome,
      prevHash,
      linkHash(prevHash, at, entry),
    ],
  );
}

/** An audit row on its own (no domain write to share a transaction with). */
export function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  return db.transaction((tx) => appendAudit(tx, entry));
}

/** One audit row per kind of output-gate redaction in a turn, with its count (never the text). */
export async function recordRedactions(
  db: Database,
  who: { requestId: string; conversationId: string; actor: string },
  redactions: Array<{ kind: string; count: number }>,
): Promise<void> {
  const counts = new Map<string, number>();
  for (const r of redactions) counts.set(r.kind, (counts.get(r.kind) ?? 0) + r.count);
  for (const [kind, count] of counts) {
    await recordAudit(db, {
      ...who,
      kind: 'redaction',
      tool: null,
      args: { count },
      argsDigest: null,
      decision: 'redacted',
      reason: kind,
      confidence: null,
      idempotencyKey: null,
      latencyMs: null,
      outcome: 'redacted',
    });
  }
}

interface AuditRow {
  id: number;
  at: Date;
  request_id: string | null;
  conversation_id: string | null;
  actor: string;
  kind: 'tool_call' | 'redaction' | 'job_action';
  tool: string | null;
  args: unknown;
  args_digest: string | null;
  decision: string;
  reason: string | null;
  confidence: number | null;
  idempotency_key: string | null;
  latency_ms: number | null;
  outcome: string | null;
  prev_hash: string;
  hash: string;
}

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; problem: string };

/** Recomputes the chain from the first row; reports the first link that does not hold. */
export async function verifyAuditChain(db: Queryable, pageSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_log where id > $1 order by id limit $2', [afterId, pageSize]);
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenAt: row.id, problem: 'prev_hash does not match the previous row' };
      const expected = linkHash(prevHash, new Date(row.at).toISOString(), {
        requestId: row.request_id,
        conversationId: row.conversation_id,
        actor: row.actor,
        kind: row.kind,
        tool: row.tool,
        args: row.args,
        argsDigest: row.args_digest,
        decision: row.decision,
        reason: row.reason,
        confidence: row.confidence,
        idempotencyKey: row.idempotency_key,
        latencyMs: row.latency_ms,
        outcome: row.outcome,
      });
      if (expected !== row.hash) return { ok: false, checked, brokenAt: row.id, problem: 'row content does not match its hash' };
      prevHash = row.hash;
      afterId = row.id;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}

/** An audit row as the admin API lists it: the chain links' own hash, not the previous one. */
export interface AuditListItem {
  id: number;
  at: Date;
  requestId: string | null;
  conversationId: string | null;
  actor: string;
  kind: 'tool_call' | 'redaction' | 'job_action';
  tool: string | null;
  args: unknown;
  argsDigest: string | null;
  decision: string;
  reason: string | null;
  confidence: number | null;
  idempotencyKey: string | null;
  latencyMs: number | null;
  outcome: string | null;
  hash: string;
}

/** Newest first, optionally narrowed to one conversation, tool and decision. */
export function listAudit(
  db: Queryable,
  filter: { conversationId?: string | undefined; tool?: string | undefined; decision?: string | undefined; limit: number },
): Promise<AuditListItem[]> {
  const { where, params } = whereEquals([
    ['conversation_id', filter.conversationId],
    ['tool', filter.tool],
    ['decision', filter.decision],
  ]);
  return db.query<AuditListItem>(
    `select id, at, request_id as "requestId", conversation_id as "conversationId", actor, kind, tool, args,
            args_digest as "argsDigest", decision, reason, confidence, idempotency_key as "idempotencyKey",
            latency_ms as "latencyMs", outcome, hash
     from audit_log ${where} order by id desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}
