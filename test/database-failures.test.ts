import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { DATABASE_LOST_MESSAGE } from '../src/agent/turn.ts';
import { createRateLimiter, type RateLimiter } from '../src/policy/rate-limit/index.ts';
import { verifyAuditChain } from '../src/store/audit.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { freshPostgres } from './support/databases.ts';
import { ADMIN_TOKEN, chat, newConversationId, testGateway } from './support/gateway.ts';
import { tcpProxy } from './support/tcp-proxy.ts';

/**
 * Failures stay honest: the database really goes away (PGlite closed; Postgres behind a TCP
 * relay that is cut), mid-turn and between requests. A call runs only with its audit row, the
 * turn stops and says so, errors are 503 database_unavailable with Retry-After, and afterwards
 * the audit log and the history agree with what was done.
 */

interface LossyDatabase {
  /** What the gateway uses. */
  db: Database;
  /** Takes the database away from the gateway. */
  lose(): Promise<void>;
  /** A fresh connection for checking what was stored (after `lose`). */
  inspect(): Promise<Database>;
  cleanup(): Promise<void>;
}

const backends: Array<{ name: string; open(options?: { inspectAfterLoss?: boolean }): Promise<LossyDatabase> }> = [
  {
    name: 'pglite',
    async open(options = {}) {
      // On disk only when the test reads the data back after closing (initdb on disk is slow under WASM).
      const dir = options.inspectAfterLoss ? mkdtempSync(join(tmpdir(), 'toolgate-loss-')) : undefined;
      const db = await openPglite(dir);
      await migrate(db);
      let reopened: Database | null = null;
      return {
        db,
        lose: () => db.close(),
        async inspect() {
          if (!dir) throw new Error('open with inspectAfterLoss to read the data back');
          reopened ??= await openPglite(dir);
          return reopened;
        },
        async cleanup() {
          await reopened?.close();
          if (dir) rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
async function openWithRetries<T>(open: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl && process.env.CI) throw new Error('DATABASE_URL must be set in CI');
if (adminUrl) {
  backends.push({
    name: 'postgres',
    async open() {
      const fresh = await freshPostgres(adminUrl);
      const proxy = await tcpProxy({ host: new URL(adminUrl).hostname, port: Number(new URL(adminUrl).port || 5432) });
      // The short timeouts are what the suite tests once the database is lost; opening is set-up,
      // and a loaded machine may take longer than them to answer the first connect, so it is retried.
      const db = await openWithRetries(() => openPostgres(proxy.url(fresh.url), { statementTimeoutMs: 1000, connectTimeoutMs: 1000 }));
      return {
        db,
        lose: () => proxy.stop(),
        inspect: async () => fresh.db,
        async cleanup() {
          await db.close().catch(() => {});
          await fresh.drop();
        },
      };
    },
  });
}

/** The real in-memory limiter, which also runs `onKey` when a key with the given prefix is counted (mid-pipeline). */
function limiterWithHook(prefix: string, onKey: () => Promise<void>): RateLimiter {
  const inner = createRateLimiter({ kind: 'memory' });
  let fired = false;
  return {
    async limit(key, rule) {
      if (!fired && key.startsWith(prefix)) {
        fired = true;
        await onKey();
      }
      return inner.limit(key, rule);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

async function stateOf(db: Database, conversationId: string, email: string) {
  const [row] = await db.query<{ audits: number; allowed: number; contacts: number; tickets: number; messages: number; users: number }>(
    `select (select count(*) from audit_log where conversation_id = $1 and kind = 'tool_call') as audits,
            (select count(*) from audit_log where conversation_id = $1 and decision = 'allowed' and outcome = 'done') as allowed,
            (select count(*) from contacts where email = $2) as contacts,
            (select count(*) from tickets where conversation_id = $1) as tickets,
            (select count(*) from messages where conversation_id = $1) as messages,
            (select count(*) from messages where conversation_id = $1 and role = 'user') as users`,
    [conversationId, email],
  );
  return row!;
}

const turnScript = (email: string) => ({
  text: 'Done.',
  calls: [
    { tool: 'capture_lead', args: { name: 'Ann Lee', email }, confidence: 1 },
    { tool: 'escalate_ticket', args: { subject: 'Login broken', summary: 'I cannot log in.', category: 'technical' }, confidence: 1 },
    { tool: 'capture_lead', args: { name: 'Ann Lee', email, company: 'Acme' }, confidence: 1 },
  ],
});

for (const backend of backends) {
  describe(`database failures on ${backend.name}`, async () => {
    // Two databases per backend (PGlite's initdb is slow): one lost mid-turn and read back, then
    // reused lost; one whose audit log refuses rows, then lost mid-stream.
    const lost = await backend.open({ inspectAfterLoss: true });
    const refusing = await backend.open();
    after(async () => {
      await lost.cleanup();
      await refusing.cleanup();
    });

    test('the database lost between two calls of a turn: the turn stops and says so; what ran is audited, nothing else ran', async () => {
      const { app } = await testGateway(lost.db, {}, limiterWithHook('escalate_ticket:', () => lost.lose()));
      const id = newConversationId();
      const email = 'ann.loss@example.com';
      const res = await chat(app, { id, text: `I'm Ann Lee, ${email}. I cannot log in, please open a ticket.`, puppet: turnScript(email) });
      assert.equal(res.status, 200);
      const reply = await res.json();
      assert.equal(reply.toolCalls.length, 1, 'only the call made before the loss is reported');
      assert.equal(reply.toolCalls[0].decision, 'allowed');
      assert.ok(reply.text.includes(DATABASE_LOST_MESSAGE));

      const db = await lost.inspect();
      const state = await stateOf(db, id, email);
      assert.deepEqual(
        { audits: state.audits, allowed: state.allowed, contacts: state.contacts, tickets: state.tickets, users: state.users },
        { audits: 1, allowed: 1, contacts: 1, tickets: 0, users: 1 },
      );
      assert.equal((await verifyAuditChain(db)).ok, true);
    });

    test('with the database gone, chat and admin answer 503 database_unavailable with Retry-After, and /readyz 503, promptly', async () => {
      // A configured visitor key: with none, the gateway would read its stored key at boot.
      const { app, log } = await testGateway(lost.db, { VISITOR_TOKEN_SECRET: 'visitor-secret-for-the-lost-database-test-0123456789' });
      const started = Date.now();
      const responses = [
        await chat(app, { id: newConversationId(), text: 'hello' }),
        await app.request('/admin/v1/audit', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      ];
      for (const res of responses) {
        assert.equal(res.status, 503);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.ok(Number(res.headers.get('retry-after')) > 0);
        const body = await res.json();
        assert.equal(body.code, 'database_unavailable');
        assert.doesNotMatch(JSON.stringify(body), /ECONNREFUSED|PGlite|stack|terminated/i);
      }
      assert.equal((await app.request('/readyz')).status, 503);
      assert.ok(Date.now() - started < 8000, 'no hang past the connect timeout');
      assert.ok(log.lines.some((l) => l.includes('"database":"unavailable"')));
    });

    test('a call whose audit row cannot be written is not executed, and the turn stops there', async () => {
      const { app } = await testGateway(refusing.db);
      // The audit log refuses rows for capture_lead: its write must roll back with it.
      await refusing.db.exec(`alter table audit_log add constraint refuse_capture check (tool is distinct from 'capture_lead') not valid`);
      const id = newConversationId();
      const email = 'ann.noaudit@example.com';
      const res = await chat(app, { id, text: `I'm Ann Lee, ${email}. I cannot log in, please open a ticket.`, puppet: turnScript(email) });
      assert.equal(res.status, 200);
      const reply = await res.json();
      assert.equal(reply.toolCalls.length, 0);
      const state = await stateOf(refusing.db, id, email);
      assert.deepEqual({ audits: state.audits, contacts: state.contacts, tickets: state.tickets }, { audits: 0, contacts: 0, tickets: 0 });
    });

    test('a denial whose audit row cannot be written is not returned as if recorded, and no later call runs', async () => {
      const { app } = await testGateway(refusing.db);
      const id = newConversationId();
      const email = 'ann.denied@example.com';
      // Not grounded (the user never typed this email): denied, but its audit row fails.
      const res = await chat(app, { id, text: `I'm Ann Lee, ${email}. Please open a ticket.`, puppet: turnScript('someone.else@example.com') });
      const reply = await res.json();
      assert.equal(reply.toolCalls.length, 0);
      assert.equal((await stateOf(refusing.db, id, email)).tickets, 0);
      await refusing.db.exec('alter table audit_log drop constraint refuse_capture');
    });

    test('in the stream too, the user is told the turn stopped', async () => {
      const { app } = await testGateway(refusing.db, {}, limiterWithHook('escalate_ticket:', () => refusing.lose()));
      const email = 'ann.stream@example.com';
      const res = await chat(app, { id: newConversationId(), json: false, text: `I'm Ann Lee, ${email}. Open a ticket.`, puppet: turnScript(email) });
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.ok(body.includes(JSON.stringify(DATABASE_LOST_MESSAGE).slice(1, 40)), body);
    });
  });
}

if (adminUrl) {
  describe('statement timeout on postgres', () => {
    test('a statement blocked past DATABASE_STATEMENT_TIMEOUT_MS is 503 database_unavailable, not a hang', async () => {
      const fresh = await freshPostgres(adminUrl);
      const db = await openPostgres(fresh.url, { statementTimeoutMs: 300 });
      after(async () => {
        await db.close();
        await fresh.drop();
      });
      const { app } = await testGateway(db);
      const blocker = new pg.Client({ connectionString: fresh.url });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table conversations in access exclusive mode');
      try {
        const started = Date.now();
        const res = await chat(app, { id: newConversationId(), text: 'hello' });
        assert.equal(res.status, 503);
        assert.equal((await res.json()).code, 'database_unavailable');
        assert.ok(Date.now() - started < 3000);
      } finally {
        await blocker.query('rollback');
        await blocker.end();
      }
    });
  });
}
