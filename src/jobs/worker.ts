import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../http/logger.ts';
import { DeliveryError } from '../integrations/delivery-error.ts';
import { metrics } from '../observability/metrics.ts';
import { inSpan, withSpanCorrelation } from '../observability/tracing.ts';
import { closeAlerts, raiseAlert, raiseStaleCrmAlerts, type AlertChannel } from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { claimJobs, settleAttempt, type ClaimedJob } from '../store/outbox-claims.ts';
import { markSyncFailed } from '../store/sync-state.ts';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.ts';
import { CONSOLE_PAGES } from './alert-rules.ts';
import type { HandlerRegistry } from './handler.ts';

export interface WorkerOptions {
  db: Database;
  handlers: HandlerRegistry;
  logger: Logger;
  alertChannels: AlertChannel[];
  workerId?: string;
  /** A claimed job is this worker's until then; after it, another worker may take it. */
  leaseMs?: number;
  /** Deadline of one delivery (all vendor calls of one attempt). */
  timeoutMs?: number;
  pollMs?: number;
  /** Jobs claimed and delivered side by side per round. */
  batchSize?: number;
  backoff?: BackoffOptions;
  /** CRM jobs undelivered this long page the founder. */
  staleCrmMs?: number;
  random?: () => number;
  /** Where the console is served: alerts the worker raises link to the job's page there. */
  publicBaseUrl?: string;
  /** Background tasks run beside delivery (the alert check, the Stripe catch-up), each at most once at a time. */
  periodic?: PeriodicTask[];
}

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface OutboxWorker {
  readonly id: string;
  start(): void;
  /** Stops claiming and waits for the round in flight. */
  stop(): Promise<void>;
  /** One round: claim a batch and deliver it. Returns how many jobs were claimed. */
  runOnce(): Promise<number>;
}

/** What an error means for the job; anything that is not a DeliveryError is our own bug: retry, and show it. */
function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(error instanceof Error ? `internal: ${error.message}` : 'internal error', { retryable: true, errorClass: 'internal' });
}

/**
 * The outbox worker. Each round claims due jobs with a lease (one short statement), runs
 * their handlers outside any transaction under a per-call deadline, and settles each with
 * one statement that also records the attempt. Several workers on one Postgres share the
 * table through SKIP LOCKED; on PGlite it runs in the gateway's process.
 */
