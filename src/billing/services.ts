import type Stripe from 'stripe';
import type { Logger } from 'pino';
import { outgoingTraceHeaders } from '../observability/trace-headers.ts';

/** What the billing tool and routes need from Stripe beyond the stored state. */
export interface BillingServices {
  graceDays: number;
  stripe: Stripe | null;
  /**
   * A Customer Portal link for the customer, or null (no key, Stripe slow or failing). The call
   * carries the correlation id of the request that asked, as every vendor call does.
   */
  portalLink(customerId: string, correlationId: string): Promise<string | null>;
}

export function createBillingServices(o: { graceDays: number; stripe: Stripe | null; returnUrl: string; logger: Pick<Logger, 'warn'> }): BillingServices {
  return {
    graceDays: o.graceDays,
    stripe: o.stripe,
    async portalLink(customerId, correlationId) {
      if (!o.stripe) return null;
      try {
        const session = await o.stripe.billingPortal.sessions.create(
          { customer: customerId, return_url: o.returnUrl },
          { headers: outgoingTraceHeaders(correlationId) },
        );
        return session.url;
      } catch (error) {
        o.logger.warn({ customerId, error: error instanceof Error ? error.name : 'error' }, 'stripe portal link failed');
        return null;
      }
    },
  };
}
