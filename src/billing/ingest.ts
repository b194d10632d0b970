import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { committing, type Database, type Queryable } from '../store/database.ts';
import { claimStripeEvent, countStripeEventAttempt, finishStripeEvent, lockStripeEvent, type NewStripeEvent } from '../store/stripe-events.ts';
import { applyStripeEvent, customerOfEvent, locksOf, type ApplyOptions, type ApplyOutcome } from './apply-event.ts';

export type IngestResult =
  | { duplicate: true }
  | { duplicate: false; status: 'processed' | 'ignored' }
  | { duplicate: false; status: 'failed'; error: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Records what applying the event came to, with everything it changed, in one statement. */
async function finish(tx: Queryable, eventId: string, outcome: ApplyOutcome) {
  if (outcome.status === 'processed') await finishStripeEvent(tx, eventId, 'processed', null, outcome.customerId, outcome.effects);
  else await finishStripeEvent(tx, eventId, 'ignored', outcome.note);
}

/** Events that waited for a charge this one made known (a dispute delivered before its charge). */
async function applyWaitingFor(tx: Queryable, outcome: ApplyOutcome, options: ApplyOptions) {
  for (const chargeId of outcome.chargesRecorded ?? []) {
    const waiting = await tx.query<{ payload: Stripe.Event }>(
      `select payload from stripe_events where status = 'ignored' and last_error = $1 order by created, id for update`,
      [`awaiting_charge:${chargeId}`],
    );
    for (const { payload } of waiting) await applyGuarded(tx, payload, options);
  }
}

/**
 * Applies a stored event under a savepoint, so a failure keeps the event row (status `failed`,
 * with its error) while none of its half-done state changes survive, nor anything else of the
 * transaction is lost (a reprocess, an event that waited for a charge). The commit releases
 * the savepoint.
 */
async function applyGuarded(tx: Queryable, event: Stripe.Event, options: ApplyOptions): Promise<Exclude<IngestResult, { duplicate: true }>> {
  await tx.query('savepoint apply_stripe_event');
  let outcome: ApplyOutcome;
  try {
    outcome = await applyStripeEvent(tx, event, options);
    await finish(tx, event.id, outcome);
  } catch (error) {
    await tx.query('rollback to savepoint apply_stripe_event');
    await finishStripeEvent(tx, event.id, 'failed', errorText(error));
    return { duplicate: false, status: 'failed', error: errorText(error) };
  }
  await applyWaitingFor(tx, outcome, options);
  return { duplicate: false, status: outcome.status };
}

/** Applying a newly delivered event failed; its transaction is rolled back whole. */
class ApplyFailed extends Error {
  constructor(readonly reason: string) {
    // A fixed message: the reason may be a database error's text, and must not be taken for one.
    super('the stripe event could not be applied');
  }
}

/**
 * Stores a verified event and applies it in one transaction: the event row, the state it
 * changes and the outbox rows it causes exist together or not at all. A redelivery of an
 * event already handled changes nothing. Two round trips for a new event: `begin` with the
 * claim, which also locks the rows applying it starts with, then the outcome with everything
 * it changed and the `commit` (unless events waited for a charge it made known: they are
 * applied before the commit). Two for a redelivery: `begin` with the claim, then `commit`.
 * No savepoint guards this first attempt: should applying fail, the transaction is rolled back
 * whole and the event is then stored as `failed` on its own, for Stripe's retry or a reprocess.
 */
export async function ingestStripeEvent(db: Database, event: Stripe.Event, rawBody: string, options: ApplyOptions): Promise<IngestResult> {
  const stored: NewStripeEvent = {
    id: event.id,
    type: event.type,
    apiVersion: event.api_version ?? null,
    created: new Date(event.created * 1000),
    livemode: event.livemode,
    payloadSha256: createHash('sha256').update(rawBody).digest('hex'),
    payloadJson: rawBody,
    customerId: customerOfEvent(event),
  };
  try {
    return await db.transaction(async (tx): Promise<IngestResult> => {
      const claim = await claimStripeEvent(tx, stored, locksOf(event));
      if (!claim.claimed) return { duplicate: true };
      let outcome: ApplyOutcome;
      try {
        outcome = await applyStripeEvent(tx, event, options, claim.locked);
        const waiting = (outcome.chargesRecorded ?? []).length > 0;
        await finish(waiting ? tx : committing(tx), event.id, outcome);
      } catch (error) {
        throw new ApplyFailed(errorText(error));
      }
      await applyWaitingFor(tx, outcome, options);
      return { duplicate: false, status: outcome.status };
    }, { beginWithFirstStatement: true });
  } catch (error) {
    if (!(error instanceof ApplyFailed)) throw error;
    return db.transaction(async (tx): Promise<IngestResult> => {
      // Another delivery may have applied it meanwhile: then this one is a redelivery.
      if (!(await claimStripeEvent(tx, stored)).claimed) return { duplicate: true };
      await finishStripeEvent(tx, event.id, 'failed', error.reason);
      return { duplicate: false, status: 'failed', error: error.reason };
    });
  }
}

/** Applies a stored event again (after a fix, or a failure); safe because every change is versioned and every effect keyed. */
export async function reprocessStripeEvent(db: Database, eventId: string, options: ApplyOptions): Promise<IngestResult | null> {
  return db.transaction(async (tx) => {
    const stored = await lockStripeEvent(tx, eventId);
    if (!stored) return null;
    await countStripeEventAttempt(tx, eventId);
    return applyGuarded(tx, stored.payload as Stripe.Event, options);
  });
}
