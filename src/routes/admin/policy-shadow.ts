import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse } from '../../http/contract.ts';
import { createRouter } from '../../http/router.ts';
import { summarizeShadowDecisions } from '../../store/policy-shadow.ts';
import { adminProblems, adminRoute, invalidFilters, timestamp } from './contract.ts';

export const shadowSummary = z
  .object({
    enforcedVersion: z.string().openapi({ description: 'The policy version every new audit row carries.' }),
    candidate: z
      .object({
        version: z.string(),
        thresholds: z.record(z.string(), z.number()),
        limits: z.record(z.string(), z.record(z.string(), z.object({ limit: z.number().int(), windowSeconds: z.number().int() }))),
        triage: z.record(z.string(), z.string()).openapi({ description: 'Priority ceiling per triage rule tag, replacing the rule\'s own.' }),
      })
      .nullable()
      .openapi({ description: 'The candidate now configured (POLICY_CANDIDATE_FILE); null when none is.' }),
    since: timestamp,
    compared: z.number().int().openapi({ description: 'Calls both policies decided in the window.' }),
    differed: z.number().int(),
    tools: z.array(z.object({ tool: z.string(), compared: z.number().int(), differed: z.number().int() })),
    differences: z.array(
      z.object({
        tool: z.string(),
        enforcedDecision: z.string(),
        enforcedReason: z.string().nullable(),
        candidateDecision: z.string(),
        candidateReason: z.string().nullable(),
        count: z.number().int(),
        exampleRequestIds: z.array(z.string()).openapi({ description: 'Open one with GET /admin/v1/trace/{id}.' }),
      }),
    ),
    candidateVersions: z.array(z.string()),
  })
  .openapi('PolicyShadowSummary');

export const policyShadowRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/policy/shadow',
  summary: 'Where the candidate policy decided differently from the enforced one',
  request: {
    query: z.object({
      days: z.coerce.number().int().min(1).max(90).default(7).openapi({ description: 'How many days back (default the last week).' }),
    }),
  },
  responses: { 200: jsonResponse(shadowSummary, 'Counts per tool and per kind of disagreement, most frequent first.'), ...invalidFilters, ...adminProblems },
});

export function policyShadowRoutes({ db, config }: Gateway) {
  const app = createRouter();
  app.openapi(policyShadowRoute, async (c) => {
    const { days } = c.req.valid('query');
    const summary = await summarizeShadowDecisions(db, new Date(Date.now() - days * 24 * 60 * 60 * 1000));
    const policy = config.candidatePolicy;
    const candidate = policy ? { version: policy.version, thresholds: policy.thresholds, limits: policy.limits as Record<string, Record<string, { limit: number; windowSeconds: number }>>, triage: policy.triage } : null;
    return c.json({ enforcedVersion: config.policyVersion, candidate, ...summary, since: summary.since.toISOString() }, 200);
  });
  return app;
}
