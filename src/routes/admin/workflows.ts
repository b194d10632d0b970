import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse } from '../../http/contract.ts';
import { createRouter } from '../../http/router.ts';
import { WORKFLOWS, workflowStats } from '../../store/workflows.ts';
import { adminProblems, adminRoute, timestamp } from './contract.ts';

const count = z.number().int().min(0);

const windowStats = z
  .object({
    started: count,
    completed: count,
    failed: count,
    pending: count.openapi({ description: 'Still on their way (a sync not yet delivered, an event not yet processed).' }),
    skipped: count.openapi({ description: 'Ended where nothing further is configured (no CRM or helpdesk); not counted in the rate.' }),
    successRate: z.number().min(0).max(1).nullable().openapi({ description: 'completed / (started - skipped); null when nothing counted.' }),
    failingSteps: z.array(z.object({ step: z.string(), failed: count, pending: count })).openapi({ description: 'Where runs failed or wait, most failures first.' }),
    series: z
      .array(z.object({ start: timestamp, started: count, completed: count, failed: count }))
      .openapi({ description: 'Oldest first: 12 five-minute bars (hour), 24 hourly (day), 7 daily (week).' }),
  })
  .openapi('WorkflowWindow');

export const workflowItem = z
  .object({
    workflow: z.enum(Object.keys(WORKFLOWS) as [keyof typeof WORKFLOWS, ...Array<keyof typeof WORKFLOWS>]),
    steps: z.array(z.string()).openapi({ description: 'The steps in order; failingSteps name these.' }),
    windows: z.object({ hour: windowStats, day: windowStats, week: windowStats }),
  })
  .openapi('Workflow');

export const listWorkflowsRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/workflows',
  summary: 'Workflow success rates over the last hour, day and week, computed from the database, with the failing steps named',
  responses: {
    200: jsonResponse(z.object({ generatedAt: timestamp, items: z.array(workflowItem) }), 'lead -> CRM; payment -> entitlement -> CRM; escalation -> ticket -> helpdesk.'),
    ...adminProblems,
  },
});

export function workflowRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listWorkflowsRoute, async (c) => {
    const now = new Date();
    const items = await workflowStats(db, now);
    return c.json({ generatedAt: now.toISOString(), items: JSON.parse(JSON.stringify(items)) as z.infer<typeof workflowItem>[] }, 200);
  });
  return app;
}
