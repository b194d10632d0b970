import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { encodePuppetScript } from '../../src/agent/puppet-model.ts';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/http/logger.ts';
import { createApp } from '../../src/server.ts';
import type { Database } from '../../src/store/database.ts';
import { invoiceReference } from '../../src/tools/check-billing.ts';
import { migratedPGlite, pgliteDatabase } from '../migrated-pglite.ts';
import { RestartableLimiter } from '../restartable-limiter.ts';

/**
 * Everything the corpus runner needs from the gateway and its schema, in one place:
 * an embedded database, a gateway built the way the server builds it (loadConfig +
 * createGateway + createApp, driven in process with `app.request`), signed callers,
 * seeded billing records and the committed rows the scorer reads. The rest of
 * evals/corpus/ depends only on the types below.
 */

export const JWT_SECRET = 'corpus-eval-jwt-secret-0123456789abcdef';
const SYSTEM_PROMPT_FILE = fileURLToPath(new URL('../../prompts/system.md', import.meta.url));

export type ModelEnv = { model: 'puppet' } | { model: 'local' } | { model: 'openai'; baseURL: string; apiKey: string };

/** One tool call as the JSON-mode client sees it. */
export interface ToolCallView {
  tool: string;
  args: unknown;
  decision: string;
  reason?: string;
  output: { status?: string; reason?: string; message?: string; [k: string]: unknown };
}

export interface ChatResult {
  status: number;
  text: string | null;
  toolCalls: ToolCallView[];
  /** The response body when it was not a chat document (a problem+json). */
  problem?: string;
}

export interface StoredState {
  contacts: Array<{ email: string; name: string; company: string | null; phone: string | null }>;
  tickets: Array<{ category: string; priority: string; subject: string; tags: unknown }>;
  audit: Array<{ tool: string | null; decision: string; reason: string | null; outcome: string | null }>;
}

export interface Caller {
  /** Bearer token of a signed-in customer; absent for an anonymous visitor. */
  token?: string;
  /** A distinct client address per line, so the per-IP chat limit never spans lines. */
  ip: string;
}

export interface PuppetCall {
  tool: string;
  args: unknown;
  confidence?: number;
}

/** One line's gateway over the sandbox database, with a fresh in-memory rate limiter and cookie jar. */
export interface LineGateway {
  chat(conversationId: string, text: string, caller: Caller, puppet?: { calls?: PuppetCall[]; text?: string }): Promise<ChatResult>;
  close(): Promise<void>;
}

/** An in-memory PGlite, migrated once; `reset` empties every table between lines. */
export interface Sandbox {
  db: Database;
  reset(): Promise<void>;
  /** A billing record (plan, two invoices, plus `invoice` as the customer typed it) for a signed-in customer. */
  seedCustomer(user: { sub: string; email: string; name: string; invoice?: string }): Promise<void>;
  read(): Promise<StoredState>;
  /**
   * The gateway for the next line. It is built once per model (config, app) and reused:
   * what a line leaves behind is in the database, which `reset` empties, and in the rate
   * limiter, which starts over here, so each line sees a freshly started gateway.
   */
  gateway(model: ModelEnv): Promise<LineGateway>;
  close(): Promise<void>;
}

// One silent logger for every gateway: pino flushes each logger it ever made at exit.
const logger = createLogger('silent');

function gatewayEnv(model: ModelEnv): Record<string, string> {
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    SUPABASE_JWT_SECRET: JWT_SECRET,
    SYSTEM_PROMPT_FILE,
    TRUST_PROXY: 'true',
    PUBLIC_BASE_URL: 'https://gateway.corpus.example',
    MODEL: model.model === 'openai' ? 'openai:corpus-scripted' : model.model,
  };
  if (model.model === 'openai') {
    env.OPENAI_API_KEY = model.apiKey;
    env.OPENAI_BASE_URL = model.baseURL;
  }
  return env;
}

