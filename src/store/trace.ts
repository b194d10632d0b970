import type { Queryable } from './database.ts';

/**
 * Everything recorded under one correlation id (a chat request id or a Stripe event id), as
 * one story in time order: the policy's decisions (audit rows) and what the candidate policy
 * would have decided, the Stripe event, the outbox jobs it queued with each delivery attempt,
 * and the alerts those jobs raised or failed to deliver.
 */
export type TraceStep =
  | {
      source: 'audit';
      at: Date;
      id: number;
      kind: string;
      actor: string;
      conversationId: string | null;
      tool: string | null;
      decision: string;
      reason: string | null;
      outcome: string | null;
      latencyMs: number | null;
      policyVersion: string | null;
    }
  | {
      source: 'shadow_decision';
      at: Date;
      id: number;
      tool: string;
      enforcedDecision: string;
      enforcedReason: string | null;
      candidateDecision: string;
      candidateReason: string | null;
      candidateVersion: string;
      differs: boolean;
    }
  | { source: 'stripe_event'; at: Date; id: string; type: string; status: string; attempts: number; lastError: string | null; processedAt: Date | null }
  | { source: 'outbox_job'; at: Date; id: number; topic: string; status: string; attempts: number; lastError: string | null; updatedAt: Date }
  | {
      source: 'outbox_attempt';
      at: Date;
      id: number;
      jobId: number;
      attempt: number;
      outcome: string;
      latencyMs: number;
      httpStatus: number | null;
      errorClass: string | null;
      error: string | null;
    }
  | { source: 'alert'; at: Date; id: number; kind: string; key: string; message: string; closedAt: Date | null };

/**
 * The story has two parts: what the request or event itself recorded (the Stripe event, the
 * decisions), then what followed from it (jobs, their attempts, alerts), each part oldest first.
 * Parts rather than one timeline because a job is stamped with its transaction's start while
 * the decision that queued it in that same transaction is stamped a moment later.
 */
const PART: Record<TraceStep['source'], number> = { stripe_event: 0, audit: 0, shadow_decision: 0, outbox_job: 1, outbox_attempt: 1, alert: 1 };
/** Within a part, steps at the same instant: the cause first. */
const ORDER: Record<TraceStep['source'], number> = { stripe_event: 0, audit: 1, shadow_decision: 2, outbox_job: 3, outbox_attempt: 4, alert: 5 };

export async function traceOf(db: Queryable, id: string): Promise<TraceStep[]> {
  const audit = await db.query<Extract<TraceStep, { source: 'audit' }>>(
    `select 'audit' as source, at, id, kind, actor, conversation_id as "conversationId", tool, decision, reason, outcome,
            latency_ms as "latencyMs", policy_version as "policyVersion"
     from audit_log where request_id = $1 order by id limit 500`,
    [id],
  );
  const shadow = await db.query<Extract<TraceStep, { source: 'shadow_decision' }>>(
    `select 'shadow_decision' as source, at, id, tool, enforced_decision as "enforcedDecision", enforced_reason as "enforcedReason",
            candidate_decision as "candidateDecision", candidate_reason as "candidateReason", candidate_version as "candidateVersion", differs
     from policy_shadow_decisions where request_id = $1 order by id limit 500`,
    [id],
  );
  const events = await db.query<Extract<TraceStep, { source: 'stripe_event' }>>(
    `select 'stripe_event' as source, received_at as at, id, type, status, attempts, last_error as "lastError", processed_at as "processedAt"
     from stripe_events where id = $1`,
    [id],
  );
  // A job queued without a correlation id works under `job:<id>` (see the worker).
  const ownJob = /^job:(\d{1,15})$/.exec(id)?.[1] ?? null;
  const jobs = await db.query<Extract<TraceStep, { source: 'outbox_job' }> & { alertId: number | null }>(
    `select 'outbox_job' as source, created_at as at, id, topic, status, attempts, last_error as "lastError", updated_at as "updatedAt",
            case when topic = 'notify.alert' and jsonb_typeof(payload->'alertId') = 'number' then (payload->>'alertId')::bigint end as "alertId"
     from outbox where correlation_id = $1 or (correlation_id is null and id = $2::bigint) order by id limit 500`,
    [id, ownJob],
  );
  const jobIds = jobs.map((j) => j.id);
  const attempts = jobIds.length
    ? await db.query<Extract<TraceStep, { source: 'outbox_attempt' }>>(
        `select 'outbox_attempt' as source, started_at as at, id, job_id as "jobId", attempt, outcome, latency_ms as "latencyMs",
                http_status as "httpStatus", error_class as "errorClass", error
         from outbox_attempts where job_id = any($1::bigint[]) order by id limit 2000`,
        [jobIds],
      )
    : [];
  // Alerts about one of these jobs (keyed by job id), or delivered by one of them.
  const alertIds = jobs.map((j) => j.alertId).filter((a): a is number => a !== null);
  const alerts = jobIds.length
    ? await db.query<Extract<TraceStep, { source: 'alert' }>>(
        `select 'alert' as source, opened_at as at, id, kind, key, message, closed_at as "closedAt"
         from alerts where key = any($1::text[]) or id = any($2::bigint[]) order by id limit 500`,
        [jobIds.map(String), alertIds],
      )
    : [];
  const steps: TraceStep[] = [...audit, ...shadow, ...events, ...jobs.map(({ alertId: _alertId, ...job }) => job), ...attempts, ...alerts];
  return steps.sort(
    (a, b) =>
      PART[a.source] - PART[b.source] ||
      new Date(a.at).getTime() - new Date(b.at).getTime() ||
      ORDER[a.source] - ORDER[b.source] ||
      Number(a.id > b.id) - Number(a.id < b.id),
  );
}
