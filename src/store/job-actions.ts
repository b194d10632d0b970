import { closeAlerts } from './alerts.ts';
import { appendAudit, operatorAudit } from './audit.ts';
import { setJobOwner } from './console-views.ts';
import type { Database } from './database.ts';
import { resolveJob } from './exceptions.ts';
import { retryDeadJob } from './outbox.ts';
import { markSyncPending } from './sync-state.ts';

/** Who acted, for the audit row: the request that carried the action and the operator behind it. */
export interface Operator {
  requestId: string;
  actor: string;
}

const audited = (who: Operator, decision: string, args: Record<string, unknown>) =>
  operatorAudit({ requestId: who.requestId, actor: who.actor, kind: 'job_action', decision, args });

/**
 * Re-queues a dead-lettered or unknown job by hand (admin API and console alike): the job, its
 * row's sync state and the audit row change together or not at all. Null when no such job.
 */
export function retryJobByHand(db: Database, who: Operator, id: number) {
  return db.transaction(async (tx) => {
    const retried = await retryDeadJob(tx, id);
    if (!retried) return null;
    await markSyncPending(tx, retried.topic, retried.payload);
    await appendAudit(tx, audited(who, 'retried', { jobId: id, topic: retried.topic }));
    return retried;
  });
}

/** Closes a dead-lettered or unknown job by hand with a note; its open alert episode closes with it. */
export function resolveJobByHand(db: Database, who: Operator, id: number, note: string) {
  return db.transaction(async (tx) => {
    const resolved = await resolveJob(tx, id, note);
    if (!resolved) return null;
    await closeAlerts(tx, String(id));
    await appendAudit(tx, audited(who, 'resolved', { jobId: id, topic: resolved.topic, note }));
    return resolved;
  });
}

/** Names (or clears) the person handling an exception. */
export function assignJob(db: Database, who: Operator, id: number, owner: string | null) {
  return db.transaction(async (tx) => {
    const owned = await setJobOwner(tx, id, owner);
    if (!owned) return null;
    await appendAudit(tx, audited(who, 'assigned', { jobId: id, topic: owned.topic, owner }));
    return owned;
  });
}
