import type Stripe from 'stripe';
import type { Database } from '../store/database.ts';
import { runExclusive } from '../store/exclusive-run.ts';
import { newestStripeEventAt, stripeEventIdsIn } from '../store/stripe-events.ts';
import type { ApplyOptions } from './apply-event.ts';
import { ingestStripeEvent } from './ingest.ts';

export interface ReconcileReport {
  since: string;
  listed: number;
  applied: number;
  duplicates: number;
  failed: number;
}

/** Stripe keeps events for 30 days: with nothing stored yet, that is how far back a catch-up can reach. */
const RETENTION_SECONDS = 30 * 86_400;
/** A bound on one run; the next run continues from the newest stored event. */
const MAX_EVENTS = 10_000;

/**
 * Catches up after an outage: lists Stripe's events from the newest one stored (inclusive,
 * since several can share a second) and feeds the missing ones, oldest first, through the
 * same path as the webhook. Events already stored are no-ops.
 */
export async function reconcileStripeEvents(db: Database, stripe: Stripe, options: ApplyOptions): Promise<ReconcileReport> {
  const newest = await newestStripeEventAt(db);
  const since = newest ? Math.floor(newest.getTime() / 1000) : Math.floor(options.now.getTime() / 1000) - RETENTION_SECONDS;
  const listed: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ created: { gte: since }, limit: 100 })) {
    listed.push(event);
    if (listed.length >= MAX_EVENTS) break;
  }
  listed.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  const stored = await stripeEventIdsIn(db, listed.map((e) => e.id));
  const report: ReconcileReport = { since: new Date(since * 1000).toISOString(), listed: listed.length, applied: 0, duplicates: 0, failed: 0 };
  for (const event of listed) {
    if (stored.has(event.id)) {
      report.duplicates++;
      continue;
    }
    const result = await ingestStripeEvent(db, event, JSON.stringify(event), options);
    if (result.duplicate) report.duplicates++;
    else if (result.status === 'failed') report.failed++;
    else report.applied++;
  }
  return report;
}

/** The lock name every catch-up takes: the admin route and the periodic job, in every process. */
export const RECONCILE_LOCK = 'stripe-reconcile';

/**
 * One catch-up at a time across every gateway and worker process: two at once would list the
 * same events and queue behind each other's rows for nothing. `running` when another holds it.
 */
export async function reconcileExclusive(db: Database, stripe: Stripe, options: () => ApplyOptions): Promise<ReconcileReport | 'running'> {
  const result = await runExclusive(db, RECONCILE_LOCK, () => reconcileStripeEvents(db, stripe, options()));
  return result.ran ? result.value : 'running';
}
