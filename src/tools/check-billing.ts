import { z } from 'zod';
import { entitlementOf } from '../billing/entitlement.ts';
import { formatMoney } from '../billing/money.ts';
import { amountsDue, findAccountOfUser, findOwnInvoice, linkByVerifiedEmail, recentInvoices, type BillingAccount, type Invoice } from '../store/billing.ts';
import { defineTool, type ExecutionContext } from './tool-spec.ts';

/**
 * Kept for models that like to name what the user asked about. It only steers nothing:
 * every answer carries the whole state, so a model that picks no topic, or another word,
 * still answers the question (a billing question was refused over a topic word before).
 */
export const BILLING_TOPICS = ['invoices', 'payment_status', 'plan', 'general'] as const;

/**
 * What may be looked up as an invoice: a Stripe id (`in_…`), the number Stripe prints
 * (`ABCD-0012`), or any other reference a customer reads off a document (`INV-2024-0042`,
 * `СФ-0154`, `2024/118`): letters and digits of any script in up to five parts joined by
 * `-`, `/`, `.` or `_`, with at least one digit, after an optional series code of letters
 * and one space (`FT 2024/118`, `FA 2024-0012`: how Portuguese, Spanish and French fiscal
 * documents print their number). No other spaces, no quotes or controls, so nothing but a
 * reference reaches the lookup, which answers anything that is not the caller's as not found.
 */
const INVOICE_REFERENCE = /^(?:\p{L}{1,6} )?(?=\P{N}*\p{N})[\p{L}\p{N}]{1,24}(?:[-/._][\p{L}\p{N}]{1,24}){0,4}$/u;
const MAX_REFERENCE = 64;

