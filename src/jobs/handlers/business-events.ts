import type { CrmProvider } from '../../integrations/crm/index.ts';
import { raiseAlert } from '../../store/alerts.ts';
import type { JobHandler } from '../handler.ts';
import { alertChannels, type AlertTransports } from './notify.ts';

/**
 * Outbox topics that carry a business event rather than a row to sync: payment states
 * and lifecycle changes from Stripe, and a visitor's unverified inquiry about a known
 * contact. The CRM gets them as events (the signed-webhook provider posts them; a
 * provider with no place for them, or none configured, has nothing to deliver: the
 * state itself is in the database and the console).
 */
export function crmEvent(crm: CrmProvider | null, type: (payload: Record<string, unknown>) => string): JobHandler {
  return {
    async run({ job, call }) {
      if (!crm?.sendEvent) return;
      await crm.sendEvent({ id: call.idempotencyKey, type: type(job.payload), data: job.payload }, call);
    },
  };
}

/** A founder alert for a business event, one episode per key (a redelivered event pages once). */
export function businessAlert(
  transports: AlertTransports,
  alert: (payload: Record<string, unknown>) => { kind: string; key: string; message: string },
): JobHandler {
  return {
    async run({ db, job, call }) {
      await raiseAlert(db, { ...alert(job.payload), correlationId: call.correlationId }, alertChannels(transports));
    },
  };
}
