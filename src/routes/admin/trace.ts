import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse, problemResponse } from '../../http/contract.ts';
import { problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { traceOf } from '../../store/trace.ts';
import { adminProblems, adminRoute, timestamp } from './contract.ts';

const step = <S extends string, T extends z.ZodRawShape>(source: S, shape: T) => z.object({ source: z.literal(source), at: timestamp, ...shape });

export const traceStep = z
  .discriminatedUnion('source', [
    step('audit', {
      id: z.number().int(),
      kind: z.string(),
      actor: z.string(),
      conversationId: z.string().nullable(),
      tool: z.string().nullable(),
      decision: z.string(),
      reason: z.string().nullable(),
      outcome: z.string().nullable(),
      latencyMs: z.number().nullable(),
      policyVersion: z.string().nullable(),
    }),
    step('shadow_decision', {
      id: z.number().int(),
      tool: z.string(),
      enforcedDecision: z.string(),
      enforcedReason: z.string().nullable(),
      candidateDecision: z.string(),
      candidateReason: z.string().nullable(),
      candidateVersion: z.string(),
      differs: z.boolean(),
    }),
    step('stripe_event', {
      id: z.string(),
      type: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      processedAt: timestamp.nullable(),
    }),
    step('outbox_job', {
      id: z.number().int(),
      topic: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      updatedAt: timestamp,
    }),
    step('outbox_attempt', {
      id: z.number().int(),
      jobId: z.number().int(),
      attempt: z.number().int(),
      outcome: z.string(),
      latencyMs: z.number(),
      httpStatus: z.number().int().nullable(),
      errorClass: z.string().nullable(),
      error: z.string().nullable(),
    }),
    step('alert', { id: z.number().int(), kind: z.string(), key: z.string(), message: z.string(), closedAt: timestamp.nullable() }),
  ])
  .openapi('TraceStep');

/** Request ids (the request-id middleware's charset), Stripe event ids and `job:<id>`. */
const correlationId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,255}$/, 'must be a request id, a Stripe event id or job:<id>')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'evt_1Q2w3E4r5T6y7U8i' });

export const traceRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/trace/{id}',
  summary: 'The whole story of one request or Stripe event, in order',
  description:
    'Everything recorded under one correlation id: a chat request id (the x-request-id of the turn), a Stripe event id, or `job:<id>` for jobs queued before ids were recorded. Steps are oldest first: audit rows and shadow decisions, the Stripe event, outbox jobs with every delivery attempt, and the alerts they raised.',
  request: { params: z.object({ id: correlationId }) },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), items: z.array(traceStep) }), 'The steps, oldest first.'),
    400: problemResponse('invalid_request: the id has characters no correlation id has'),
    404: problemResponse('not_found: nothing was recorded under this id'),
    ...adminProblems,
  },
});

export function traceRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(traceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const items = await traceOf(db, id);
    if (items.length === 0) return problem(c, 404, 'not_found', 'Nothing was recorded under this id.');
    return c.json({ id, items }, 200);
  });
  return app;
}
