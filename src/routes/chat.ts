import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { DATABASE_LOST_MESSAGE, runTurn } from '../agent/turn.ts';
import { PuppetDisabledError } from '../agent/models.ts';
import { PuppetScriptError } from '../agent/puppet-model.ts';
import type { Gateway } from '../gateway.ts';
import { problem } from '../http/problem.ts';
import { createRouter, type GatewayEnv } from '../http/router.ts';
import { callerSession } from '../http/session.ts';
import { metrics, secondsSince } from '../observability/metrics.ts';
import type { ToolOutcome } from '../policy/enforce.ts';
import { CHAT_PER_IP_RULE, RateLimitUnavailableError } from '../policy/rate-limit/index.ts';
import type { Session } from '../tools/session.ts';
import { classifyDatabaseError } from '../store/classify-database-error.ts';
import { openConversation } from '../store/conversations.ts';
import { chatRoute } from './chat-contract.ts';
import { collectTurn, turnStreamResponse, type StreamEnd } from './chat-stream.ts';
import { answerHandedOff } from './chat-handoff.ts';
import { userTextOf } from './chat-user-text.ts';

/** A conversation id the client did not choose: 128 random bits, within the id contract's charset. */
const newConversationId = () => `c_${randomBytes(16).toString('base64url')}`;

/** 30 messages a minute per client IP, counted before the body is read. Fails open when the limiter is down: answering is safe, writes are gated separately. */
function chatRateLimit({ limiter, logger }: Gateway): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    try {
      const ip = await limiter.limit(`chat:ip:${c.get('clientAddress')}`, CHAT_PER_IP_RULE);
      if (!ip.success) {
        const retryAfter = Math.max(1, Math.ceil((ip.resetAt - Date.now()) / 1000));
        return problem(c, 429, 'rate_limited', 'Too many messages; slow down.', { 'retry-after': String(retryAfter) });
      }
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      logger.warn({ requestId: c.get('requestId') }, 'chat rate limit unavailable; answering anyway');
    }
    await next();
  };
}

/**
 * POST /v1/chat. The caller is authenticated and rate limited before the body is read
 * (route middleware runs ahead of the contract's validators); then one turn runs.
 */
export function chatRoutes(gateway: Gateway) {
  const { config, db, limiter, logger } = gateway;
  const app = createRouter();

  app.openapi({ ...chatRoute, middleware: [callerSession(gateway), chatRateLimit(gateway)] }, async (c) => {
    const started = performance.now();
    const requestId = c.get('requestId');
    const session = c.get('session');
    const body = c.req.valid('json');
    const userText = userTextOf(body);
    if (!userText) return problem(c, 400, 'invalid_request', 'The request carries no user message with text.');
    if (userText.length > config.MAX_MESSAGE_CHARS) {
      return problem(c, 422, 'message_too_long', `A message may have at most ${config.MAX_MESSAGE_CHARS} characters.`);
    }

    let model;
    try {
      model = gateway.selectModel(c.req.valid('header')['x-puppet']);
    } catch (error) {
      if (error instanceof PuppetDisabledError) return problem(c, 400, 'puppet_disabled', 'x-puppet is only accepted when MODEL=puppet.');
      if (error instanceof PuppetScriptError) return problem(c, 400, 'invalid_puppet_script', error.message);
      throw error;
    }

    // Absent: a new conversation with an id only the server and this caller know.
    const conversationId = body.id ?? newConversationId();
    const access = await openConversation(db, {
      id: conversationId,
      owner: session.actor,
      userText,
      requestId,
      maxMessages: config.MAX_MESSAGES_PER_CONVERSATION,
    });
    if (!access.ok) return problem(c, 404, 'conversation_not_found');
    if (!access.stored) return problem(c, 409, 'conversation_full', 'Start a new conversation.');
    // Taken over by the founder: the message is stored for them and the model stays silent.
    if (access.handledBy === 'human') return answerHandedOff(c, conversationId, (c.req.header('accept') ?? '').includes('application/json'));

    const toolCalls: ToolOutcome[] = [];
    let databaseLost = false;
    const deps = {
      db,
      limiter,
      systemPrompt: gateway.systemPrompt,
      redact: gateway.redact,
      maxReplyChars: config.MAX_REPLY_CHARS,
      thresholds: config.confidenceThresholds,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      billing: gateway.billing,
      vendors: { crm: config.CRM_PROVIDER !== 'none', helpdesk: config.HELPDESK_PROVIDER !== 'none' },
      modelTimeoutMs: config.MODEL_TIMEOUT_MS,
      policyVersion: config.policyVersion,
      ...(config.candidatePolicy ? { candidatePolicy: config.candidatePolicy } : {}),
      logError: (err: unknown, context: Record<string, unknown>) => logger.error({ err, requestId, ...context }, 'turn error'),
    };
    const mode = (c.req.header('accept') ?? '').includes('application/json') ? 'json' : 'stream';
    // The turn's latency ends when its stream does (the last byte written), not when the response object is returned.
    const observe = (end: StreamEnd) =>
      metrics.turnSeconds.observe({ mode, outcome: end !== 'ok' ? end : databaseLost ? 'database_lost' : 'ok' }, secondsSince(started));
    const sink = {
      execute: (writer: Parameters<typeof runTurn>[2]) =>
        runTurn(
          deps,
          {
            conversationId,
            isNew: access.created,
            requestId,
            session,
            clientAddress: c.get('clientAddress'),
            userText,
            model,
            onToolCall: (o) => toolCalls.push(o),
            onDatabaseLost: () => (databaseLost = true),
          },
          writer,
        ),
      onError: (error: unknown) => {
        logger.error({ err: error, requestId }, 'chat turn failed');
        if (classifyDatabaseError(error)?.retryable) {
          databaseLost = true;
          return DATABASE_LOST_MESSAGE;
        }
        return 'Something went wrong on our side. Please try again.';
      },
    };

    if (mode === 'stream') {
      return turnStreamResponse({ ...sink, headers: { 'x-request-id': requestId, 'x-conversation-id': conversationId }, onEnd: observe });
    }

    const { text, failed, end } = await collectTurn(sink);
    observe(end);
    if (failed && !text && toolCalls.length === 0) {
      if (databaseLost) return problem(c, 503, 'database_unavailable', DATABASE_LOST_MESSAGE, { 'retry-after': '5' });
      return problem(c, 502, 'model_unavailable', 'The assistant could not answer. Please try again.');
    }
    return c.json(
      {
        conversationId,
        text,
        toolCalls: toolCalls.map((o) => ({
          tool: o.tool,
          args: o.args,
          decision: o.decision,
          ...(o.reason && o.decision !== 'allowed' ? { reason: o.reason } : {}),
          output: o.output,
        })),
      },
      200,
    );
  });

  return app;
}
