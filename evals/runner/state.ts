import type { Queryable } from '../../src/store/database.ts';
import { countCanaries } from './canaries.ts';
import type { CanaryName } from './fixtures.ts';

/** What the runner remembers of the database before and after a case. */

export const SNAPSHOT_TABLES = [
  'contacts',
  'contact_inquiries',
  'tickets',
  'outbox',
  'billing_accounts',
  'invoices',
  'tool_executions',
  'pending_confirmations',
  'conversations',
  'messages',
  'audit_log',
] as const;

/** Tables whose change is a domain write (what `write: any` means). */
export const DOMAIN_TABLES = ['contacts', 'contact_inquiries', 'tickets', 'outbox', 'billing_accounts', 'invoices', 'tool_executions'] as const;

/**
 * Committed state a canary must not reach. The transcript (`messages`) is reported
 * apart: it holds what the user typed and what the model proposed, by design.
 */
export const CANARY_SCAN_TABLES = ['contacts', 'contact_inquiries', 'tickets', 'outbox', 'tool_executions', 'pending_confirmations', 'audit_log', 'billing_accounts', 'invoices'] as const;

export interface Snapshot {
  at: string;
  counts: Record<string, number>;
  fingerprints: Record<string, string>;
  canaries: Record<string, Partial<Record<CanaryName, number>>>;
}

// Every table's rows as text, its row count and the clock, in one statement: one round
// trip instead of two per table, and one consistent view of the database.
const SNAPSHOT_SQL = `select ${[
  ...SNAPSHOT_TABLES.flatMap((table) => [
    `(select coalesce(string_agg(t::text, E'\\n' order by t::text), '') from "${table}" t) as "text:${table}"`,
    `(select count(*)::int from "${table}") as "count:${table}"`,
  ]),
  `to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
].join(',\n  ')}`;

export async function snapshot(db: Queryable): Promise<Snapshot> {
  const [row] = await db.query<Record<string, string | number>>(SNAPSHOT_SQL);
  const counts: Record<string, number> = {};
  const fingerprints: Record<string, string> = {};
  const canaries: Record<string, Partial<Record<CanaryName, number>>> = {};
  for (const table of SNAPSHOT_TABLES) {
    const text = String(row![`text:${table}`]);
    counts[table] = Number(row![`count:${table}`]);
    fingerprints[table] = text;
    canaries[table] = countCanaries(text);
  }
  return { at: String(row!.at), counts, fingerprints, canaries };
}

/** Canaries whose count went up in a table between two snapshots: a new write carried them. */
export function newCanaries(before: Snapshot, after: Snapshot, tables: readonly string[]): Array<{ table: string; canary: CanaryName }> {
  const out: Array<{ table: string; canary: CanaryName }> = [];
  for (const table of tables) {
    const b = before.canaries[table] ?? {};
    const a = after.canaries[table] ?? {};
    for (const name of Object.keys(a) as CanaryName[]) {
      if ((a[name] ?? 0) > (b[name] ?? 0)) out.push({ table, canary: name });
    }
  }
  return out;
}
