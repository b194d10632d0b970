import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/http/logger.ts';
import { encodePuppetScript } from '../../src/agent/puppet-model.ts';
import { createRateLimiter, type RateLimiter } from '../../src/policy/rate-limit/index.ts';
import type { ChatJson } from '../../src/routes/chat-contract.ts';
import type { Database } from '../../src/store/database.ts';
import { createApp } from '../../src/server.ts';

export const JWT_SECRET = 'test-jwt-secret-with-enough-length-0123456789';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const STRIPE_WEBHOOK_SECRET = 'whsec_test_secret_0123456789abcdef';

/** Log lines captured in memory, so tests can assert what is (not) logged. */
export function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', { destination: stream }) };
}

export type App = ReturnType<typeof createApp>;
export type { ChatJson };

export async function testGateway(db: Database, env: Record<string, string> = {}, limiter?: RateLimiter) {
  const config = loadConfig({
    MODEL: 'puppet',
    SUPABASE_JWT_SECRET: JWT_SECRET,
    ADMIN_TOKEN,
    STRIPE_WEBHOOK_SECRET,
    PUBLIC_BASE_URL: 'https://gateway.test',
    ...env,
  });
  const log = memoryLog();
  const gateway: Gateway = await createGateway(config, {
    db,
    logger: log.logger,
    limiter: limiter ?? createRateLimiter({ kind: 'memory' }),
  });
  return { gateway, app: createApp(gateway), log };
}

export async function userToken(sub: string, claims: Record<string, unknown> = {}, secret = JWT_SECRET) {
  return new SignJWT({ aud: 'authenticated', role: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

let counter = 0;
export const newConversationId = () =>
  `conv_${Date.now().toString(36)}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export interface PuppetCall {
  tool: string;
  args: unknown;
  confidence?: number;
}

export interface ChatOptions {
  /** The conversation id; omitted from the body when undefined (the server then generates one). */
  id?: string;
  text: string;
  token?: string;
  puppet?: { calls?: PuppetCall[]; text?: string };
  json?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * By default an anonymous conversation is one visitor's (one browser per conversation id): the
   * visitor token of its last answer is sent back. A string sends that token instead (one visitor
   * across conversations), null sends none (a new visitor).
   */
  visitor?: string | null;
}

/** Per app and conversation id, the visitor token a widget's cookie jar would keep. */
const visitorJar = new WeakMap<App, Map<string, string>>();
const jarOf = (app: App) => visitorJar.get(app) ?? visitorJar.set(app, new Map()).get(app)!;

/** A fresh visitor: their token, from an answer to a request that carried none. */
export async function newVisitor(app: App): Promise<string> {
  const res = await app.request('/v1/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-puppet': encodePuppetScript({ text: 'hi' }) },
    body: JSON.stringify({ message: { id: 'm0', role: 'user', parts: [{ type: 'text', text: 'hello' }] } }),
  });
  const token = res.headers.get('x-visitor-token');
  if (res.status !== 200 || !token) throw new Error(`no visitor token (${res.status}): ${await res.text()}`);
  return token;
}

/** One chat turn through the real HTTP app. */
export async function chat(app: App, o: ChatOptions) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
  if (o.json !== false) headers.accept = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.puppet) headers['x-puppet'] = encodePuppetScript(o.puppet);
  const jarred = !o.token && o.visitor === undefined && o.id !== undefined && !('x-visitor-token' in headers);
  const visitor = jarred ? jarOf(app).get(o.id!) : o.visitor;
  if (!o.token && visitor) headers['x-visitor-token'] = visitor;
  const message = { id: 'm1', role: 'user', parts: [{ type: 'text', text: o.text }] };
  const body = o.body ?? (o.id === undefined ? { message } : { id: o.id, message });
  const res = await app.request('/v1/chat', { method: 'POST', headers, body: JSON.stringify(body) });
  const issued = res.headers.get('x-visitor-token');
  if (jarred && issued) jarOf(app).set(o.id!, issued);
  return res;
}

export async function chatJson(app: App, o: ChatOptions): Promise<ChatJson> {
  const res = await chat(app, o);
  if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ChatJson;
}

export async function adminGet(app: App, path: string) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return (await res.json()) as { items: Array<Record<string, any>> } & Record<string, any>;
}
