import { Hono } from 'hono';
import { z } from 'zod';
import type { Gateway } from '../gateway.ts';
import { problem } from '../http/problem.ts';
import { verifyAuditChain } from '../store/audit.ts';

const limit = z.coerce.number().int().min(1).max(1000).default(100);
const auditQuery = z.object({
  conversationId: z.string().max(128).optional(),
  tool: z.string().max(64).optional(),
  decision: z.enum(['allowed', 'denied', 'needs_confirmation', 'redacted']).optional(),
  limit,
});
const contactsQuery = z.object({ email: z.string().max(254).optional(), limit });
const ticketsQuery = z.object({ conversationId: z.string().max(128).optional(), email: z.string().max(254).optional(), limit });

/** Builds `where a = $1 and b = $2` from the filters that are set. */
function filters(pairs: Array<[column: string, value: string | undefined]>) {
  const set = pairs.filter((p): p is [string, string] => p[1] !== undefined);
  return {
    where: set.length ? `where ${set.map(([col], i) => `${col} = $${i + 1}`).join(' and ')}` : '',
    params: set.map(([, v]) => v),
  };
}

/** Operator endpoints: the admin token, or a JWT whose app_metadata.role is admin. */
export function adminRoutes(gateway: Gateway) {
  const { db } = gateway;
  const app = new Hono<{ Variables: { requestId: string } }>();

  app.use('/admin/*', async (c, next) => {
    const header = c.req.header('authorization');
    const auth = await gateway.authenticate(header);
    if (!header || !auth.ok) return problem(c, 401, 'unauthorized', 'Send the admin bearer token.', { 'www-authenticate': 'Bearer' });
    if (!auth.session.isAdmin) return problem(c, 403, 'forbidden', 'Admin access is required.');
    await next();
  });

  app.get('/admin/v1/audit', async (c) => {
    const q = auditQuery.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid_request', 'Filters: conversationId, tool, decision, limit.');
    const { where, params } = filters([
      ['conversation_id', q.data.conversationId],
      ['tool', q.data.tool],
      ['decision', q.data.decision],
    ]);
    const items = await db.query(
      `select id, at, request_id as "requestId", conversation_id as "conversationId", actor, kind, tool, args,
              args_digest as "argsDigest", decision, reason, confidence, idempotency_key as "idempotencyKey",
              latency_ms as "latencyMs", outcome, hash
       from audit_log ${where} order by id desc limit ${q.data.limit}`,
      params,
    );
    return c.json({ items });
  });

  app.get('/admin/v1/audit/verify', async (c) => c.json(await verifyAuditChain(db)));

  app.get('/admin/v1/contacts', async (c) => {
    const q = contactsQuery.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid_request', 'Filters: email, limit.');
    const { where, params } = filters([['email', q.data.email?.trim().toLowerCase()]]);
    const items = await db.query(
      `select id, email, name, company, phone, notes, source, lifecycle_stage as "lifecycleStage",
              first_conversation_id as "firstConversationId", last_conversation_id as "lastConversationId",
              created_at as "createdAt", updated_at as "updatedAt"
       from contacts ${where} order by created_at desc limit ${q.data.limit}`,
      params,
    );
    return c.json({ items });
  });

  app.get('/admin/v1/tickets', async (c) => {
    const q = ticketsQuery.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, 'invalid_request', 'Filters: conversationId, email, limit.');
    const { where, params } = filters([
      ['conversation_id', q.data.conversationId],
      ['contact_email', q.data.email?.trim().toLowerCase()],
    ]);
    const items = await db.query(
      `select id, conversation_id as "conversationId", category, status, subject, summary, priority, tags,
              contact_email as "contactEmail", requester, transcript_url as "transcriptUrl", updates,
              created_at as "createdAt", updated_at as "updatedAt"
       from tickets ${where} order by created_at desc limit ${q.data.limit}`,
      params,
    );
    return c.json({ items });
  });

  app.get('/admin/v1/conversations/:id/messages', async (c) => {
    const items = await db.query(
      'select id, role, content, request_id as "requestId", created_at as "createdAt" from messages where conversation_id = $1 order by id',
      [c.req.param('id')],
    );
    return c.json({ items });
  });

  app.get('/admin/v1/exceptions', async (c) => {
    const items = await db.query(
      `select id, topic, payload, attempts, last_error as "lastError", created_at as "createdAt", updated_at as "updatedAt"
       from outbox where status = 'dead' order by id desc limit 500`,
    );
    return c.json({ items });
  });

  app.post('/admin/v1/jobs/:id/retry', async (c) => {
    const id = z.coerce.number().int().positive().safeParse(c.req.param('id'));
    if (!id.success) return problem(c, 400, 'invalid_request', 'The job id must be a positive integer.');
    const [job] = await db.query(
      `update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
       where id = $1 and status = 'dead' returning id, status`,
      [id.data],
    );
    return job ? c.json(job) : problem(c, 404, 'not_found', 'No dead-lettered job with that id.');
  });

  return app;
}