/** Every dash a keyboard, an input method or autocorrect puts between prefix and sequence. */
const DASHES = /[\p{Pd}\u2212]/gu;
/** Quotes and brackets around a reference, and a number sign or `No.` before it. */
const WRAPPING = /^(?:[\s"'“”‘’«»「」『』()[\]<>]|#|№|no\.?\s)+|[\s"'“”‘’«»「」『』()[\]<>.,;:!?؟。、]+$/giu;

/**
 * An invoice reference as customers type it, in the form Stripe prints it: width and
 * compatibility forms folded (NFKC: `ＡＢＣＤ－００１２`), any dash as `-` (an en dash from
 * autocorrect, a non-breaking hyphen), a number sign, quotes or brackets around it dropped,
 * and a prefix and sequence written with a space joined by `-`; a series code and a number
 * with separators of its own (`FT  2024/118`) keep one space. Anything else is left as typed,
 * for the schema to judge.
 */
export function invoiceReference(typed: string): string {
  const folded = typed.normalize('NFKC').replace(DASHES, '-').replace(WRAPPING, '');
  const spaced = /^([A-Za-z0-9]{1,12})\s*[-\s]\s*([0-9]{1,10})$/.exec(folded);
  if (spaced) return `${spaced[1]}-${spaced[2]}`;
  // A series code before a number with its own separators keeps its space, as printed.
  const series = /^(\p{L}{1,6})\s+(\p{N}\S*)$/u.exec(folded);
  return series ? `${series[1]} ${series[2]}` : folded;
}

export const checkBillingInput = z
  .object({
    topic: z.string().trim().max(40).optional(),
    invoice_id: z
      .string()
      .trim()
      .transform(invoiceReference)
      .refine((v) => v.length <= MAX_REFERENCE && INVOICE_REFERENCE.test(v), 'must be an invoice id like in_123 or an invoice number like ABCD-0012')
      .optional(),
  })
  .strict();

export type CheckBillingInput = z.infer<typeof checkBillingInput>;

const day = (d: Date) => d.toISOString().slice(0, 10);

const describeInvoice = (i: Invoice) =>
  `${i.number ?? i.id}: ${formatMoney(i.amountDue, i.currency)}, ${i.status}` +
  (i.status === 'paid' && i.paidAt ? `, paid ${day(i.paidAt)}` : i.dueAt ? `, due ${day(i.dueAt)}` : '');

const FIX_IT = 'You can update your card and retry the payment in the billing portal (Account → Billing), or reply here and we will help.';

async function whatToDo(account: BillingAccount, ctx: ExecutionContext): Promise<string | null> {
  if (!['failed', 'disputed'].includes(account.paymentState) && account.status !== 'past_due') return null;
  const link = account.stripeCustomerId ? await ctx.billing?.portalLink(account.stripeCustomerId, ctx.requestId) : null;
  return link ? `To fix it, update your payment method here: ${link}` : FIX_IT;
}

/**
 * Reads the caller's own billing record. The account is found from the session, never
 * from arguments; an invoice that is not the caller's is answered exactly like one that
 * does not exist, so the reply cannot confirm another tenant's data.
 */
export const checkBilling = defineTool({
  name: 'check_billing',
  description:
    "Look up the signed-in customer's own billing: plan, subscription status, renewal date, amount due, last payment and invoices. Pass invoice_id for one invoice (an id like in_123 or the number printed on it, like ABCD-0012). Identity comes from the session.",
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
    // A customer Stripe created before this user signed in is linked by the verified email in the token.
    if (ctx.session.email) await linkByVerifiedEmail(tx, userId, ctx.session.email);
    if (input.invoice_id) {
      const invoice = await findOwnInvoice(tx, userId, input.invoice_id);
      if (!invoice) {
        return { result: { status: 'denied', reason: 'not_found', message: `I couldn't find invoice ${input.invoice_id} on your account.` }, outbox: [] };
      }
      return { result: { status: 'done', message: `Invoice ${describeInvoice(invoice)}.`, invoice: describeInvoice(invoice) }, outbox: [] };
    }
    const account = await findAccountOfUser(tx, userId);
    if (!account) {
      return { result: { status: 'done', message: "I couldn't find a billing record for your account yet." }, outbox: [] };
    }
    const invoices = await recentInvoices(tx, userId);
    const due = await amountsDue(tx, userId);
    const entitlement = entitlementOf(account, new Date(), ctx.billing?.graceDays ?? 3);
    const parts = [`Your plan is ${account.plan ?? 'not set'} and your subscription is ${account.status === 'none' ? 'not set up' : account.status}.`];
    if (account.currentPeriodEnd) {
      parts.push(`${account.cancelAtPeriodEnd ? 'It ends' : 'It renews'} on ${day(account.currentPeriodEnd)}.`);
    }
    parts.push(due.length ? `Amount due: ${due.map((d) => formatMoney(d.amount, d.currency)).join(' and ')}.` : 'Nothing is due.');
    if (account.lastPaymentAt && account.lastPaymentAmount != null && account.lastPaymentCurrency) {
      parts.push(`Last payment: ${formatMoney(account.lastPaymentAmount, account.lastPaymentCurrency)} on ${day(account.lastPaymentAt)}.`);
    }
    if (account.paymentState === 'failed') parts.push('Your last payment failed.');
    if (account.paymentState === 'refunded') parts.push('Your last payment was refunded.');
    if (account.paymentState === 'disputed') parts.push('Your last payment is disputed.');
    if (account.cardBrand && account.cardLast4) parts.push(`Card on file: ${account.cardBrand} ending ${account.cardLast4}.`);
    parts.push(
      entitlement.active
        ? entitlement.graceEndsAt
          ? `Your access continues until ${day(entitlement.graceEndsAt)} unless the payment goes through.`
          : 'Your access is active.'
        : 'Your access is currently off.',
    );
    parts.push(invoices.length ? `Recent invoices: ${invoices.map(describeInvoice).join('; ')}.` : 'There are no invoices yet.');
    const fix = await whatToDo(account, ctx);
    if (fix) parts.push(fix);
    return {
      result: {
        status: 'done',
        message: parts.join(' '),
        plan: account.plan,
        accountStatus: account.status,
        paymentState: account.paymentState,
        entitlement: entitlement.active ? 'active' : 'inactive',
        invoices: invoices.map(describeInvoice),
      },
      outbox: [],
    };
  },
});
