import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { createRouter } from '../../http/router.ts';
import { listMessages } from '../../store/conversations.ts';
import { problemResponse } from '../../http/contract.ts';
import { adminProblems, adminRoute, listOf, timestamp } from './contract.ts';

export const storedMessage = z
  .object({
    id: z.number().int(),
    role: z.enum(['user', 'assistant', 'tool']),
    content: z.unknown().openapi({ description: 'AI SDK ModelMessage content, as the model saw it.' }),
    requestId: z.string().nullable(),
    createdAt: timestamp,
  })
  .openapi('StoredMessage');

export const listMessagesRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/conversations/{id}/messages',
  summary: "A conversation's stored messages, oldest first (the ticket transcript link)",
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: listOf(storedMessage, 'The messages; none for an unknown conversation.'),
    400: problemResponse('invalid_input: a NUL or an unpaired surrogate in the id'),
    ...adminProblems,
  },
});

export function conversationRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listMessagesRoute, async (c) => c.json({ items: await listMessages(db, c.req.valid('param').id) }, 200));
  return app;
}
