import type { BillingAccount } from '../store/billing.ts';

export type EntitlementReason =
  | 'subscription_active'
  | 'paid'
  | 'grace_period'
  | 'payment_failed'
  | 'refunded'
  | 'disputed'
  | 'subscription_canceled'
  | 'subscription_inactive'
  | 'customer_deleted'
  | 'no_payment';

export interface Entitlement {
  active: boolean;
  reason: EntitlementReason;
  /** While in the grace period: when access ends unless a payment succeeds. */
  graceEndsAt?: Date;
}

const DAY_MS = 86_400_000;

/**
 * Access follows payment. Checked in order of what ends access for certain (deleted
 * customer, money taken back, cancelled subscription), then a failed renewal, which keeps
 * access for `graceDays` from its first failure, then what grants access.
 */
export function entitlementOf(
  a: Pick<BillingAccount, 'customerDeleted' | 'paymentState' | 'status' | 'failedSince' | 'updatedAt'>,
  now: Date,
  graceDays: number,
): Entitlement {
  if (a.customerDeleted) return { active: false, reason: 'customer_deleted' };
  if (a.paymentState === 'refunded') return { active: false, reason: 'refunded' };
  if (a.paymentState === 'disputed') return { active: false, reason: 'disputed' };
  if (a.status === 'canceled') return { active: false, reason: 'subscription_canceled' };
  if (a.paymentState === 'failed' || a.status === 'past_due') {
    const since = a.failedSince ?? a.updatedAt;
    const graceEndsAt = new Date(since.getTime() + graceDays * DAY_MS);
    return now < graceEndsAt ? { active: true, reason: 'grace_period', graceEndsAt } : { active: false, reason: 'payment_failed' };
  }
  if (a.status === 'active' || a.status === 'trialing') return { active: true, reason: 'subscription_active' };
  if (a.status !== 'none') return { active: false, reason: 'subscription_inactive' };
  if (a.paymentState === 'paid') return { active: true, reason: 'paid' };
  return { active: false, reason: 'no_payment' };
}
