import { createRoute, z } from '@hono/zod-openapi';
import { ACCESS, jsonResponse, problemResponse } from '../http/contract.ts';
import { REASONS } from '../tools/reasons.ts';

/** Conversation ids are chosen by the client; for visitors the id is the only key, so keep it opaque. */
export const conversationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, - or _')
  .openapi({ example: 'conv_demo_0001' });

const uiMessage = z
  .looseObject({
    role: z.string(),
    parts: z.array(z.looseObject({ type: z.string(), text: z.unknown().optional() })).max(100),
  })
  .openapi('UIMessage', { description: 'An AI SDK UIMessage; only text parts of a user message are read.' });

/**
 * `{id, message}` as the gateway's own clients send it, or the AI SDK `useChat`
 * body `{id, messages}`. Either way only one user message is taken: history,
 * system prompts, assistant turns and approvals sent by a client are ignored.
 */
export const chatBody = z
  .union([
    z.looseObject({ id: conversationId, message: uiMessage }),
    z.looseObject({ id: conversationId, messages: z.array(uiMessage).min(1).max(1000) }),
  ])
  .openapi('ChatRequest');

export type ChatBody = z.infer<typeof chatBody>;
export type UIMessageBody = z.infer<typeof uiMessage>;

/** What the model (and the JSON-mode client) sees as the result of one tool call; tools add their own details. */
export const toolResult = z
  .looseObject({
    status: z.enum(['done', 'duplicate', 'denied', 'needs_confirmation', 'error']),
    reason: z.enum(REASONS).optional(),
    message: z.string(),
  })
  .openapi('ToolResult');

/** One tool call as the JSON-mode client sees it: arguments redacted, the policy's decision, the result. */
export const toolCallView = z
  .object({
    tool: z.string(),
    args: z.unknown(),
    decision: z.enum(['allowed', 'denied', 'needs_confirmation']),
    reason: z.enum(REASONS).optional().openapi({ description: 'Absent when the call was allowed.' }),
    output: toolResult,
  })
  .openapi('ToolCall');

export type ToolCallView = z.infer<typeof toolCallView>;

export const chatJson = z
  .object({
    conversationId,
    text: z.string().openapi({ description: 'The reply after the output gate.' }),
    toolCalls: z.array(toolCallView),
  })
  .openapi('ChatReply');

export type ChatJson = z.infer<typeof chatJson>;

export const chatRoute = createRoute({
  method: 'post',
  path: '/v1/chat',
  tags: ['chat'],
  summary: 'One chat turn',
  description:
    'Sends the one new user message of a conversation; the server owns the history. Anonymous callers ' +
    "own the conversations they start; a signed-in user's conversation answers 404 to anyone else.",
  security: ACCESS.caller,
  request: {
    headers: z.object({
      'x-puppet': z.string().optional().openapi({ description: 'Scripted tool calls (base64url JSON); refused unless MODEL=puppet.' }),
    }),
    body: { required: true, content: { 'application/json': { schema: chatBody } } },
  },
  responses: {
    200: {
      description: 'The AI SDK UI message stream (server-sent events), or with Accept: application/json one JSON document.',
      content: {
        'text/event-stream': { schema: z.string().openapi({ description: 'AI SDK UI message stream, protocol v1.' }) },
        'application/json': { schema: chatJson },
      },
    },
    400: problemResponse('invalid_request, invalid_input (a NUL or an unpaired surrogate), puppet_disabled or invalid_puppet_script'),
    401: problemResponse('unauthorized: the bearer token does not verify'),
    404: problemResponse("conversation_not_found: missing, or someone else's"),
    409: problemResponse('conversation_full: the conversation reached its message limit'),
    413: problemResponse('payload_too_large'),
    415: problemResponse('unsupported_media_type: the body is not sent as JSON'),
    422: problemResponse('message_too_long'),
    429: problemResponse('rate_limited, with Retry-After'),
    500: problemResponse('internal_error'),
    502: problemResponse('model_unavailable'),
    503: problemResponse('database_unavailable, with Retry-After'),
  },
});
