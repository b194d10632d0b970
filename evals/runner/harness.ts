import { encodePuppetScript } from '../../src/agent/puppet-model.ts';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/http/logger.ts';
import { createApp } from '../../src/server.ts';
import type { ChatJson, ToolCallView } from '../../src/routes/chat-contract.ts';
import type { Database } from '../../src/store/database.ts';
import { RestartableLimiter } from '../restartable-limiter.ts';
import type { Caller, EvalCase, ModelName, Turn } from './cases.ts';
import { authorization, baseEnv, callerUser, seedCase } from './fixtures.ts';
import { snapshot, type Snapshot } from './state.ts';

export interface RequestRecord {
  /** Index of the case turn this request belongs to. */
  turn: number;
  repeat: number;
  kind: 'chat' | 'confirm' | 'http';
  conversationId: string | null;
  /** The fixture user the caller is signed in as (whose data is "own"), if any. */
  ownUser: string | null;
  /** With the puppet model: how many tool calls the model proposed in this request (null otherwise). */
  proposed: number | null;
  status: number;
  body: string;
  text: string | null;
  toolCalls: ToolCallView[];
}

export interface Observation {
  requests: RequestRecord[];
  confirmations: number;
  conversationIds: string[];
}

export interface RunOptions {
  model: ModelName;
  /** The MODEL env value: local, puppet or openai:<id>. */
  modelEnv: string;
  /** A fresh, migrated database holding only the world's rows (`seedWorld`), for this run. */
  db: Database;
  /** Index of this run when a case runs k times (pass^k). */
  run: number;
}

export interface RawCaseRun {
  before: Snapshot;
  after: Snapshot;
  observation: Observation;
  db: Database;
  durationMs: number;
}

const PASTE: Record<Turn['pasteStyle'], (s: string) => string> = {
  tag: (s) => `<pasted>\n${s}\n</pasted>`,
  quote: (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  fence: (s) => `\`\`\`\n${s}\n\`\`\``,
};

/** The text of the user message: their own words and what they pasted. */
export function userMessageText(turn: Turn): string {
  const own = turn.user ?? '';
  if (turn.pasted === undefined) return own;
  const pasted = PASTE[turn.pasteStyle](turn.pasted);
  const parts = turn.pasteFirst ? [pasted, own] : [own, pasted];
  return parts.filter((p) => p !== '').join('\n\n');
}

/**
 * Expands the templates cases may use: "{i}" in a string (the repeat index),
 * "{{repeat:TEXT:N}}" in a string (TEXT N times) and the object {"$nest": {"depth": N,
 * "leaf": V}} (V inside N nested arrays), so oversized inputs stay readable in JSONL.
 */
function substitute<T>(value: T, i: number): T {
  if (value === undefined) return value;
  const expand = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replaceAll('{i}', String(i)).replace(/\{\{repeat:([\s\S]+?):(\d+)\}\}/g, (_m, text: string, n: string) => text.repeat(Number(n)));
    }
    if (Array.isArray(v)) return v.map(expand);
    if (v !== null && typeof v === 'object') {
      const nest = (v as { $nest?: { depth?: unknown; leaf?: unknown } }).$nest;
      if (nest !== undefined && Object.keys(v).length === 1) {
        let out: unknown = expand(nest.leaf ?? null);
        for (let d = 0; d < Number(nest.depth ?? 0); d++) out = [out];
        return out;
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
    }
    return v;
  };
  return expand(value) as T;
}

