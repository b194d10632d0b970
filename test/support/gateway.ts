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
  id: string;
  text: string;
  token?: string;
  puppet?: { calls?: PuppetCall[]; text?: string };
  json?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One chat turn through the real HTTP app. */
export async function chat(app: App, o: ChatOptions) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
  if (o.json !== false) headers.accept = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.puppet) headers['x-puppet'] = encodePuppetScript(o.puppet);
  const body = o.body ?? { id: o.id, message: { id: 'm1', role: 'user', parts: [{ type: 'text', text: o.text }] } };
  return app.request('/v1/chat', { method: 'POST', headers, body: JSON.stringify(body) });
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
