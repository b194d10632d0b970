import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodePuppetScript } from '../../src/agent/puppet-model.ts';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { launchChromium } from './browser.ts';
import { startGatewayServer, startHostSite } from './widget-harness.ts';

/**
 * What every widget browser suite shares: one PGlite database; the gateway on the offline `local`
 * model (what a newcomer types) and on the `puppet` model (where a test needs an exact tool call);
 * a host site on an origin in ALLOWED_ORIGINS and one on an origin that is not; Chromium. The
 * suites are split across files so that each file stays well inside the runner's per-file timeout.
 * The bindings are live: they hold values once `useWidgetFixture`'s before hook has run.
 */
export let db: Database;
export let browser: Browser;
export let local: Awaited<ReturnType<typeof startGatewayServer>>;
export let puppet: Awaited<ReturnType<typeof startGatewayServer>>;
export let allowedHost: Awaited<ReturnType<typeof startHostSite>>;
export let otherHost: Awaited<ReturnType<typeof startHostSite>>;
const contexts: BrowserContext[] = [];

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Registers the set-up and tear-down in the calling suite. */
export function useWidgetFixture() {
  before(async () => {
    db = await openPglite();
    await migrate(db);
    allowedHost = await startHostSite();
    otherHost = await startHostSite();
    local = await startGatewayServer(db, { MODEL: 'local', ALLOWED_ORIGINS: allowedHost.origin });
    puppet = await startGatewayServer(db, { MODEL: 'puppet', ALLOWED_ORIGINS: allowedHost.origin });
    browser = await launchChromium();
  });
  after(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    await browser?.close();
    await Promise.all([local?.stop(), puppet?.stop(), allowedHost?.stop(), otherHost?.stop()]);
    await db?.close();
  });
}

/** A fresh browser context (its own cookies and storage) and a page in it. */
export async function newPage(options: { width?: number; height?: number; reducedMotion?: 'reduce'; bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    // Only for the axe scan: the demo page's CSP (rightly) refuses the scanner's inline script.
    bypassCSP: options.bypassCSP ?? false,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** The puppet model's script for each next chat request of this page, in order. */
export async function scriptChats(page: Page, scripts: Array<Parameters<typeof encodePuppetScript>[0]>) {
  await page.route('**/v1/chat', async (route) => {
    const script = scripts.shift() ?? { text: 'OK.' };
    await route.continue({ headers: { ...route.request().headers(), 'x-puppet': encodePuppetScript(script) } });
  });
}

/** The conversation id the widget keeps for `gatewayUrl` in this page's storage. */
export const conversationOf = (page: Page, gatewayUrl: string) => page.evaluate((key) => localStorage.getItem(key), `toolgate:${gatewayUrl}:conversation`);
