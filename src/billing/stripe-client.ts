import Stripe from 'stripe';
import { outgoingTraceHeaders } from '../observability/trace-headers.ts';

export interface StripeClientOptions {
  secretKey: string | undefined;
  /** protocol://host:port of a Stripe-compatible API (tests); Stripe itself when unset. */
  baseUrl?: string | undefined;
  timeoutMs: number;
}

/**
 * The SDK's fetch with the correlation headers every vendor call carries, so a portal link or a
 * catch-up page can be matched with the request or event that asked for it in Stripe's logs.
 */
const tracedFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(outgoingTraceHeaders())) headers.set(name, value);
  return fetch(input, { ...init, headers });
};

/** The SDK client for API calls (portal links, catch-up), or null without STRIPE_SECRET_KEY. */
export function createStripeClient(o: StripeClientOptions): Stripe | null {
  if (!o.secretKey) return null;
  const url = o.baseUrl ? new URL(o.baseUrl) : null;
  return new Stripe(o.secretKey, {
    timeout: o.timeoutMs,
    maxNetworkRetries: 1,
    httpClient: Stripe.createFetchHttpClient(tracedFetch),
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
          protocol: url.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}
