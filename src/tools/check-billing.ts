import { z } from 'zod';
import { findBillingAccount, findOwnInvoice, recentInvoices, type Invoice } from '../store/billing.ts';
import { defineTool } from './tool-spec.ts';

export const BILLING_TOPICS = ['invoices', 'payment_status', 'plan', 'general'] as const;

export const checkBillingInput = z
  .object({
    topic: z.enum(BILLING_TOPICS).optional(),
    invoice_id: z
      .string()
      .trim()
      .regex(/^in_[A-Za-z0-9]{1,64}$/, 'must be an invoice id like in_123')
      .optional(),
  })
  .strict();

export type CheckBillingInput = z.infer<typeof checkBillingInput>;

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
const describeInvoice = (i: Invoice) =>
  `${i.id}: ${money(i.amount_due, i.currency)}, ${i.status}${i.due_at ? `, due ${i.due_at.toISOString().slice(0, 10)}` : ''}`;

/**
 * Reads the caller's own billing record. The account is found from the session,
 * never from arguments; an invoice that is not the caller's is answered exactly
 * like one that does not exist, so the reply cannot confirm another tenant's data.
 */
export const checkBilling = defineTool({
  name: 'check_billing',
  description: "Look up the signed-in customer's own billing status, plan and invoices. Identity comes from the session.",
  input: checkBillingInput,
  confidenceThreshold: 0.7,
  groundedFields: () => [],
  identity: (_input, ctx) =>
    ctx.session.userId ? null : { reason: 'unauthenticated', message: 'Please sign in first, then ask again about your billing.' },
  rateLimits: [{ rule: { limit: 10, windowSeconds: 60 }, key: (_input, ctx) => `check_billing:user:${ctx.session.userId ?? 'anon'}` }],
  // A read: repeating it changes nothing.
  idempotencyKey: () => null,
  async execute(tx, input, ctx) {
    const userId = ctx.session.userId;
    if (!userId) throw new Error('identity gate let an anonymous billing read through');
    if (input.invoice_id) {
      const invoice = await findOwnInvoice(tx, userId, input.invoice_id);
      if (!invoice) {
        return { result: { status: 'denied', reason: 'not_found', message: `I couldn't find invoice ${input.invoice_id} on your account.` }, outbox: [] };
      }
      return { result: { status: 'done', message: `Invoice ${describeInvoice(invoice)}.`, invoice: describeInvoice(invoice) }, outbox: [] };
    }
    const account = await findBillingAccount(tx, userId);
    if (!account) {
      return { result: { status: 'done', message: "I couldn't find a billing record for your account yet." }, outbox: [] };
    }
    const invoices = await recentInvoices(tx, userId);
    const renews = account.current_period_end ? ` The current period ends ${account.current_period_end.toISOString().slice(0, 10)}.` : '';
    const recent = invoices.length ? ` Recent invoices: ${invoices.map(describeInvoice).join('; ')}.` : ' There are no invoices yet.';
    return {
      result: {
        status: 'done',
        message: `Your plan is ${account.plan ?? 'not set'} and your account is ${account.status}.${renews}${recent}`,
        plan: account.plan,
        accountStatus: account.status,
        invoices: invoices.map(describeInvoice),
      },
      outbox: [],
    };
  },
});
