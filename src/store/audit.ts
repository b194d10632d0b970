import type { Queryable } from './database.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { whereEquals } from './filters.ts';

/** 'handoff': a founder took a conversation over, handed it back, or wrote in it (migration 009). */
export type AuditKind = 'tool_call' | 'redaction' | 'job_action' | 'handoff';

export interface AuditEntry {
  requestId: string | null;
  conversationId: string | null;
  actor: string;
  kind: AuditKind;
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
  /** The hash of the enforced policy configuration that decided it (config/policy-version.ts); absent when no policy decided. */
  policyVersion?: string | null;
}

/** An audit row for something a person did by hand (a job retried or resolved, a takeover): no tool, no policy. */
export function operatorAudit(o: { requestId: string; actor: string; kind: AuditKind; decision: string; args: unknown; conversationId?: string | null }): AuditEntry {
  return {
    requestId: o.requestId,
    conversationId: o.conversationId ?? null,
    actor: o.actor,
    kind: o.kind,
    tool: null,
    args: o.args,
    argsDigest: null,
    decision: o.decision,
    reason: null,
    confidence: null,
    idempotencyKey: null,
    latencyMs: null,
    outcome: o.decision,
  };
}

const GENESIS = '0'.repeat(64);

/**
 * What a link hashes. The policy version joins only when present, so rows written before it was
 * recorded (and rows no policy decided) hash exactly as they always did and the chain still verifies.
 */
function hashedContent(entry: AuditEntry, at: string): string {
  const { policyVersion, ...rest } = entry;
  return canonicalJson(policyVersion ? { ...rest, policyVersion, at } : { ...rest, at });
}

function linkHash(prevHash: string, at: string, entry: AuditEntry): string {
  return sha256(prevHash + hashedContent(entry, at));
}

/**
 * The audit append as a data-modifying CTE named `audited`, with its parameters
 * numbered from `$first`, so a caller can fold it into a larger statement (see
 * store/effects.ts). The chain head is upserted: its row lock serialises appenders
 * until commit, and an empty chain (no head yet) starts from the genesis hash. The
 * link hash is computed in SQL from the head's current value, with the same bytes as
 * `linkHash`: sha256 over UTF-8 of prev_hash followed by the entry's canonical JSON.
 * With `after`, the name of an earlier CTE, the row is appended only when that CTE returned a
 * row, and only after it ran: the chain head is then locked last.
 */
export function auditAppendSql(rawEntry: AuditEntry, first: number, after?: string): { cte: string; params: unknown[] } {
  // Hash exactly what jsonb will give back: no undefined members, null for absent args.
  const entry = { ...rawEntry, args: rawEntry.args === undefined ? null : JSON.parse(JSON.stringify(rawEntry.args)) };
  const at = new Date().toISOString();
  const p = (i: number) => `$${first + i}`;
  const link = (prev: string) => `encode(sha256(convert_to(${prev} || ${p(14)}, 'UTF8')), 'hex')`;
  const cte = `head as (
      insert into audit_chain_head as h (id, prev_hash, hash)
      select true, '${GENESIS}', ${link(`'${GENESIS}'`)}${after ? ` where exists (select 1 from ${after})` : ''}
      on conflict (id) do update set prev_hash = h.hash, hash = ${link('h.hash')}
      returning prev_hash, hash
    ), audited as (
      insert into audit_log (at, request_id, conversation_id, actor, kind, tool, args, args_digest, decision, reason,
         confidence, idempotency_key, latency_ms, outcome, policy_version, prev_hash, hash)
      select ${p(0)}::timestamptz, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}, ${p(8)}, ${p(9)},
             ${p(10)}::double precision, ${p(11)}, ${p(12)}::double precision, ${p(13)}, ${p(15)}, head.prev_hash, head.hash
      from head
      returning id
    )`;
  const params = [
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
    hashedContent(entry, at),
    entry.policyVersion ?? null,
  ];
  return { cte, params };
}

/**
 * Appends one row to the hash-chained audit log: one statement, so it is atomic on
 * its own and joins the caller's transaction when given one.
 */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  const { cte, params } = auditAppendSql(entry, 1);
  const rows = await tx.query(`with ${cte} select id from audited`, params);
  if (rows.length !== 1) throw new Error('the audit row was not written');
}

/** An audit row on its own (no domain write to share a transaction with). */
export const recordAudit = (db: Queryable, entry: AuditEntry): Promise<void> => appendAudit(db, entry);

/** One audit row per kind of output-gate redaction in a turn, with its count (never the text). */
export async function recordRedactions(
  db: Queryable,
  who: { requestId: string; conversationId: string; actor: string; policyVersion?: string | null },
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
  kind: AuditKind;
  tool: string | null;
  args: unknown;
  args_digest: string | null;
  decision: string;
  reason: string | null;
  confidence: number | null;
  idempotency_key: string | null;
  latency_ms: number | null;
  outcome: string | null;
  policy_version: string | null;
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
        policyVersion: row.policy_version,
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
export interface AuditListItem extends AuditEntry {
  policyVersion: string | null;
  id: number;
  at: Date;
  hash: string;
}

export interface AuditFilter {
  conversationId?: string | undefined;
  requestId?: string | undefined;
  tool?: string | undefined;
  decision?: string | undefined;
  kind?: string | undefined;
  limit: number;
}

/** Newest first, optionally narrowed by any of its keys (one request's whole story included). */
export function listAudit(db: Queryable, filter: AuditFilter): Promise<AuditListItem[]> {
  const { where, params } = whereEquals([
    ['conversation_id', filter.conversationId],
    ['request_id', filter.requestId],
    ['tool', filter.tool],
    ['decision', filter.decision],
    ['kind', filter.kind],
  ]);
  return db.query<AuditListItem>(
    `select id, at, request_id as "requestId", conversation_id as "conversationId", actor, kind, tool, args,
            args_digest as "argsDigest", decision, reason, confidence, idempotency_key as "idempotencyKey",
            latency_ms as "latencyMs", outcome, policy_version as "policyVersion", hash
     from audit_log ${where} order by id desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}
