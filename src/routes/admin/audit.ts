import { createRoute, z } from '@hono/zod-openapi';
import type { Gateway } from '../../gateway.ts';
import { jsonResponse } from '../../http/contract.ts';
import { createRouter } from '../../http/router.ts';
import { listAudit, verifyAuditChain } from '../../store/audit.ts';
import { adminProblems, adminRoute, conversationIdFilter, invalidFilters, listLimit, listOf, textFilter, timestamp } from './contract.ts';

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: timestamp,
    requestId: z.string().nullable(),
    conversationId: z.string().nullable(),
    actor: z.string(),
    kind: z.enum(['tool_call', 'redaction', 'job_action', 'handoff']),
    tool: z.string().nullable(),
    args: z.unknown().openapi({ description: 'Redacted arguments (emails keep only their domain).' }),
    argsDigest: z.string().nullable(),
    decision: z.string(),
    reason: z.string().nullable(),
    confidence: z.number().nullable(),
    idempotencyKey: z.string().nullable(),
    latencyMs: z.number().nullable(),
    outcome: z.string().nullable(),
    policyVersion: z.string().nullable().openapi({ description: 'Hash of the enforced policy configuration that decided the row; null when none did.' }),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const listAuditRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/audit',
  summary: 'The audit log, newest first',
  request: {
    query: z.object({
      conversationId: conversationIdFilter.optional(),
      tool: textFilter(64).optional(),
      decision: z.enum(['allowed', 'denied', 'needs_confirmation', 'redacted']).optional(),
      limit: listLimit,
    }),
  },
  responses: { 200: listOf(auditEntry, 'Matching audit rows.'), ...invalidFilters, ...adminProblems },
});

export const chainReport = z
  .union([
    z.object({ ok: z.literal(true), checked: z.number().int() }),
    z.object({ ok: z.literal(false), checked: z.number().int(), brokenAt: z.number().int(), problem: z.string() }),
  ])
  .openapi('ChainReport');

export const verifyAuditRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/v1/audit/verify',
  summary: 'Recompute the hash chain and report the first broken link',
  responses: { 200: jsonResponse(chainReport, 'The chain holds, or where it breaks.'), ...adminProblems },
});

export function auditRoutes({ db }: Gateway) {
  const app = createRouter();
  app.openapi(listAuditRoute, async (c) => c.json({ items: await listAudit(db, c.req.valid('query')) }, 200));
  app.openapi(verifyAuditRoute, async (c) => c.json(await verifyAuditChain(db), 200));
  return app;
}
