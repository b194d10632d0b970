import type { ContactForSync } from '../../store/sync-state.ts';
import type { IdempotentCall, VendorCall } from '../vendor-fetch.ts';

export type LifecycleStage = 'new_lead' | 'qualified' | 'customer' | 'needs_follow_up';

/** Where a CRM delivery goes. `vendorId` is the vendor's record id when it gives one. */
export interface CrmProvider {
  readonly name: 'hubspot' | 'webhook';
  upsertContact(contact: ContactForSync, call: IdempotentCall): Promise<{ vendorId: string | null }>;
  /** Business events other than contacts (`payment.*`); providers without a place for them ignore them. */
  sendEvent?(event: { id: string; type: string; data: Record<string, unknown> }, call: VendorCall): Promise<void>;
}

/** Our fields, without empty values: an empty field must never clear what the vendor holds. */
export function contactFields(contact: ContactForSync): Record<string, string> {
  const fields: Record<string, string | null> = {
    email: contact.email,
    name: contact.name,
    company: contact.company,
    phone: contact.phone,
    source: contact.source,
    plan: contact.plan,
    lifecycleStage: contact.lifecycleStage,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}
