import { DEFAULT_RULES } from '../policy/rate-limit/index.ts';
import { checkBillingInput, TOOL_DESCRIPTIONS, type CheckBillingInput } from './schemas.ts';
import type { ToolSpec } from './tool-spec.ts';

interface AccountRow {
  plan: string | null;
  status: string;
  current_period_end: Date | null;
}
interface InvoiceRow {
  id: string;
  amount_due: number;
  currency: string;
  status: string;
  due_at: Date | null;
}

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
const describeInvoice = (i: InvoiceRow) =>
  `${i.id}: ${money(i.amount_due, i.currency)}, ${i.status}${i.due_at ? `, due ${i.due_at.toISOString().slice(0, 10)}` : ''}`;

/**
 * Reads the caller's own billing record. The account is found from the session,
 * never from arguments; an invoice that is not the caller's is answered exactly
 * like one that does not exist, so the reply cannot confirm another tenant's data.
 */
export const checkBilling: ToolSpec<CheckBillingInput> = {
  name: 'check_billing',
  description: TOOL_DESCRIPTIONS.check_billing,
  input: checkBillingInput,
  requiresSignIn: true,
  groundedFields: () => [],
  rateLimits: (_input, ctx) => [
    { key: `check_billing:user:${ctx.session.userId ?? 'anon'}`, rule: DEFAULT_RULES.checkBillingPerUser },
  ],
  idempotencyKey: () => null,
  async execute(tx, input, ctx) {
    const userId = ctx.session.userId;
    if (!userId) throw new Error('identity gate let an anonymous billing read through');
    if (input.invoice_id) {
      const [invoice] = await tx.query<InvoiceRow>(
        'select id, amount_due, currency, status, due_at from invoices where id = $1 and user_id = $2',
        [input.invoice_id, userId],
      );
      if (!invoice) {
        return { result: { status: 'denied', reason: 'not_found', message: `I couldn't find invoice ${input.invoice_id} on your account.` }, outbox: [] };
      }
      return { result: { status: 'done', message: `Invoice ${describeInvoice(invoice)}.`, invoice: describeInvoice(invoice) }, outbox: [] };
    }
    const [account] = await tx.query<AccountRow>(
      'select plan, status, current_period_end from billing_accounts where user_id = $1',
      [userId],
    );
    if (!account) {
      return { result: { status: 'done', message: "I couldn't find a billing record for your account yet." }, outbox: [] };
    }
    const invoices = await tx.query<InvoiceRow>(
      'select id, amount_due, currency, status, due_at from invoices where user_id = $1 order by created_at desc limit 5',
      [userId],
    );
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
};
