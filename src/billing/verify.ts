import Stripe from 'stripe';

/** Stripe's own default: a signature older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type Verified = { ok: true; event: Stripe.Event } | { ok: false; reason: 'missing_signature' | 'invalid_signature' | 'malformed_event' };

/** Accepts the shape every Stripe event has; anything else under a valid signature is refused. */
function isEvent(value: unknown): value is Stripe.Event {
  const e = value as Partial<Stripe.Event> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && /^evt_[A-Za-z0-9_]{1,255}$/.test(e.id) &&
    typeof e.type === 'string' && e.type.length <= 200 && typeof e.created === 'number' && Number.isInteger(e.created) &&
    typeof e.livemode === 'boolean' && typeof e.data === 'object' && e.data !== null &&
    typeof e.data.object === 'object' && e.data.object !== null
  );
}

/**
 * Verifies the raw body with the Stripe SDK against each configured secret (several while
 * a secret is rotated: Stripe signs with both for a while). A body that verifies but is
 * not JSON, or not an event, is refused as malformed, not as a bad signature.
 */
export async function verifyStripeEvent(rawBody: string, signature: string | undefined, secrets: string[], receivedAt?: number): Promise<Verified> {
  if (!signature) return { ok: false, reason: 'missing_signature' };
  for (const secret of secrets) {
    try {
      const event = await Stripe.webhooks.constructEventAsync(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, receivedAt);
      return isEvent(event) ? { ok: true, event } : { ok: false, reason: 'malformed_event' };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue;
      // The signature matched this secret, and the body then failed to parse.
      return { ok: false, reason: 'malformed_event' };
    }
  }
  return { ok: false, reason: 'invalid_signature' };
}