export function createOutboxWorker(options: WorkerOptions): OutboxWorker {
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const staleCrmMs = options.staleCrmMs ?? 5 * 60_000;
  const { db, handlers, logger } = options;
  const log = logger.child({ worker: id });
  const jobLink = (jobId: number) => (options.publicBaseUrl ? `${options.publicBaseUrl.replace(/\/$/, '')}${CONSOLE_PAGES.job(jobId)}` : null);

  /**
   * One delivery carries the correlation id of the request or event that queued the job (a job
   * from before ids were recorded gets its own), in a span: its log lines, vendor calls and any
   * alert it raises carry that id.
   */
  const correlationOf = (job: ClaimedJob) => job.correlationId ?? `job:${job.id}`;
  const deliver = (job: ClaimedJob): Promise<void> => {
    const correlationId = correlationOf(job);
    return withSpanCorrelation(correlationId, () =>
      inSpan('outbox.deliver', { 'toolgate.topic': job.topic, 'toolgate.job_id': job.id, 'toolgate.attempt': job.attempts }, () => deliverOnce(job, correlationId)),
    );
  };

  async function deliverOnce(job: ClaimedJob, correlationId: string): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    const handler = handlers[job.topic];
    let failure: DeliveryError | null = null;
    try {
      // Claims count attempts, so a job whose workers keep dying mid-delivery still stops.
      if (job.attempts > job.maxAttempts) throw new DeliveryError('attempts used up by workers that stopped mid-delivery', { retryable: false, errorClass: 'lease_expired' });
      if (!handler) throw new DeliveryError(`no handler for topic ${job.topic}`, { retryable: false, errorClass: 'unknown_topic' });
      await handler.run({ db, job, call: { signal: AbortSignal.timeout(timeoutMs), correlationId, idempotencyKey: `toolgate-job-${job.id}` } });
    } catch (error) {
      failure = classify(error);
    }
    const latencyMs = performance.now() - started;
    const base = { worker: id, attempt: job.attempts, startedAt, latencyMs };
    if (!failure) {
      const settled = await settleAttempt(db, job.id, { ...base, outcome: 'delivered', httpStatus: null, errorClass: null, error: null }, { status: 'done' });
      metrics.deliveries.inc({ topic: job.topic, outcome: 'delivered' });
      if (job.topic === 'notify.alert' && typeof job.payload.channel === 'string') metrics.alertsSent.inc({ channel: job.payload.channel });
      if (settled) await closeAlerts(db, String(job.id));
      return;
    }
    const dead = !failure.retryable || job.attempts >= job.maxAttempts;
    const record = { ...base, outcome: dead ? ('dead' as const) : ('retry' as const), httpStatus: failure.status ?? null, errorClass: failure.errorClass, error: failure.message };
    const settled = await settleAttempt(
      db,
      job.id,
      record,
      dead
        ? { status: 'dead', outcomeUnknown: failure.outcomeUnknown }
        : { status: 'pending', delayMs: retryDelay(job.attempts, failure.retryAfterMs, backoff, options.random), outcomeUnknown: failure.outcomeUnknown },
    );
    log.warn({ correlationId, jobId: job.id, topic: job.topic, attempt: job.attempts, errorClass: failure.errorClass, dead, settled }, 'outbox delivery failed');
    metrics.deliveries.inc({ topic: job.topic, outcome: record.outcome });
    if (!settled) return;
    if (dead) {
      metrics.deadLettered.inc({ topic: job.topic });
      await markSyncFailed(db, job.topic, job.payload);
      // An alert that cannot be delivered is listed as such in the exceptions queue; paging about it would loop.
      if (job.topic !== 'notify.alert') {
        await raiseAlert(
          db,
          {
            kind: 'job_dead',
            key: String(job.id),
            message: `Job ${job.id} (${job.topic}) was dead-lettered after ${job.attempts} attempt(s): ${failure.errorClass}.`,
            link: jobLink(job.id),
            correlationId,
          },
          options.alertChannels,
        );
      }
      return;
    }
    const rule = handler?.alertAfterFailures;
    if (rule && job.attempts >= rule.attempts) {
      await raiseAlert(db, { kind: rule.kind, key: rule.key(job), message: rule.message(job), link: jobLink(job.id), correlationId }, options.alertChannels);
    }
  }

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(db, id, batchSize, leaseMs);
    await Promise.all(
      jobs.map((job) =>
        deliver(job).catch((error: unknown) => {
          // The database failed while settling: the lease runs out and the job is taken again.
          log.error({ correlationId: correlationOf(job), jobId: job.id, err: error }, 'outbox settle failed');
        }),
      ),
    );
    return jobs.length;
  }

  // Periodic tasks run detached from the delivery loop (a slow Stripe catch-up must not hold
  // deliveries up), each never twice at once; stop() waits for the ones in flight.
  const periodic = (options.periodic ?? []).filter((t) => t.everyMs > 0).map((task) => ({ task, lastAt: 0, inFlight: null as Promise<void> | null }));
  function kickPeriodic() {
    for (const p of periodic) {
      if (p.inFlight || Date.now() - p.lastAt < p.task.everyMs) continue;
      p.lastAt = Date.now();
      p.inFlight = p.task
        .run()
        .then(
          () => undefined,
          (error: unknown) => log.error({ task: p.task.name, err: error }, 'periodic task failed'),
        )
        .finally(() => {
          p.inFlight = null;
        });
    }
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let lastSweep = 0;

  async function run() {
    while (running) {
      let claimed = 0;
      try {
        claimed = await runOnce();
        kickPeriodic();
        if (Date.now() - lastSweep > Math.min(60_000, staleCrmMs)) {
          lastSweep = Date.now();
          await raiseStaleCrmAlerts(db, staleCrmMs, options.alertChannels, jobLink);
        }
      } catch (error) {
        log.error({ err: error }, 'outbox round failed');
      }
      // A full batch means more is probably due: go again at once.
      if (running && claimed < batchSize) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
      await Promise.all(periodic.map((p) => p.inFlight));
    },
    runOnce,
  };
}
