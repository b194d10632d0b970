import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../gateway.ts';
import { ACCESS, jsonResponse, problemResponse } from '../http/contract.ts';
import { problem } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { callerSession } from '../http/session.ts';
import { listCallerRequests, type CallerRequest } from '../store/requests.ts';

/**
 * What the caller is told about their own requests (design invariant 8): saved, syncing,
 * synced, or failed and queued for a person to follow up.
 */
const STATES = { pending: 'syncing', synced: 'synced', not_configured: 'saved', failed: 'queued_for_follow_up' } as const;

const request = z
  .object({
    kind: z.enum(['lead', 'ticket']),
    id: z.string(),
    title: z.string().openapi({ description: "A lead's email, a ticket's subject." }),
    state: z.enum(['saved', 'syncing', 'synced', 'queued_for_follow_up']),
    message: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CallerRequest');

const MESSAGES: Record<(typeof STATES)[keyof typeof STATES], string> = {
  saved: 'Saved; our team sees it.',
  syncing: 'Saved, syncing to our systems.',
  synced: 'Saved and synced.',
  queued_for_follow_up: 'Saved; the sync failed and a person will follow up.',
};

const shape = (r: CallerRequest) => {
  const state = STATES[r.syncState];
  return { kind: r.kind, id: r.id, title: r.title, state, message: MESSAGES[state], createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() };
};

const callerProblems = {
  401: problemResponse('unauthorized: a bearer token was sent and does not verify'),
  500: problemResponse('internal_error'),
} as const;

export const listMyRequestsRoute = createRoute({
  method: 'get',
  path: '/v1/me/requests',
  tags: ['me'],
  security: ACCESS.caller,
  summary: "The caller's own leads and tickets with their sync state, newest first (at most 100)",
  request: {
    query: z.object({
      id: z.uuid().optional().openapi({ description: 'Only this lead or ticket; 404 when it is not one of the caller\'s.' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(request) }), "The caller's requests."),
    400: problemResponse('invalid_request: the id is not a uuid'),
    404: problemResponse("not_found: with `id`, no request of the caller has it (another caller's answers the same)"),
    ...callerProblems,
  },
});

/**
 * The shared anonymous owner (`anon`) is every visitor at once: listing by it would show
 * each visitor everyone's requests, so it owns nothing here. Signed visitor identities
 * give each visitor their own owner, and this works for them unchanged.
 */
const SHARED_ANONYMOUS_OWNER = 'anon';

export function meRequestRoutes(gateway: Gateway) {
  const app = createRouter();
  const { db } = gateway;
  const owner = (actor: string) => (actor === SHARED_ANONYMOUS_OWNER ? null : actor);
  app.use('/v1/me/requests', callerSession(gateway));
  app.openapi(listMyRequestsRoute, async (c) => {
    const actor = owner(c.get('session').actor);
    const { id } = c.req.valid('query');
    const items = actor ? await listCallerRequests(db, actor, { ...(id ? { id } : {}), limit: 100 }) : [];
    if (id && items.length === 0) return problem(c, 404, 'not_found', 'No such request.');
    return c.json({ items: items.map(shape) }, 200);
  });
  return app;
}
