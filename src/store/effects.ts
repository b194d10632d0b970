import { auditAppendSql, type AuditEntry } from './audit.ts';
import type { Queryable } from './database.ts';
import { DatabaseError } from './database-error.ts';
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

/** An outbox message of a one-statement write: queued when the `written` row's boolean column `when` is true, with `fromRow` columns added to its payload. */
export interface RowMessage extends OutboxMessage {
  when: string;
  fromRow: readonly string[];
}

/**
 * A write made in one statement with its effects. `domain` builds the write's data-modifying
 * CTEs (a store module's fragment) with parameters from `first`; its last CTE, `written`,
 * returns one row when the write happened (none when it could not be made). What the
 * database decides (ids it generated, whether a row was new) reaches the result and the
 * outbox messages through that row's columns.
 */
export interface OneStatementWrite<R extends Record<string, unknown> = Record<string, unknown>> {
  domain(first: number): { cte: string; params: unknown[] };
  /** The result, its `resultFromRow` fields taken from the row's columns of the same names. */
  result: R;
  resultFromRow: readonly string[];
  outbox: readonly RowMessage[];
}

/** Column names of `written` go into the SQL text: only plain identifiers, quoted. */
function column(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return `w."${name}"`;
}
const rowObject = (names: readonly string[]) => `jsonb_build_object(${names.map((n) => `'${n}', ${column(n)}`).join(', ')})`;

/** The key's unique index refused this execution: another one claimed it first. */
function lostIdempotencyRace(error: unknown): boolean {
  const cause = error instanceof DatabaseError ? (error.cause as { constraint?: unknown } | undefined) : undefined;
  return error instanceof DatabaseError && error.code === '23505' && cause?.constraint === 'tool_executions_pkey';
}

/**
 * An allowed write and everything it leaves behind in one statement: the domain rows, the
 * idempotency record holding the result, the outbox rows and the audit row. A single
 * statement is atomic on its own, so the write needs no transaction: one round trip instead
 * of begin, write, effects, commit. Each effect reads the one before it (the claim the
 * written row, the audit chain's head the claim), so the rows are written and locked in
 * that order, and the chain head's lock, which serialises every audited write, is taken
 * last and held only until this statement commits.
 *
 * The idempotency key has no `on conflict` here: when another execution holds it, the key's
 * unique index fails the statement whole, so nothing of this one is written, and null is
 * returned (the winner's write stands). Returns the result with the database's fields filled
 * in; throws when the domain write returned no row (nothing was written, audit row included).
 */
export async function recordOneStatementWrite<R extends Record<string, unknown>>(
  db: Queryable,
  effects: {
    write: OneStatementWrite<R>;
    /** Null for calls that are not deduplicated (reads). */
    execution: { idempotencyKey: string; tool: string; conversationId: string } | null;
    /** Outbox rows are deduplicated by `<dedupeBase>:<index>:<topic>`. */
    dedupeBase: string;
    audit: AuditEntry;
  },
): Promise<{ result: R } | null> {
  const { write, execution } = effects;
  const params: unknown[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  const domain = write.domain(1);
  params.push(...domain.params);
  const fields = rowObject(write.resultFromRow);
  const ctes = [domain.cte];
  if (execution) {
    ctes.push(`claimed as (
       insert into tool_executions (idempotency_key, tool, conversation_id, result)
       select ${add(execution.idempotencyKey)}, ${add(execution.tool)}, ${add(execution.conversationId)}, ${add(JSON.stringify(write.result))}::jsonb || ${fields}
       from written w
       returning idempotency_key
     )`);
  }
  if (write.outbox.length > 0) {
    const candidates = write.outbox.map(
      (m, i) => `select ${i} as i, ${add(m.topic)}::text as topic, ${add(JSON.stringify(m.payload))}::jsonb || ${rowObject(m.fromRow)} as payload
         from written w where ${column(m.when)}`,
    );
    // The jobs carry the request id of the call that queued them: its correlation id.
    ctes.push(`queued as (
       insert into outbox (topic, payload, dedupe_key, correlation_id)
       select m.topic, m.payload, ${add(effects.dedupeBase)} || ':' || (row_number() over (order by m.i) - 1) || ':' || m.topic, ${add(effects.audit.requestId)}
       from (${candidates.join(' union all ')}) m
       on conflict (dedupe_key) do nothing
     )`);
  }
  const audit = auditAppendSql(effects.audit, params.length + 1, execution ? 'claimed' : 'written');
  params.push(...audit.params);
  ctes.push(audit.cte);
  let rows: Array<{ fields: Record<string, unknown>; audited: number }>;
  try {
    rows = await db.query(`with ${ctes.join(', ')} select ${fields} as fields, (select count(*) from audited)::int as audited from written w`, params);
  } catch (error) {
    if (lostIdempotencyRace(error)) return null;
    throw error;
  }
  const [row] = rows;
  if (!row) throw new Error('the write returned no row: nothing was written');
  // Cannot happen (the audit row follows from the claim, in the same statement): a guard on that invariant.
  if (row.audited !== 1) throw new Error('the audit row was not written');
  return { result: { ...write.result, ...row.fields } };
}
