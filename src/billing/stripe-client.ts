import Stripe from 'stripe';

export interface StripeClientOptions {
  secretKey: string | undefined;
  /** protocol://host:port of a Stripe-compatible API (tests); Stripe itself when unset. */
  baseUrl?: string | undefined;
  timeoutMs: number;
}

/** The SDK client for API calls (portal links, catch-up), or null without STRIPE_SECRET_KEY. */
export function createStripeClient(o: StripeClientOptions): Stripe | null {
  if (!o.secretKey) return null;
  const url = o.baseUrl ? new URL(o.baseUrl) : null;
  return new Stripe(o.secretKey, {
    timeout: o.timeoutMs,
    maxNetworkRetries: 1,
    httpClient: Stripe.createFetchHttpClient(),
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
          protocol: url.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}
