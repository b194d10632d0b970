import type { IdempotentCall } from '../integrations/vendor-fetch.ts';
import type { Database } from '../store/database.ts';
import type { ClaimedJob } from '../store/outbox-claims.ts';

export interface JobContext {
  db: Database;
  job: ClaimedJob;
  /**
   * The delivery's deadline, correlation id (the request's or event's that queued the job) and
   * idempotency key (stable across attempts of this job: what vendors deduplicate on). Pass it to
   * every vendor call, and its id to any alert the delivery raises.
   */
  call: IdempotentCall;
}

/** Delivers one outbox topic. Runs outside any database transaction; throws DeliveryError on failure. */
export interface JobHandler {
  run(ctx: JobContext): Promise<void>;
  /** Pages the founder when this many attempts have failed (e.g. a ticket that cannot be created). */
  alertAfterFailures?: { attempts: number; kind: string; key: (job: ClaimedJob) => string; message: (job: ClaimedJob) => string };
}

export type HandlerRegistry = Readonly<Record<string, JobHandler>>;