export async function openSandbox(): Promise<Sandbox> {
  const pg = await migratedPGlite();
  const db = pgliteDatabase(pg);
  const tables = (
    await db.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by tablename`,
    )
  ).map((r) => `"${r.tablename}"`);
  // An invoice *number* column, should the schema grow one, gets the number as the customer typed it.
  const invoiceColumns = new Set(
    (await db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'invoices'`)).map(
      (r) => r.column_name,
    ),
  );
  const numberColumn = ['number', 'invoice_number'].find((c) => invoiceColumns.has(c));
  // The audit log refuses deletes by trigger: replica mode skips user triggers (and foreign-key
  // checks), for this one transaction only. Deleting is far cheaper than truncating here.
  const reset = ['begin', 'set local session_replication_role = replica', ...tables.map((t) => `delete from ${t}`), 'commit'].join(';\n');
  const apps = new Map<string, Promise<{ app: ReturnType<typeof createApp>; limiter: RestartableLimiter }>>();

  return {
    db,
    async reset() {
      await db.exec(reset);
    },
    async seedCustomer(user) {
      await db.query('insert into billing_accounts (user_id, email, plan, status, current_period_end) values ($1, $2, $3, $4, $5)', [
        user.sub,
        user.email.toLowerCase(),
        'Pro',
        'active',
        '2031-01-31T00:00:00Z',
      ]);
      const invoices: Array<{ id: string; number: string | null; status: string; daysAgo: number }> = [
        { id: `in_${user.sub.replace(/[^A-Za-z0-9]/g, '')}a`, number: null, status: 'paid', daysAgo: 60 },
        { id: `in_${user.sub.replace(/[^A-Za-z0-9]/g, '')}b`, number: null, status: 'paid', daysAgo: 30 },
      ];
      // The invoice the customer names is theirs: stored under that id, and as its number when the
      // schema has one, in the form Stripe prints it (the customer may have typed it full-width or
      // with another dash).
      if (user.invoice) {
        const printed = invoiceReference(user.invoice);
        invoices.push({ id: printed, number: printed, status: 'open', daysAgo: 1 });
      }
      for (const inv of invoices) {
        const cols = ['id', 'user_id', 'amount_due', 'currency', 'status', 'created_at'];
        const values: unknown[] = [inv.id, user.sub, 4900, 'usd', inv.status, new Date(Date.now() - inv.daysAgo * 86_400_000).toISOString()];
        if (numberColumn && inv.number) {
          cols.push(numberColumn);
          values.push(inv.number);
        }
        await db.query(`insert into invoices (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
      }
    },
    async read() {
      const [contacts, tickets, audit] = await Promise.all([
        db.query<StoredState['contacts'][number]>('select email, name, company, phone from contacts order by created_at, email'),
        db.query<StoredState['tickets'][number]>('select category, priority, subject, tags from tickets order by created_at'),
        db.query<StoredState['audit'][number]>(`select tool, decision, reason, outcome from audit_log where kind = 'tool_call' order by id`),
      ]);
      return { contacts, tickets, audit };
    },
    async gateway(model) {
      const key = JSON.stringify(model);
      let built = apps.get(key);
      if (!built) {
        built = (async () => {
          const limiter = new RestartableLimiter();
          const gateway = await createGateway(loadConfig(gatewayEnv(model)), { db, limiter, logger });
          return { app: createApp(gateway), limiter };
        })();
        apps.set(key, built);
      }
      const { app, limiter } = await built;
      limiter.restart();
      // What a widget's cookie jar does: an anonymous conversation's visitor token goes back with its next turn.
      const visitors = new Map<string, string>();
      return {
        async chat(conversationId, text, caller, puppet) {
          const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': caller.ip };
          if (caller.token) headers.authorization = `Bearer ${caller.token}`;
          const visitor = visitors.get(conversationId);
          if (!caller.token && visitor) headers['x-visitor-token'] = visitor;
          if (puppet) headers['x-puppet'] = encodePuppetScript(puppet);
          const res = await app.request('/v1/chat', {
            method: 'POST',
            headers,
            body: JSON.stringify({ id: conversationId, message: { id: 'm1', role: 'user', parts: [{ type: 'text', text }] } }),
          });
          const issued = res.headers.get('x-visitor-token');
          if (issued) visitors.set(conversationId, issued);
          const body = await res.text();
          try {
            const json = JSON.parse(body) as { text?: unknown; toolCalls?: unknown };
            if (res.status === 200 && Array.isArray(json.toolCalls)) {
              return { status: res.status, text: typeof json.text === 'string' ? json.text : null, toolCalls: json.toolCalls as ToolCallView[] };
            }
          } catch {
            // not JSON: reported as the problem below
          }
          return { status: res.status, text: null, toolCalls: [], problem: body.slice(0, 500) };
        },
        close: () => limiter.close(),
      };
    },
    close: () => pg.close(),
  };
}

/** A Supabase-style HS256 access token for a signed-in customer. */
export function userToken(user: { sub: string; email: string; name: string }): Promise<string> {
  return new SignJWT({ aud: 'authenticated', role: 'authenticated', email: user.email, user_metadata: { full_name: user.name } })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}
