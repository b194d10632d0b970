import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { testDatabases } from '../../test/support/databases.ts';
import { appendAudit, recordAudit, verifyAuditChain, type AuditEntry } from './audit.ts';
import { saveLeadSql } from './contacts.ts';
import { recordOneStatementWrite } from './effects.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open.ts';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  requestId: 'req-1',
  conversationId: 'conv_store_1',
  actor: 'anon',
  kind: 'tool_call',
  tool: 'capture_lead',
  args: { name: 'Ada', email: '***@example.com' },
  argsDigest: 'abc',
  decision: 'allowed',
  reason: null,
  confidence: 0.91,
  idempotencyKey: 'k1',
  latencyMs: 1.234,
  outcome: 'done',
  ...over,
});

const TABLES = ['conversations', 'messages', 'contacts', 'tickets', 'billing_accounts', 'invoices', 'audit_log', 'outbox', 'tool_executions', 'pending_confirmations'];

for (const backend of testDatabases()) {
  describe(`storage on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);

    test('migrations are idempotent: a second run applies nothing', async () => {
      assert.deepEqual(await migrate(db), []);
    });

    test('every gateway table has row-level security enabled', async () => {
      const rows = await db.query<{ relname: string; relrowsecurity: boolean }>(
        `select relname, relrowsecurity from pg_class where relname = any($1::text[]) and relkind = 'r'`,
        [TABLES],
      );
      assert.equal(rows.length, TABLES.length);
      for (const row of rows) assert.equal(row.relrowsecurity, true, row.relname);
    });

    test("a Supabase anon role with table grants still reads nothing", async () => {
      await db.transaction(async (tx) => {
        await tx.query(`insert into contacts (email, name) values ('rls@example.com', 'Rls Test') on conflict do nothing`);
        await tx.exec(`do $$ begin if not exists (select from pg_roles where rolname = 'anon') then create role anon nologin; end if; end $$;`);
        await tx.exec('grant usage on schema public to anon; grant select on all tables in schema public to anon;');
      });
      const seen = await db.transaction(async (tx) => {
        await tx.exec('set local role anon');
        return tx.query('select * from contacts');
      });
      assert.equal(seen.length, 0);
      const [owner] = await db.query<{ n: number }>(`select count(*)::int as n from contacts where email = 'rls@example.com'`);
      assert.equal(owner?.n, 1);
    });

    test('the audit chain verifies after appends and names the first broken link after tampering', async () => {
      // Its own database: the chain holds exactly these rows, whatever the other tests append.
      const own = await backend.open();
      try {
        for (let i = 0; i < 5; i++) await recordAudit(own.db, entry({ requestId: `req-${i}`, confidence: i / 10 }));
        const ok = await verifyAuditChain(own.db);
        assert.deepEqual(ok, { ok: true, checked: 5 });

        const [third] = await own.db.query<{ id: number }>('select id from audit_log order by id offset 2 limit 1');
        // Tampering needs the trigger out of the way, as a database superuser could do.
        await own.db.exec('alter table audit_log disable trigger audit_log_append_only');
        await own.db.query(`update audit_log set decision = 'denied' where id = $1`, [third!.id]);
        await own.db.exec('alter table audit_log enable trigger audit_log_append_only');
        const broken = await verifyAuditChain(own.db, 2);
        assert.deepEqual(broken, { ok: false, checked: 2, brokenAt: third!.id, problem: 'row content does not match its hash' });
      } finally {
        await own.drop();
      }
    });

    test('rows with and without a policy version share one chain, and a changed policy version breaks it', async () => {
      const own = await backend.open();
      try {
        await recordAudit(own.db, entry({ requestId: 'before-versions' }));
        await recordAudit(own.db, entry({ requestId: 'versioned', policyVersion: 'abcdef0123456789' }));
        await recordAudit(own.db, entry({ requestId: 'unversioned', policyVersion: null }));
        assert.deepEqual(await verifyAuditChain(own.db), { ok: true, checked: 3 });
        const rows = await own.db.query<{ policy_version: string | null }>('select policy_version from audit_log order by id');
        assert.deepEqual(rows.map((r) => r.policy_version), [null, 'abcdef0123456789', null]);
        await own.db.exec('alter table audit_log disable trigger audit_log_append_only');
        await own.db.query(`update audit_log set policy_version = '0000000000000000' where request_id = 'versioned'`);
        await own.db.exec('alter table audit_log enable trigger audit_log_append_only');
        const broken = await verifyAuditChain(own.db);
        assert.equal(broken.ok, false);
      } finally {
        await own.drop();
      }
    });

    test('the audit log refuses UPDATE, DELETE and TRUNCATE', async () => {
      await recordAudit(db, entry());
      await assert.rejects(db.query(`update audit_log set actor = 'x'`), (error: unknown) => /append-only/.test(String((error as { cause?: { message?: string } }).cause?.message)));
      await assert.rejects(db.query('delete from audit_log'), (error: unknown) => /append-only/.test(String((error as { cause?: { message?: string } }).cause?.message)));
      await assert.rejects(db.exec('truncate audit_log'), (error: unknown) => /append-only/.test(String((error as { cause?: { message?: string } }).cause?.message)));
    });

    test('an audit row rolls back with the transaction it belongs to', async () => {
      const before = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
      await assert.rejects(
        db.transaction(async (tx) => {
          await appendAudit(tx, entry({ requestId: 'rolled-back' }));
          throw new Error('domain write failed');
        }),
      );
      const afterRows = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
      assert.equal(afterRows[0]!.n, before[0]!.n);
    });

    describe('a write in one statement with its effects', () => {
      const lead = (email: string, key: string) => ({
        write: {
          domain: (first: number) =>
            saveLeadSql({ email, name: 'Ada', company: null, phone: null, notes: null, source: 'chat', conversationId: `conv_${key}` }, { owns: false, requester: 'visitor:v_1' }, first),
          result: { status: 'done', message: 'Saved.', contactId: null, sync: 'saved' },
          resultFromRow: ['contactId'],
          outbox: [
            { topic: 'crm.upsert_contact', payload: {}, when: 'saved', fromRow: ['contactId', 'created'] },
            { topic: 'crm.contact_inquiry', payload: { verified: false }, when: 'inquired', fromRow: ['contactId', 'inquiryId'] },
          ],
        },
        execution: { idempotencyKey: key, tool: 'capture_lead', conversationId: `conv_${key}` },
        dedupeBase: key,
        audit: entry({ requestId: `req-${key}`, conversationId: `conv_${key}`, idempotencyKey: key }),
      });
      const rowsOf = async (key: string) => ({
        executions: await db.query<{ result: Record<string, unknown> }>('select result from tool_executions where idempotency_key = $1', [key]),
        outbox: await db.query<{ topic: string; payload: Record<string, unknown>; dedupe_key: string; correlation_id: string }>(
          'select topic, payload, dedupe_key, correlation_id from outbox where dedupe_key like $1 order by id',
          [`${key}:%`],
        ),
        audit: await db.query<{ outcome: string }>('select outcome from audit_log where idempotency_key = $1', [key]),
      });

      test('writes the contact, the result with its id, the outbox row and the audit row; the same email again is an inquiry', async () => {
        const first = await recordOneStatementWrite(db, lead('one-statement@example.com', 'ose-1'));
        const [contact] = await db.query<{ id: string }>(`select id from contacts where email = 'one-statement@example.com'`);
        assert.deepEqual(first?.result, { status: 'done', message: 'Saved.', contactId: contact!.id, sync: 'saved' });
        assert.deepEqual(Object.keys(first!.result), ['status', 'message', 'contactId', 'sync'], 'the result keeps its order');
        const one = await rowsOf('ose-1');
        assert.deepEqual(one.executions.map((e) => e.result), [first!.result]);
        assert.deepEqual(
          one.outbox.map((o) => [o.topic, o.payload, o.dedupe_key, o.correlation_id]),
          [['crm.upsert_contact', { contactId: contact!.id, created: true }, 'ose-1:0:crm.upsert_contact', 'req-ose-1']],
        );
        assert.deepEqual(one.audit.map((a) => a.outcome), ['done']);

        const second = await recordOneStatementWrite(db, lead('one-statement@example.com', 'ose-2'));
        assert.equal(second?.result.contactId, contact!.id);
        const [inquiry] = await db.query<{ id: string }>('select id from contact_inquiries where contact_id = $1', [contact!.id]);
        const two = await rowsOf('ose-2');
        assert.deepEqual(
          two.outbox.map((o) => [o.topic, o.payload, o.dedupe_key]),
          [['crm.contact_inquiry', { contactId: contact!.id, inquiryId: inquiry!.id, verified: false }, 'ose-2:0:crm.contact_inquiry']],
        );
      });

      test('an idempotency key another execution holds fails the statement whole: nothing of it is written', async () => {
        await db.query(`insert into tool_executions (idempotency_key, tool, result) values ('ose-taken', 'capture_lead', '{"status":"done"}')`);
        const auditBefore = await db.query<{ n: number }>('select count(*)::int as n from audit_log');
        assert.equal(await recordOneStatementWrite(db, lead('lost-race@example.com', 'ose-taken')), null);
        assert.equal((await db.query(`select 1 from contacts where email = 'lost-race@example.com'`)).length, 0);
        const rows = await rowsOf('ose-taken');
        assert.deepEqual([rows.outbox.length, rows.audit.length], [0, 0]);
        assert.deepEqual(await db.query<{ n: number }>('select count(*)::int as n from audit_log'), auditBefore);
      });
    });

    test('concurrent appends keep one unbroken chain', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, entry({ requestId: `par-${i}` }))));
      const rows = await db.query<{ prev_hash: string }>('select prev_hash from audit_log');
      assert.equal(new Set(rows.map((r) => r.prev_hash)).size, rows.length, 'no two rows share a predecessor');
    });
  });
}

test('embedded data survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toolgate-'));
  try {
    const first = await openDatabase({ dataDir: dir });
    await first.query(`insert into contacts (email, name) values ('keep@example.com', 'Kept')`);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.query<{ name: string }>(`select name from contacts where email = 'keep@example.com'`);
    await second.close();
    assert.deepEqual(rows.map((r) => r.name), ['Kept']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Postgres data survives a reconnect', { skip: !process.env.DATABASE_URL && !process.env.CI && 'DATABASE_URL not set' }, async () => {
  const { freshPostgres } = await import('../../test/support/databases.ts');
  const fresh = await freshPostgres(process.env.DATABASE_URL!);
  try {
    await fresh.db.query(`insert into contacts (email, name) values ('keep@example.com', 'Kept')`);
    const again = await openDatabase({ databaseUrl: fresh.url });
    const rows = await again.query<{ name: string }>(`select name from contacts where email = 'keep@example.com'`);
    await again.close();
    assert.deepEqual(rows.map((r) => r.name), ['Kept']);
  } finally {
    await fresh.drop();
  }
});

test('Postgres migrations are not cut short by the request statement timeout', { skip: !process.env.DATABASE_URL && !process.env.CI && 'DATABASE_URL not set' }, async () => {
  const { freshPostgres } = await import('../../test/support/databases.ts');
  const fresh = await freshPostgres(process.env.DATABASE_URL!);
  const holder = new pg.Client({ connectionString: fresh.url });
  await holder.connect();
  try {
    // Another gateway holding the migration lock for longer than a statement may take.
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock(7361001)');
    const opening = openDatabase({ databaseUrl: fresh.url, statementTimeoutMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await holder.query('commit');
    const db = await opening;
    const rows = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    await db.close();
    assert.ok(rows[0]!.n > 0);
  } finally {
    await holder.end();
    await fresh.drop();
  }
});
