/**
 * Refused deliveries leave nothing in the database (an unverified body is not Stripe's word),
 * only a log line and these counters, which the metrics endpoint and tests read.
 */
export type WebhookRejection = 'missing_signature' | 'invalid_signature' | 'malformed_event' | 'not_configured';

export const webhookCounters = {
  received: 0,
  duplicates: 0,
  failed: 0,
  rejected: { missing_signature: 0, invalid_signature: 0, malformed_event: 0, not_configured: 0 } as Record<WebhookRejection, number>,
};
