import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse, problemResponse } from '../../http/contract.ts';
import { problem } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { listDeadJobs, retryDeadJob } from '../../store/outbox.ts';
import { adminProblems, adminRoute, listOf, timestamp } from './contract.ts';

export const deadJob = z
  .object({
    id: z.number().int().openapi({ description: 'The job id to retry.' }),
    topic: z.string(),
    payload: z.unknown(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('DeadJob');

export const listExceptionsRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/exceptions',
  summary: 'The dead-letter queue: outbox jobs that used up their attempts',
  responses: { 200: listOf(deadJob, 'Dead-lettered jobs, newest first (at most 500).'), ...adminProblems },
});

export const retryJobRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/v1/jobs/{id}/retry',
  summary: 'Put a dead-lettered job back in the queue',
  request: {
    params: z.object({
      id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.literal('pending') }), 'The job is pending again, with fresh attempts.'),
    400: problemResponse('invalid_request: the job id is not a positive integer'),
    404: problemResponse('not_found: no dead-lettered job has that id'),
    ...adminProblems,
  },
});

export function jobRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listExceptionsRoute, async (c) => c.json({ items: await listDeadJobs(db) }, 200));
  app.openapi(retryJobRoute, async (c) => {
    const job = await retryDeadJob(db, c.req.valid('param').id);
    return job ? c.json(job, 200) : problem(c, 404, 'not_found', 'No dead-lettered job with that id.');
  });
  return app;
}