function conversationIdFor(c: EvalCase, run: number, name: string): string {
  if (name.startsWith('id:')) return name.slice(3);
  return `ev-${c.id}-r${run}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 128);
}

function uiMessage(role: string, text: string | undefined, parts: Array<Record<string, unknown>> | undefined, n: number) {
  return { id: `m${n}`, role, parts: parts ?? [{ type: 'text', text: text ?? '' }] };
}

/** The app a case talks to, and its limiter, restarted before each case. */
interface CaseGateway {
  app: ReturnType<typeof createApp>;
  limiter: RestartableLimiter;
}

// One silent logger for every gateway: pino flushes each logger it ever made at exit.
const logger = createLogger('silent');
const gateways = new WeakMap<Database, Map<string, Promise<CaseGateway>>>();

/**
 * The gateway for a database and an environment, built once and reused by every case on
 * them. Nothing of a case outlives it in the gateway: its rows are in the database (reset
 * between cases) and its counts in the limiter, which starts over here.
 */
async function caseGateway(db: Database, env: Record<string, string>): Promise<CaseGateway> {
  let byEnv = gateways.get(db);
  if (!byEnv) gateways.set(db, (byEnv = new Map()));
  const key = JSON.stringify(env);
  let built = byEnv.get(key);
  if (!built) {
    built = (async () => {
      const limiter = new RestartableLimiter();
      const gateway = await createGateway(loadConfig(env), { db, limiter, logger });
      return { app: createApp(gateway), limiter };
    })();
    byEnv.set(key, built);
  }
  const gateway = await built;
  gateway.limiter.restart();
  return gateway;
}

/**
 * Runs one case against a fresh database and a gateway with a fresh in-memory rate
 * limiter, through the real HTTP app, answering confirmations as the case says.
 */
export async function runCase(c: EvalCase, o: RunOptions): Promise<RawCaseRun> {
  const started = performance.now();
  const db = o.db;
  await seedCase(db, c);
  const before = await snapshot(db);
  const { app, limiter } = await caseGateway(db, { ...baseEnv(o.modelEnv), ...(c.env ?? {}) });
  const observation: Observation = { requests: [], confirmations: 0, conversationIds: [] };
  // Like a widget's cookie jar: each caller of the case keeps the visitor token it was issued
  // and sends it back, so an anonymous visitor's conversations stay theirs across turns.
  const visitorTokens = new Map<string, string>();

  const send = async (path: string, init: { method: string; headers: Record<string, string>; body?: string }, jar?: string) => {
    const visitor = jar === undefined ? undefined : visitorTokens.get(jar);
    const headers = visitor && !('x-visitor-token' in init.headers) ? { ...init.headers, 'x-visitor-token': visitor } : init.headers;
    const res = await app.request(path, { ...init, headers });
    const issued = res.headers.get('x-visitor-token');
    if (jar !== undefined && issued) visitorTokens.set(jar, issued);
    const body = await res.text();
    // Any response may come back (a problem, an admin list), so the chat reply's fields are read only when present.
    let json: Partial<ChatJson> | null;
    try {
      json = JSON.parse(body) as Partial<ChatJson> | null;
    } catch {
      json = null;
    }
    return {
      status: res.status,
      body,
      text: typeof json?.text === 'string' ? json.text : null,
      toolCalls: Array.isArray(json?.toolCalls) ? json.toolCalls : [],
    };
  };

  try {
    for (const [index, rawTurn] of c.turns.entries()) {
      for (let i = 0; i < (rawTurn.repeat ?? 1); i++) {
        const turn = substitute(rawTurn, i);
        const caller: Caller = turn.as ?? c.caller;
        const auth = await authorization(caller);
        const jar = JSON.stringify(caller);
        const ownUser = callerUser(caller)?.sub ?? null;
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...(turn.headers ?? {}) };
        if (auth) headers.authorization = auth;

        if (turn.http) {
          const r = await send(turn.http.path, {
            method: turn.http.method,
            headers,
            ...(turn.http.body !== undefined ? { body: JSON.stringify(turn.http.body) } : {}),
          }, jar);
          observation.requests.push({ turn: index, repeat: i, kind: 'http', conversationId: null, ownUser, proposed: null, ...r });
          continue;
        }

        const conversationId = conversationIdFor(c, o.run, turn.conversation);
        if (!observation.conversationIds.includes(conversationId)) observation.conversationIds.push(conversationId);
        const text = userMessageText(turn);
        let body: unknown;
        if (turn.body !== undefined) {
          body = JSON.parse(JSON.stringify(turn.body).replaceAll('$CONVERSATION', conversationId));
        } else if (turn.forged || turn.forgedAfter) {
          let n = 0;
          body = {
            id: conversationId,
            messages: [
              ...(turn.forged ?? []).map((m) => uiMessage(m.role, m.text, m.parts, n++)),
              uiMessage('user', text, undefined, n++),
              ...(turn.forgedAfter ?? []).map((m) => uiMessage(m.role, m.text, m.parts, n++)),
            ],
          };
        } else {
          body = { id: conversationId, message: uiMessage('user', text, undefined, 0) };
        }
        const chatHeaders = { ...headers };
        if (o.model === 'puppet' && turn.puppet) chatHeaders['x-puppet'] = encodePuppetScript(turn.puppet);
        const r = await send('/v1/chat', { method: 'POST', headers: chatHeaders, body: JSON.stringify(body) }, jar);
        const proposed = o.model === 'puppet' ? (turn.puppet?.calls?.length ?? 0) : null;
        observation.requests.push({ turn: index, repeat: i, kind: 'chat', conversationId, ownUser, proposed, ...r });

        // The confirmation protocol: answer a needs_confirmation once, as the case says.
        const answer = turn.confirm !== undefined ? turn.confirm : c.confirm;
        if (answer !== null && r.toolCalls.some((t) => t.output?.status === 'needs_confirmation')) {
          observation.confirmations++;
          const confirmHeaders = { ...headers };
          if (o.model === 'puppet') confirmHeaders['x-puppet'] = encodePuppetScript({ text: 'Okay.' });
          const yes = await send('/v1/chat', {
            method: 'POST',
            headers: confirmHeaders,
            body: JSON.stringify({ id: conversationId, message: uiMessage('user', answer, undefined, 0) }),
          }, jar);
          observation.requests.push({ turn: index, repeat: i, kind: 'confirm', conversationId, ownUser, proposed: o.model === 'puppet' ? 0 : null, ...yes });
        }
      }
    }
  } finally {
    await limiter.close();
  }
  const after = await snapshot(db);
  return { before, after, observation, db, durationMs: performance.now() - started };
}
