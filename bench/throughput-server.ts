import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { Hono } from 'hono';
import { loadSystemPrompt } from '../src/agent/prompt.ts';
import { createPuppetModel } from '../src/agent/puppet-model.ts';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/http/logger.ts';
import { createRateLimiter } from '../src/policy/rate-limit/index.ts';
import { createApp } from '../src/server.ts';
import { openPostgres } from '../src/store/postgres.ts';

/**
 * `tsx bench/throughput-server.ts gateway|bare <DATABASE_URL>`: one server process for
 * the throughput benchmark, so its CPU time can be read from outside without the load
 * generator's. Prints its port on stdout once listening.
 *
 * - gateway: toolgate as `npm start` builds it (puppet model, info logs to a sink).
 * - bare: Hono + `streamText` straight from the AI SDK docs, whose `capture_lead` tool
 *   performs the same domain write (contact upsert + outbox row in one transaction),
 *   with no policy, history, audit, rate limit or output gate.
 */

const SYSTEM_PROMPT_FILE = fileURLToPath(new URL('../prompts/system.md', import.meta.url));
const [mode, databaseUrl] = process.argv.slice(2);
if ((mode !== 'gateway' && mode !== 'bare') || !databaseUrl) {
  process.stderr.write('usage: throughput-server.ts gateway|bare <DATABASE_URL>\n');
  process.exit(2);
}

async function gatewayFetch() {
  const config = loadConfig({ MODEL: 'puppet', LOG_LEVEL: 'info', TRUST_PROXY: 'true', SYSTEM_PROMPT_FILE, DATABASE_URL: databaseUrl! });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const gateway = await createGateway(config, { logger: createLogger(config.LOG_LEVEL, { destination: sink }), limiter: createRateLimiter({ kind: 'memory' }) });
  return createApp(gateway).fetch;
}

const leadInput = jsonSchema<{ name: string; email: string }>({
  type: 'object',
  properties: { name: { type: 'string' }, email: { type: 'string' } },
  required: ['name', 'email'],
  additionalProperties: false,
});

async function bareFetch() {
  const db = await openPostgres(databaseUrl!);
  const system = loadSystemPrompt(SYSTEM_PROMPT_FILE);
  const app = new Hono();
  app.post('/v1/chat', async (c) => {
    const body = await c.req.json<{ id: string; message: { parts: Array<{ type: string; text?: string }> } }>();
    const text = body.message.parts.map((p) => p.text ?? '').join('\n');
    const script = JSON.parse(Buffer.from(c.req.header('x-puppet') ?? '', 'base64url').toString('utf8'));
    const result = streamText({
      model: createPuppetModel(script),
      system,
      messages: [{ role: 'user', content: text }],
      stopWhen: stepCountIs(2),
      tools: {
        capture_lead: tool({
          description: 'Save a sales lead.',
          inputSchema: leadInput,
          execute: (input) =>
            db.transaction(async (tx) => {
              const [row] = await tx.query<{ id: string }>(
                `insert into contacts (email, name, first_conversation_id, last_conversation_id) values ($1, $2, $3, $3)
                 on conflict (email) do update set last_conversation_id = excluded.last_conversation_id, updated_at = now()
                 returning id`,
                [input.email, input.name, body.id],
              );
              await tx.query(`insert into outbox (topic, payload) values ('crm.upsert_contact', $1::jsonb)`, [JSON.stringify({ contactId: row!.id })]);
              return { status: 'done', message: `Thanks ${input.name}.`, contactId: row!.id };
            }),
        }),
      },
    });
    return result.toUIMessageStreamResponse();
  });
  return app.fetch;
}

const fetch = mode === 'gateway' ? await gatewayFetch() : await bareFetch();
const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
// A clean exit on SIGINT, so `--cpu-prof` can write its profile.
process.once('SIGINT', () => server.close(() => process.exit(0)));
