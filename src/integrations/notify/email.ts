import { outgoingTraceHeaders } from '../../observability/trace-headers.ts';
import { DeliveryError } from '../delivery-error.ts';
import type { VendorCall } from '../vendor-fetch.ts';

/**
 * Alert email over SMTP with nodemailer. The Message-ID is derived from the alert, so a
 * resend after an unknown outcome is recognisable as the same message by mail clients.
 * SMTP 5xx replies are permanent (RFC 5321 §4.2.1), everything else is worth a retry.
 */
export function emailAlerter(options: { smtpUrl: string; to: string; from: string; timeoutMs: number }) {
  // nodemailer is loaded on first use: most deployments never configure SMTP.
  const transport = import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as never));
  // SMTP has its own timeouts (above); the call gives the correlation id.
  return async function sendAlertEmail(alert: { id: number; subject: string; text: string }, call: VendorCall): Promise<void> {
    try {
      await (await transport).sendMail({
        from: options.from,
        to: options.to,
        subject: alert.subject,
        text: alert.text,
        messageId: `<alert-${alert.id}@toolgate>`,
        // The correlation id of the job or event behind the alert, as on every vendor call.
        headers: outgoingTraceHeaders(call.correlationId),
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500) {
        throw new DeliveryError(`smtp: permanent failure ${code}`, { retryable: false, errorClass: `smtp_${code}`, status: code });
      }
      throw new DeliveryError('smtp: delivery failed', { retryable: true, errorClass: typeof code === 'number' ? `smtp_${code}` : 'network', outcomeUnknown: true });
    }
  };
}
