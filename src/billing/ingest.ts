import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { Database, Queryable } from '../store/database.ts';
import { claimStripeEvent, countStripeEventAttempt, finishStripeEvent, lockStripeEvent } from '../store/stripe-events.ts';
import { withCorrelation } from '../observability/correlation.ts';
import { applyStripeEvent, customerOfEvent, type ApplyOptions, type ApplyOutcome } from './apply-event.ts';

export type IngestResult =
  | { duplicate: true }
  | { duplicate: false; status: 'processed' | 'ignored' }
  | { duplicate: false; status: 'failed'; error: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Applies the event under a savepoint, so a failure keeps the event row (status `failed`,
 * with its error) while none of its half-done state changes survive. The savepoint is not
 * released: the commit releases it, and a release would cost a round trip per event.
 */
async function applyGuarded(tx: Queryable, event: Stripe.Event, options: ApplyOptions): Promise<Exclude<IngestResult, { duplicate: true }>> {
  await tx.query('savepoint apply_stripe_event');
  let outcome: ApplyOutcome;
  try {
    outcome = await applyStripeEvent(tx, event, options);
    if (outcome.status === 'processed') await finishStripeEvent(tx, event.id, 'processed', null, outcome.customerId, outcome.effects);
    else await finishStripeEvent(tx, event.id, 'ignored', outcome.note);
  } catch (error) {
    await tx.query('rollback to savepoint apply_stripe_event');
    await finishStripeEvent(tx, event.id, 'failed', errorText(error));
    return { duplicate: false, status: 'failed', error: errorText(error) };
  }
  // Events that waited for a charge this one made known (a dispute delivered before its charge).
  for (const chargeId of outcome.chargesRecorded ?? []) await applyWaiting(tx, chargeId, options);
  return { duplicate: false, status: outcome.status };
}

async function applyWaiting(tx: Queryable, chargeId: string, options: ApplyOptions) {
  const waiting = await tx.query<{ payload: Stripe.Event }>(
    `select payload from stripe_events where status = 'ignored' and last_error = $1 order by created, id for update`,
    [`awaiting_charge:${chargeId}`],
  );
  for (const { payload } of waiting) await applyGuarded(tx, payload, options);
}

/**
 * Stores a verified event and applies it in one transaction: the event row, the state it
 * changes and the outbox rows it causes exist together or not at all. A redelivery of an
 * event already handled changes nothing.
 */
export async function ingestStripeEvent(db: Database, event: Stripe.Event, rawBody: string, options: ApplyOptions): Promise<IngestResult> {
  // The event id is the correlation id of what it causes, however it arrived (webhook or catch-up).
  return withCorrelation(event.id, () => db.transaction(async (tx) => {
    const claimed = await claimStripeEvent(tx, {
      id: event.id,
      type: event.type,
      apiVersion: event.api_version ?? null,
      created: new Date(event.created * 1000),
      livemode: event.livemode,
      payloadSha256: createHash('sha256').update(rawBody).digest('hex'),
      payloadJson: rawBody,
      customerId: customerOfEvent(event),
    });
    if (!claimed) return { duplicate: true } as const;
    return applyGuarded(tx, event, options);
  }));
}

/** Applies a stored event again (after a fix, or a failure); safe because every change is versioned and every effect keyed. */
export async function reprocessStripeEvent(db: Database, eventId: string, options: ApplyOptions): Promise<IngestResult | null> {
  return withCorrelation(eventId, () => db.transaction(async (tx) => {
    const stored = await lockStripeEvent(tx, eventId);
    if (!stored) return null;
    await countStripeEventAttempt(tx, eventId);
    return applyGuarded(tx, stored.payload as Stripe.Event, options);
  }));
}
