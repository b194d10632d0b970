import { DeliveryError } from '../../integrations/delivery-error.ts';
import type { CrmProvider } from '../../integrations/crm/index.ts';
import { contactForSync, setContactSync } from '../../store/sync-state.ts';
import type { JobHandler } from '../handler.ts';

/** `crm.upsert_contact` {contactId}: the contact as it is now (a later edit is sent too), upserted by email. */
export function crmUpsertContact(crm: CrmProvider | null): JobHandler {
  return {
    async run({ db, job, call }) {
      const contactId = job.payload.contactId;
      if (typeof contactId !== 'string') throw new DeliveryError('payload has no contactId', { retryable: false, errorClass: 'bad_payload' });
      const contact = await contactForSync(db, contactId);
      if (!contact) throw new DeliveryError('the contact no longer exists', { retryable: false, errorClass: 'missing_row' });
      if (!crm) {
        await setContactSync(db, contact.id, 'not_configured');
        return;
      }
      const { vendorId } = await crm.upsertContact(contact, call);
      await setContactSync(db, contact.id, 'synced', vendorId);
    },
  };
}
