import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../gateway.ts';
import { ACCESS, jsonResponse, problemResponse } from '../http/contract.ts';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { callerSession } from '../http/session.ts';
import { readTranscript } from '../store/transcript.ts';
import { conversationId, toolResult } from './chat-contract.ts';
import { visibleTranscript } from './transcript-view.ts';

const visibleMessage = z
  .object({
    id: z.number().int().openapi({ description: 'Increases with every stored message: a client polls for ids above the last it has.' }),
    role: z.enum(['user', 'assistant']),
    author: z.enum(['assistant', 'human']).nullable().openapi({ description: '`human` when a person answered in the assistant\'s place; null for the caller.' }),
    text: z.string(),
    toolOutcomes: z.array(z.object({ toolCallId: z.string(), tool: z.string(), output: toolResult })),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('VisibleMessage');

export const conversationMessagesRoute = createRoute({
  method: 'get',
  path: '/v1/conversations/{id}/messages',
  tags: ['chat'],
  security: ACCESS.caller,
  summary: "The caller's own conversation as they saw it, oldest first, and who answers it now",
  description:
    'Restores a chat after a reload, and is polled while a person answers (`handledBy` is `human`). Only the ' +
    "conversation's owner (the signed-in user, or the visitor by token or cookie) is answered; anyone else gets 404, " +
    'exactly as for a missing conversation.',
  request: { params: z.object({ id: conversationId.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonResponse(
      z.object({ conversationId, handledBy: z.enum(['assistant', 'human']), items: z.array(visibleMessage) }),
      'The visible transcript.',
    ),
    400: problemResponse('invalid_request: the id is not a conversation id'),
    401: problemResponse('unauthorized: a bearer token was sent and does not verify'),
    404: problemResponse("conversation_not_found: missing, or someone else's"),
    500: problemResponse('internal_error'),
  },
});

/** The shared anonymous owner is every visitor at once (see me-requests.ts): it owns nothing here. */
const SHARED_ANONYMOUS_OWNER = 'anon';

export function conversationMessageRoutes(gateway: Gateway) {
  const app = createRouter();
  const { db } = gateway;
  app.use('/v1/conversations/:id/messages', callerSession(gateway));
  app.openapi(conversationMessagesRoute, async (c) => {
    const session = c.get('session');
    const { id } = c.req.valid('param');
    const transcript = session.actor === SHARED_ANONYMOUS_OWNER ? null : await readTranscript(db, id, session.actor);
    if (!transcript) return problem(c, 404, 'conversation_not_found');
    // Polled every few seconds while a person answers: never served from a cache.
    c.header('cache-control', 'no-store');
    return c.json({ conversationId: id, handledBy: transcript.handledBy, items: visibleTranscript(transcript.rows, session.email, gateway.redact) }, 200);
  });
  return app;
}
