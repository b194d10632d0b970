import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { createRouter } from '../../http/router.ts';
import { listTickets } from '../../store/tickets.ts';
import { adminProblems, adminRoute, conversationIdFilter, invalidFilters, listLimit, listOf, textFilter, timestamp } from './contract.ts';

export const ticket = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    category: z.string(),
    status: z.enum(['open', 'closed']),
    subject: z.string(),
    summary: z.string(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    tags: z.array(z.string()).openapi({
      description: "Triage tags from the user's own words; `proposed_priority:<p>` when the model asked for more than the words support.",
    }),
    contactEmail: z.string().nullable().openapi({ description: 'Null when a visitor opened the ticket without giving an email: the team answers in the conversation.' }),
    requester: z.string(),
    verified: z.boolean().openapi({ description: 'Opened by a signed-in customer for their own verified email; unverified tickets never page anyone.' }),
    transcriptUrl: z.string(),
    updates: z
      .array(z.object({
          at: timestamp,
          summary: z.string(),
          priority: z.enum(['low', 'normal', 'high', 'urgent']),
          proposedPriority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
        }))
      .openapi({ description: 'Later escalations in the same category, appended to this open ticket.' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Ticket');

export const listTicketsRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/tickets',
  summary: 'Support tickets, newest first',
  request: {
    query: z.object({ conversationId: conversationIdFilter.optional(), email: textFilter(254).optional(), limit: listLimit }),
  },
  responses: { 200: listOf(ticket, 'Matching tickets.'), ...invalidFilters, ...adminProblems },
});

export function ticketRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listTicketsRoute, async (c) => c.json({ items: await listTickets(db, c.req.valid('query')) }, 200));
  return app;
}
