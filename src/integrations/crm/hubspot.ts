import { DeliveryError } from '../delivery-error.ts';
import { jsonBody, vendorFetch } from '../vendor-fetch.ts';
import { contactFields, type CrmProvider } from './types.ts';

/**
 * Our lifecycle stages in HubSpot's terms. `lifecyclestage` takes HubSpot's internal stage
 * names; `hs_lead_status` carries the finer "needs follow-up" (both are default contact
 * properties: https://knowledge.hubspot.com/properties/hubspots-default-contact-properties).
 */
const STAGES: Record<string, { lifecyclestage: string; hs_lead_status?: string }> = {
  new_lead: { lifecyclestage: 'lead', hs_lead_status: 'NEW' },
  qualified: { lifecyclestage: 'salesqualifiedlead', hs_lead_status: 'OPEN' },
  customer: { lifecyclestage: 'customer' },
  needs_follow_up: { lifecyclestage: 'lead', hs_lead_status: 'IN_PROGRESS' },
};

/** First word(s) and last word, as HubSpot splits a contact's name. */
function splitName(name: string): { firstname?: string; lastname?: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { firstname: words[0]! };
  return { firstname: words.slice(0, -1).join(' '), lastname: words.at(-1)! };
}

/** HubSpot contact properties for one of our contacts; only non-empty values are sent. */
export function hubspotProperties(contact: Parameters<CrmProvider['upsertContact']>[0]): Record<string, string> {
  const fields = contactFields(contact);
  const stage = STAGES[fields.lifecycleStage ?? ''] ?? STAGES.new_lead!;
  const properties: Record<string, string | undefined> = {
    email: fields.email,
    ...splitName(fields.name ?? ''),
    company: fields.company,
    phone: fields.phone,
    // Custom single-line text properties the portal needs (README: HubSpot set-up).
    toolgate_source: fields.source,
    toolgate_plan: fields.plan,
    ...stage,
  };
  return Object.fromEntries(Object.entries(properties).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

interface BatchResponse {
  status?: string;
  results?: Array<{ id?: string; properties?: Record<string, string | null> }>;
}

/**
 * CRM v3 batch upsert keyed by email: `POST /crm/v3/objects/contacts/batch/upsert` with
 * `{"inputs": [{"idProperty": "email", "id": <email>, "properties": {...}}]}`
 * (https://developers.hubspot.com/docs/api/crm/contacts, "Create or update a batch of
 * contacts by unique property values"). An upsert by email is idempotent by itself: a
 * retry after a timeout updates the same contact instead of creating a second one.
 * HubSpot documents no idempotency header for this call; we send `Idempotency-Key`
 * anyway (ignored by HubSpot, logged by proxies) and rely on the upsert.
 */
export function hubspotCrm(options: { token: string; baseUrl: string }): CrmProvider {
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    name: 'hubspot',
    async upsertContact(contact, call) {
      const response = await vendorFetch('hubspot', `${base}/crm/v3/objects/contacts/batch/upsert`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'idempotency-key': call.idempotencyKey },
        body: JSON.stringify({ inputs: [{ idProperty: 'email', id: contact.email, properties: hubspotProperties(contact) }] }),
      }, call);
      const body = await jsonBody<BatchResponse>('hubspot', response);
      const id = body.results?.[0]?.id;
      if (!id) throw new DeliveryError('hubspot: the upsert answered without a contact id', { retryable: true, errorClass: 'bad_response' });
      return { vendorId: String(id) };
    },
  };
}
