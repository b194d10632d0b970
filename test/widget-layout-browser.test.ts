import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { artifactPath, browserAvailable, seriousAxeViolations } from './support/browser.ts';
import { hostPage, widget } from './support/widget-harness.ts';
import { allowedHost, local, newPage, puppet, scriptChats, unique, useWidgetFixture } from './support/widget-fixture.ts';

/** The chat widget in real Chromium against the real gateway. Hostile host CSS, keyboard only, a 390 px screen, and an axe-core scan. */
describe('the widget holds up on any page and for every user', { skip: !browserAvailable() && 'Chromium is not installed' }, () => {
  useWidgetFixture();

  test("the host page's hostile CSS does not break the panel", async () => {
    allowedHost.pages.set('/hostile', hostPage(local.url, { css: '* { all: unset !important; } html { font-size: 64px; } body { font-size: 72px !important; line-height: 3; color: red; } div, button, textarea { font-size: 90px !important; width: 10px !important; }' }));
    const page = await newPage();
    await page.goto(`${allowedHost.origin}/hostile`);
    const w = widget(page);
    await w.open();
    const box = await w.panel.boundingBox();
    assert.ok(box && box.width >= 300 && box.width <= 400 && box.height >= 300, JSON.stringify(box));
    const fontSize = await w.input.evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(fontSize, '15px');
    await w.say(`Hi, I am Hugo Host, hugo.${unique()}@example.com, can I get a demo?`);
    await w.outcome('saved').waitFor();
    const send = await w.root.locator('.send').boundingBox();
    assert.ok(send && send.x + send.width <= box!.x + box!.width + 1, 'the send button stays inside the panel');
  });

  test('keyboard only: Tab to the launcher, Enter opens with focus in the box, Enter sends, Escape closes back to the launcher', async () => {
    const page = await newPage({ reducedMotion: 'reduce' });
    allowedHost.pages.set('/plain', hostPage(local.url));
    await page.goto(`${allowedHost.origin}/plain`);
    const w = widget(page);
    await w.launcher.waitFor();
    const focusedClass = () => page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.className ?? document.activeElement?.tagName ?? '');
    for (let i = 0; i < 5 && (await focusedClass()) !== 'launcher'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedClass(), 'launcher');
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    assert.equal(await w.input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true, 'focus moves into the message box');
    await page.keyboard.type(`Hi, I am Kim Keys, kim.${unique()}@example.com, can I get a demo?`);
    await page.keyboard.press('Enter');
    await w.outcome('saved').waitFor();
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    assert.equal(await focusedClass(), 'launcher');
  });

  test('at 390x844 the panel fills the screen and works; a screenshot is saved', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    await w.say(`Hi, I am Mo Bile, mo.${unique()}@example.com, can I get a demo?`);
    await w.outcome('saved').waitFor();
    await w.root.locator('.msg.assistant', { hasText: 'anything else' }).waitFor();
    const box = await w.panel.boundingBox();
    assert.ok(box && box.x >= 0 && box.width <= 390 && box.width >= 380 && box.y >= 0 && box.y + box.height <= 844, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true, 'no sideways scrolling');
    assert.equal(await w.launcher.isVisible(), false, 'the launcher does not cover the send button');
    await w.root.locator('.close').click();
    await w.panel.waitFor({ state: 'hidden' });
    assert.equal(await w.launcher.isVisible(), true);
    await w.open();
    await page.screenshot({ path: artifactPath('widget-390x844.png') });
  });

  test('the open widget has no serious or critical accessibility violations (axe-core), with an outcome and a question shown', async () => {
    const page = await newPage({ bypassCSP: true });
    await scriptChats(page, [{ calls: [{ tool: 'capture_lead', args: { name: 'Axel Scan', email: 'axel@example.com' }, confidence: 0.3 }] }]);
    await page.goto(`${puppet.url}/`);
    const w = widget(page);
    await w.open();
    await w.say('maybe contact me, Axel Scan, axel@example.com');
    await w.outcome('confirm').waitFor();
    assert.deepEqual(await seriousAxeViolations(page, 'toolgate-widget'), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await seriousAxeViolations(page, 'toolgate-widget'), [], 'in dark mode too');
  });
});
