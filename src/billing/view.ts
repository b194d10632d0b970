import type { BillingAccount, Invoice } from '../store/billing.ts';
import { entitlementOf } from './entitlement.ts';
import { formatMoney } from './money.ts';

const money = (amount: number, currency: string) => ({ amount, currency, formatted: formatMoney(amount, currency) });

/** The billing state as clients see it: amounts in minor units with their ISO currency and a formatted string. */
export function billingView(account: BillingAccount | null, invoices: Invoice[], due: Array<{ currency: string; amount: number }>, now: Date, graceDays: number) {
  const entitlement = account ? entitlementOf(account, now, graceDays) : { active: false, reason: 'no_payment' as const };
  return {
    linked: account !== null,
    plan: account?.plan ?? null,
    priceId: account?.priceId ?? null,
    subscriptionStatus: account?.status ?? 'none',
    currentPeriodEnd: account?.currentPeriodEnd?.toISOString() ?? null,
    cancelAtPeriodEnd: account?.cancelAtPeriodEnd ?? false,
    paymentState: account?.paymentState ?? 'pending',
    amountDue: due.map((d) => money(d.amount, d.currency)),
    lastPayment:
      account?.lastPaymentAt && account.lastPaymentAmount != null && account.lastPaymentCurrency
        ? { ...money(account.lastPaymentAmount, account.lastPaymentCurrency), at: account.lastPaymentAt.toISOString() }
        : null,
    card: account?.cardBrand && account.cardLast4 ? { brand: account.cardBrand, last4: account.cardLast4 } : null,
    entitlement: {
      active: entitlement.active,
      reason: entitlement.reason,
      graceEndsAt: 'graceEndsAt' in entitlement && entitlement.graceEndsAt ? entitlement.graceEndsAt.toISOString() : null,
    },
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      ...money(i.amountDue, i.currency),
      amountPaid: i.amountPaid,
      dueAt: i.dueAt?.toISOString() ?? null,
      paidAt: i.paidAt?.toISOString() ?? null,
    })),
  };
}
