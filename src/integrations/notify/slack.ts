import { vendorFetch, type VendorCall } from '../vendor-fetch.ts';

/**
 * A Slack-compatible incoming webhook: `POST {"text": ...}`, 200 `ok` on success; 400/403/
 * 404/410 are permanent, 429 carries `Retry-After` (https://api.slack.com/messaging/webhooks,
 * https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks,
 * https://api.slack.com/docs/rate-limits; summarised in test/fixtures/vendors/slack/).
 */
export async function postSlackAlert(url: string, text: string, call: VendorCall): Promise<void> {
  await vendorFetch('alert webhook', url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  }, call);
}
