import type { Config } from '../../config.ts';
import type { HelpdeskProvider } from './types.ts';
import { webhookHelpdesk } from './webhook.ts';
import { zendeskHelpdesk } from './zendesk.ts';

/** The configured helpdesk, or null for `none` (tickets stay in the database and the console). */
export function helpdeskFromConfig(config: Config): HelpdeskProvider | null {
  switch (config.HELPDESK_PROVIDER) {
    case 'zendesk':
      return zendeskHelpdesk({
        baseUrl: config.ZENDESK_BASE_URL ?? `https://${config.ZENDESK_SUBDOMAIN}.zendesk.com`,
        email: config.ZENDESK_EMAIL!,
        apiToken: config.ZENDESK_API_TOKEN!,
      });
    case 'webhook':
      return webhookHelpdesk({ url: config.HELPDESK_WEBHOOK_URL!, secret: config.HELPDESK_WEBHOOK_SECRET! });
    default:
      return null;
  }
}

export type { HelpdeskProvider } from './types.ts';
