import type { Database } from '../store/database.ts';
import type { ClaimedJob } from '../store/outbox-claims.ts';

export interface JobContext {
  db: Database;
  job: ClaimedJob;
  /** Aborts at the per-call deadline; pass it to every vendor call. */
  signal: AbortSignal;
  /** Stable across attempts of this job: what vendors deduplicate on. */
  idempotencyKey: string;
}

/** Delivers one outbox topic. Runs outside any database transaction; throws DeliveryError on failure. */
export interface JobHandler {
  run(ctx: JobContext): Promise<void>;
  /** Pages the founder when this many attempts have failed (e.g. a ticket that cannot be created). */
  alertAfterFailures?: { attempts: number; kind: string; key: (job: ClaimedJob) => string; message: (job: ClaimedJob) => string };
}

export type HandlerRegistry = Readonly<Record<string, JobHandler>>;
