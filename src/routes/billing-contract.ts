import { z } from '@hono/zod-openapi';

const money = { amount: z.number().int().openapi({ description: 'Minor units of the currency (cents; yen; fils).' }), currency: z.string(), formatted: z.string() };

/** The billing state the app's screens show; the same shape in the founder console. */
export const billingState = z
  .object({
    linked: z.boolean().openapi({ description: 'Whether a Stripe customer is linked to this user.' }),
    plan: z.string().nullable(),
    priceId: z.string().nullable(),
    subscriptionStatus: z.string().openapi({ description: "Stripe's subscription status, `none` before any subscription." }),
    currentPeriodEnd: z.string().nullable().openapi({ format: 'date-time' }),
    cancelAtPeriodEnd: z.boolean(),
    paymentState: z.enum(['pending', 'paid', 'failed', 'refunded', 'disputed']),
    amountDue: z.array(z.object(money)),
    lastPayment: z.object({ ...money, at: z.string().openapi({ format: 'date-time' }) }).nullable(),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    entitlement: z.object({
      active: z.boolean(),
      reason: z.string(),
      graceEndsAt: z.string().nullable().openapi({ format: 'date-time' }),
    }),
    invoices: z.array(
      z.object({
        id: z.string(),
        number: z.string().nullable(),
        status: z.string(),
        ...money,
        amountPaid: z.number().int(),
        dueAt: z.string().nullable(),
        paidAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('BillingState');
