import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPglite } from '../src/store/pglite.ts';
import { browserAvailable, launchChromium } from './support/browser.ts';
import { drain, testWorker, VENDOR_CREDENTIALS, vendorEnv } from './support/outbox-fixtures.ts';
import { startVendorStandIns, type VendorStandIns } from './support/vendor-stand-ins.ts';
import { startGatewayServer, widget } from './support/widget-harness.ts';

/** With a CRM configured, the widget says "syncing" at first and "synced" once the outbox delivered the contact. */
describe('the widget follows a lead until it is synced', { skip: !browserAvailable() && 'Chromium is not installed' }, () => {
  let db: Database;
  let browser: Browser;
  let vendors: VendorStandIns;
  let gateway: Awaited<ReturnType<typeof startGatewayServer>>;

  before(async () => {
    db = await openPglite();
    await migrate(db);
    vendors = await startVendorStandIns(VENDOR_CREDENTIALS);
    gateway = await startGatewayServer(db, { MODEL: 'local', ...vendorEnv(vendors) });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await gateway?.stop();
    await vendors?.stop();
    await db?.close();
  });

  test('"Details saved, syncing" turns into "Details saved and synced" after delivery, without a reload', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${gateway.url}/`);
    const w = widget(page);
    await w.open();
    await w.say(`Hi, I am Sy Ncing, sy.${Date.now().toString(36)}@example.com, can I get a demo?`);
    await w.outcome('syncing').waitFor();
    assert.match(await w.outcome('syncing').innerText(), /Details saved, syncing/);
    const { worker } = testWorker(db, vendorEnv(vendors));
    await drain(db, worker);
    await w.outcome('synced').waitFor();
    assert.match(await w.outcome('synced').innerText(), /Details saved and synced/);
    await page.close();
  });
});
