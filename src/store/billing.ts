import type { Queryable } from './database.ts';

/**
 * Billing reads, always for one user id: every query is scoped to the owner, so a
 * caller can only ever be shown their own account and invoices.
 */

export interface BillingAccount {
  plan: string | null;
  status: string;
  current_period_end: Date | null;
}

export interface Invoice {
  id: string;
  amount_due: number;
  currency: string;
  status: string;
  due_at: Date | null;
}

export async function findBillingAccount(db: Queryable, userId: string): Promise<BillingAccount | null> {
  const [account] = await db.query<BillingAccount>('select plan, status, current_period_end from billing_accounts where user_id = $1', [userId]);
  return account ?? null;
}

/** The invoice when it exists and belongs to `userId`; another user's invoice is as absent as a missing one. */
export async function findOwnInvoice(db: Queryable, userId: string, invoiceId: string): Promise<Invoice | null> {
  const [invoice] = await db.query<Invoice>(
    'select id, amount_due, currency, status, due_at from invoices where id = $1 and user_id = $2',
    [invoiceId, userId],
  );
  return invoice ?? null;
}

/** The user's five newest invoices, newest first. */
export function recentInvoices(db: Queryable, userId: string): Promise<Invoice[]> {
  return db.query<Invoice>(
    'select id, amount_due, currency, status, due_at from invoices where user_id = $1 order by created_at desc limit 5',
    [userId],
  );
}
