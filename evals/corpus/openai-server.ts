import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RightCall } from './calls.ts';

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 that answers from a
 * script: when the user messages of a request are exactly a line's turns, it returns
 * that line's right tool call, with no confidence of any kind (as OpenAI does), so the
 * gateway's own estimate decides whether to ask for confirmation. Every other request
 * (earlier turns, the answer after a tool result, a "yes") gets a short text.
 */

interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content?: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

export const SCRIPTED_API_KEY = 'sk-corpus-scripted-0000';

/** The key the server looks a request up by: the user messages, in order. */
export function conversationKey(userTexts: string[]): string {
  return JSON.stringify(userTexts);
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p: { type?: string; text?: string }) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('\n');
  }
  return '';
}

export interface ScriptedServer {
  baseURL: string;
  /** Requests answered with a tool call. */
  toolCallsServed: number;
  close(): Promise<void>;
}

export async function startScriptedOpenAI(script: Map<string, RightCall>): Promise<ScriptedServer> {
  let sequence = 0;
  const state = { toolCallsServed: 0 };
  const server = createServer(async (req, res) => {
    const raw: Buffer[] = [];
    for await (const piece of req) raw.push(piece as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    }
    const body = JSON.parse(Buffer.concat(raw).toString('utf8')) as ChatRequest;
    const id = `chatcmpl-corpus${++sequence}`;
    const created = Math.floor(Date.now() / 1000);
    const afterTool = body.messages.at(-1)?.role === 'tool';
    const users = body.messages.filter((m) => m.role === 'user').map((m) => textOf(m.content));
    const call = afterTool ? undefined : script.get(conversationKey(users));
    const toolCall = call ? { id: `call_${sequence}`, name: call.tool, args: JSON.stringify(call.args) } : null;
    if (toolCall) state.toolCallsServed++;
    const text = toolCall ? '' : afterTool ? 'Done. Anything else?' : 'Thanks, tell me more.';
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

    if (!body.stream) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [
          {
            index: 0,
            message: toolCall
              ? { role: 'assistant', content: null, tool_calls: [{ id: toolCall.id, type: 'function', function: { name: toolCall.name, arguments: toolCall.args } }] }
              : { role: 'assistant', content: text },
            finish_reason: toolCall ? 'tool_calls' : 'stop',
          },
        ],
        usage,
      });
    }

    const withUsage = body.stream_options?.include_usage === true;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const send = (choice: { delta: Record<string, unknown>; finish_reason: string | null } | null, extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({
          id,
          object: 'chat.completion.chunk',
          created,
          model: body.model,
          choices: choice ? [{ index: 0, delta: choice.delta, finish_reason: choice.finish_reason }] : [],
          ...(withUsage ? { usage: null } : {}),
          ...extra,
        })}\n\n`,
      );
    if (toolCall) {
      send({ delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.name, arguments: '' } }] }, finish_reason: null });
      send({ delta: { tool_calls: [{ index: 0, function: { arguments: toolCall.args } }] }, finish_reason: null });
      send({ delta: {}, finish_reason: 'tool_calls' });
    } else {
      send({ delta: { role: 'assistant', content: '' }, finish_reason: null });
      send({ delta: { content: text }, finish_reason: null });
      send({ delta: {}, finish_reason: 'stop' });
    }
    if (withUsage) send(null, { usage });
    res.end('data: [DONE]\n\n');
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get toolCallsServed() {
      return state.toolCallsServed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
