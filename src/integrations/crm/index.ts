import type { Config } from '../../config.ts';
import { hubspotCrm } from './hubspot.ts';
import type { CrmProvider } from './types.ts';
import { webhookCrm } from './webhook.ts';

/** The configured CRM, or null for `none` (contacts stay in the database, shown as not synced). */
export function crmFromConfig(config: Config): CrmProvider | null {
  switch (config.CRM_PROVIDER) {
    case 'hubspot':
      return hubspotCrm({ token: config.HUBSPOT_TOKEN!, baseUrl: config.HUBSPOT_BASE_URL });
    case 'webhook':
      return webhookCrm({ url: config.CRM_WEBHOOK_URL!, secret: config.CRM_WEBHOOK_SECRET! });
    default:
      return null;
  }
}

export type { CrmProvider } from './types.ts';
