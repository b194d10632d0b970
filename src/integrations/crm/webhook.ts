import { postSignedWebhook } from '../signed-webhook.ts';
import { contactFields, type CrmProvider } from './types.ts';

/**
 * For Zapier, Make or n8n: each contact becomes a signed `contact.upserted` event, payment
 * events pass through as `payment.*`. Empty fields are left out, so a receiver mapping
 * fields one by one never blanks a value it already holds.
 */
export function webhookCrm(options: { url: string; secret: string }): CrmProvider {
  const target = { url: options.url, secret: options.secret, vendor: 'crm webhook' };
  return {
    name: 'webhook',
    async upsertContact(contact, call) {
      await postSignedWebhook(target, { id: call.idempotencyKey, type: 'contact.upserted', data: { id: contact.id, ...contactFields(contact) } }, call);
      return { vendorId: null };
    },
    async sendEvent(event, call) {
      await postSignedWebhook(target, event, call);
    },
  };
}
