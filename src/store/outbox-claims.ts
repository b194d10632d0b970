import type { Queryable } from './database.ts';

/** One outbox row as a worker holds it while delivering. */
export interface ClaimedJob {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  /** This attempt's number, counted at claim time so a crash mid-delivery still uses one up. */
  attempts: number;
  maxAttempts: number;
  /** The previous attempt may have taken effect: read back before creating. */
  outcomeUnknown: boolean;
  dedupeKey: string | null;
  /** The request or event that queued it; its deliveries and vendor calls carry it. */
  correlationId: string | null;
  createdAt: Date;
}

/**
 * Claims up to `limit` due jobs for `worker` with a lease. `FOR UPDATE SKIP LOCKED` lets
 * several workers claim side by side without waiting on each other; a job whose lease ran
 * out (its worker died) is due again; a helpdesk job waits for the earlier jobs of its
 * ticket. One short statement, so embedded PGlite, which is
 * a single session, is never held by a worker between claim and completion.
 */
export function claimJobs(db: Queryable, worker: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  return db.query<ClaimedJob>(
    `update outbox o set status = 'processing', locked_by = $1,
       locked_until = now() + make_interval(secs => $3::double precision / 1000),
       attempts = o.attempts + 1, updated_at = now()
     where o.id in (
       select id from outbox
       where ((status = 'pending' and next_attempt_at <= now()) or (status = 'processing' and locked_until < now()))
         -- Helpdesk jobs of one ticket go in order (create before comment): a job waits while
         -- an earlier one of its ticket is unfinished. A dead one no longer holds it back.
         and not (topic like 'helpdesk.%' and exists (
           select 1 from outbox e
           where e.topic like 'helpdesk.%' and e.status in ('pending', 'processing')
             and e.payload ->> 'ticketId' = outbox.payload ->> 'ticketId' and e.id < outbox.id))
       order by next_attempt_at, id
       limit $2
       for update skip locked)
     returning o.id, o.topic, o.payload, o.attempts, o.max_attempts as "maxAttempts",
       o.outcome_unknown as "outcomeUnknown", o.dedupe_key as "dedupeKey", o.correlation_id as "correlationId", o.created_at as "createdAt"`,
    [worker, limit, leaseMs],
  );
}

export interface AttemptRecord {
  worker: string;
  attempt: number;
  startedAt: Date;
  latencyMs: number;
  outcome: 'delivered' | 'retry' | 'dead';
  httpStatus: number | null;
  errorClass: string | null;
  error: string | null;
}

/**
 * Settles one attempt: the attempt row and the job's new state in one statement. The
 * update only applies while `worker` still holds the lease, so a worker that stalled past
 * its lease cannot overwrite the outcome of the worker that took the job over. Returns
 * whether the job's state changed.
 */
export async function settleAttempt(
  db: Queryable,
  jobId: number,
  record: AttemptRecord,
  next: { status: 'done' | 'pending' | 'dead'; delayMs?: number; outcomeUnknown?: boolean },
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `with attempt as (
       insert into outbox_attempts (job_id, attempt, worker, started_at, latency_ms, outcome, http_status, error_class, error)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     )
     update outbox set status = $10, locked_by = null, locked_until = null,
       next_attempt_at = now() + make_interval(secs => $11::double precision / 1000),
       outcome_unknown = $12, last_error = coalesce($9, last_error), updated_at = now()
     where id = $1 and status = 'processing' and locked_by = $3
     returning id`,
    [
      jobId,
      record.attempt,
      record.worker,
      record.startedAt.toISOString(),
      record.latencyMs,
      record.outcome,
      record.httpStatus,
      record.errorClass,
      record.error,
      next.status,
      next.delayMs ?? 0,
      next.outcomeUnknown ?? false,
    ],
  );
  return rows.length > 0;
}

/** Every attempt of one job, oldest first. */
export function listAttempts(db: Queryable, jobId: number) {
  return db.query<AttemptRecord & { id: number }>(
    `select id, attempt, worker, started_at as "startedAt", latency_ms as "latencyMs", outcome,
       http_status as "httpStatus", error_class as "errorClass", error
     from outbox_attempts where job_id = $1 order by id`,
    [jobId],
  );
}

/** How many jobs are still to deliver (pending or held); the drain loop and the benchmark watch it. */
export async function countUndelivered(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from outbox where status in ('pending', 'processing')`);
  return row?.n ?? 0;
}
