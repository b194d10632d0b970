import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { createRouter } from '../../http/router.ts';
import { listContacts } from '../../store/contacts.ts';
import { adminProblems, adminRoute, invalidFilters, listLimit, listOf, textFilter, timestamp } from './contract.ts';

/** Details a visitor (or another customer) left for an existing contact: shown beside it, never merged. */
export const contactInquiry = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    source: z.string(),
    conversationId: z.string().nullable(),
    requester: z.string().openapi({ description: '`visitor:<id>` or `user:<id>` of whoever left it.' }),
    verified: z.literal(false).openapi({ description: 'Always false: nobody proved they own this address.' }),
    createdAt: timestamp,
  })
  .openapi('ContactInquiry');

export const contact = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    source: z.string(),
    lifecycleStage: z.string(),
    firstConversationId: z.string().nullable(),
    lastConversationId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    inquiries: z.array(contactInquiry),
  })
  .openapi('Contact');

export const listContactsRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/contacts',
  summary: 'Captured contacts, newest first',
  request: { query: z.object({ email: textFilter(254).optional(), limit: listLimit }) },
  responses: { 200: listOf(contact, 'Matching contacts.'), ...invalidFilters, ...adminProblems },
});

export function contactRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listContactsRoute, async (c) => c.json({ items: await listContacts(db, c.req.valid('query')) }, 200));
  return app;
}
