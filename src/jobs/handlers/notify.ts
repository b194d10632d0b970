import { DeliveryError } from '../../integrations/delivery-error.ts';
import { postSlackAlert } from '../../integrations/notify/slack.ts';
import type { VendorCall } from '../../integrations/vendor-fetch.ts';
import { getAlert, raiseAlert, type AlertChannel } from '../../store/alerts.ts';
import { ticketForSync } from '../../store/sync-state.ts';
import type { JobHandler } from '../handler.ts';

export interface AlertTransports {
  slackUrl?: string | undefined;
  sendEmail?: ((alert: { id: number; subject: string; text: string }, call: VendorCall) => Promise<void>) | undefined;
}

export const alertChannels = (t: AlertTransports): AlertChannel[] => [
  ...(t.slackUrl ? (['slack'] as const) : []),
  ...(t.sendEmail ? (['email'] as const) : []),
];

/** `notify.urgent_ticket` {ticketId}: opens the ticket's alert episode (once per ticket). */
export function notifyUrgentTicket(transports: AlertTransports): JobHandler {
  return {
    async run({ db, job, call }) {
      const ticket = typeof job.payload.ticketId === 'string' ? await ticketForSync(db, job.payload.ticketId) : null;
      if (!ticket) throw new DeliveryError('the ticket no longer exists', { retryable: false, errorClass: 'missing_row' });
      await raiseAlert(
        db,
        {
          kind: 'urgent_ticket',
          key: ticket.id,
          message: `Urgent ticket: ${ticket.subject} (${ticket.contactEmail ?? 'reply in the chat'}). Transcript: ${ticket.transcriptUrl}`,
          correlationId: call.correlationId,
        },
        alertChannels(transports),
      );
    },
  };
}

/** `notify.alert` {alertId, channel}: one alert to one channel; a failure here is an undeliverable alert. */
export function notifyAlert(transports: AlertTransports): JobHandler {
  return {
    async run({ db, job, call }) {
      const alert = typeof job.payload.alertId === 'number' ? await getAlert(db, job.payload.alertId) : null;
      if (!alert) throw new DeliveryError('the alert no longer exists', { retryable: false, errorClass: 'missing_row' });
      // The console page where the founder acts on it, when the alert names one.
      const text = `[toolgate] ${alert.kind}: ${alert.message}${alert.link ? `\nOpen: ${alert.link}` : ''}`;
      if (job.payload.channel === 'slack' && transports.slackUrl) return postSlackAlert(transports.slackUrl, text, call);
      if (job.payload.channel === 'email' && transports.sendEmail) return transports.sendEmail({ id: alert.id, subject: `[toolgate] ${alert.kind}`, text }, call);
      throw new DeliveryError(`alert channel ${String(job.payload.channel)} is not configured`, { retryable: false, errorClass: 'not_configured' });
    },
  };
}
