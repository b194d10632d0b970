import { Webhook } from 'standardwebhooks';
import { vendorFetch, type VendorCall } from './vendor-fetch.ts';

/**
 * A Standard Webhooks POST (spec: github.com/standard-webhooks/standard-webhooks,
 * spec/standard-webhooks.md): `webhook-id` doubles as the receiver's idempotency key, so
 * we pass the outbox job's stable id and a redelivery is recognisable as the same message.
 */
export async function postSignedWebhook(
  target: { url: string; secret: string; vendor: string },
  event: { id: string; type: string; data: Record<string, unknown> },
  call: VendorCall,
): Promise<void> {
  const sentAt = new Date();
  const body = JSON.stringify({ type: event.type, timestamp: sentAt.toISOString(), data: event.data });
  const signature = new Webhook(target.secret).sign(event.id, sentAt, body);
  await vendorFetch(target.vendor, target.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
      'idempotency-key': event.id,
    },
    body,
  }, call);
}
