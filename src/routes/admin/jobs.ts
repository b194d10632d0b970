import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse, problemResponse } from '../../http/contract.ts';
import { problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { listJobExceptions, listWaitingConfirmations } from '../../store/exceptions.ts';
import { resolveJobByHand, retryJobByHand } from '../../store/job-actions.ts';
import { adminProblems, adminRoute, listOf, timestamp } from './contract.ts';

const jobContext = z
  .object({
    contact: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    ticket: z.object({ id: z.string(), subject: z.string(), contactEmail: z.string().nullable(), conversationId: z.string() }).nullable(),
    alert: z.object({ kind: z.string(), key: z.string(), message: z.string() }).nullable(),
  })
  .openapi({ description: 'The lead, ticket or alert the job carries (null where it carries none).' });

export const jobException = z
  .object({
    kind: z.enum(['dead_job', 'unknown_job', 'undeliverable_alert']),
    id: z.number().int().openapi({ description: 'The job id to retry or resolve.' }),
    topic: z.string(),
    state: z.enum(['dead', 'unknown']).openapi({ description: '`unknown`: the last call may have taken effect; the next attempt reads back first.' }),
    payload: z.unknown(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    context: jobContext,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('JobException');

export const confirmationException = z
  .object({
    kind: z.literal('pending_confirmation'),
    id: z.string(),
    conversationId: z.string(),
    tool: z.string(),
    confidence: z.number().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp,
  })
  .openapi('ConfirmationException');

export const listExceptionsRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/exceptions',
  summary: 'What needs a human: dead-lettered and unknown jobs, undeliverable alerts, low-confidence requests waiting',
  responses: {
    200: listOf(z.union([jobException, confirmationException]), 'Jobs first (newest first, at most 500), then waiting confirmations.'),
    ...adminProblems,
  },
});

const jobId = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
});

export const retryJobRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/v1/jobs/{id}/retry',
  summary: 'Put a dead-lettered (or unknown) job back in the queue, audited',
  request: { params: jobId },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.literal('pending') }), 'The job is pending again, with fresh attempts.'),
    400: problemResponse('invalid_request: the job id is not a positive integer'),
    404: problemResponse('not_found: no dead-lettered or unknown job has that id'),
    ...adminProblems,
  },
});

export const resolveJobRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/v1/jobs/{id}/resolve',
  summary: 'Close a dead-lettered (or unknown) job by hand, with a note; audited',
  request: {
    params: jobId,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ note: z.string().trim().min(1).max(2000).regex(/^[^\u0000]*$/, 'must not contain NUL').openapi({ description: 'What was done, for the audit log.' }) })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.literal('resolved') }), 'The job is closed and will not be delivered.'),
    400: problemResponse('invalid_request: the id or the note is not valid'),
    404: problemResponse('not_found: no dead-lettered or unknown job has that id'),
    ...adminProblems,
  },
});

/** Lone surrogates cannot be stored as jsonb text: replace them rather than fail with a 5xx. */
const storable = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

export function jobRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listExceptionsRoute, async (c) => {
    const [jobs, confirmations] = await Promise.all([listJobExceptions(db), listWaitingConfirmations(db)]);
    return c.json({ items: [...jobs, ...confirmations] }, 200);
  });
  app.openapi(retryJobRoute, async (c) => {
    const id = c.req.valid('param').id;
    const job = await retryJobByHand(db, { requestId: c.get('requestId'), actor: c.get('session').actor }, id);
    return job ? c.json({ id: job.id, status: job.status }, 200) : problem(c, 404, 'not_found', 'No dead-lettered or unknown job with that id.');
  });
  app.openapi(resolveJobRoute, async (c) => {
    const id = c.req.valid('param').id;
    const note = storable(c.req.valid('json').note);
    const job = await resolveJobByHand(db, { requestId: c.get('requestId'), actor: c.get('session').actor }, id, note);
    return job ? c.json({ id: job.id, status: job.status }, 200) : problem(c, 404, 'not_found', 'No dead-lettered or unknown job with that id.');
  });
  return app;
}

