import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserAvailable } from './support/browser.ts';
import { widget } from './support/widget-harness.ts';
import { conversationOf, db, local, newPage, unique, useWidgetFixture } from './support/widget-fixture.ts';

/** The chat widget in real Chromium against the real gateway. Loading state, retry without double sends, rate limits, and a full conversation. */
describe('the widget is honest about the network and the limits', { skip: !browserAvailable() && 'Chromium is not installed' }, () => {
  useWidgetFixture();

  test('a loading state shows within a second of sending', async () => {
    const page = await newPage();
    await page.route('**/v1/chat', async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    });
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    await w.say('hello');
    await w.root.locator('.typing').waitFor({ timeout: 1000 });
    assert.equal(await w.root.locator('.send').isDisabled(), true, 'no second send while one is in flight');
  });

  test('a network error offers a retry that sends the message once, whether or not it had arrived', async () => {
    const page = await newPage();
    let attempt = 0;
    await page.route('**/v1/chat', async (route) => {
      attempt++;
      if (attempt === 1) return route.abort('connectionreset'); // the first message never reaches the server
      if (attempt === 3) {
        await route.fetch(); // reached the server and was stored; the answer is lost on the way back
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    const first = `Hi, I am Nat Work, nat.${unique()}@example.com, can I get a demo?`;
    await w.say(first);
    await w.root.getByRole('button', { name: 'Retry' }).click();
    await w.outcome('saved').waitFor();
    const second = 'thanks, that is all';
    await w.say(second);
    await w.root.getByRole('button', { name: 'Retry' }).click();
    await w.root.locator('.msg.assistant').last().waitFor();
    await page.waitForTimeout(500);
    const id = await conversationOf(page, local.url);
    const rows = await db.query<{ content: string }>(`select content from messages where conversation_id = $1 and role = 'user' order by id`, [id]);
    assert.deepEqual(rows.map((r) => r.content), [first, second], 'each message stored exactly once');
    assert.equal(attempt, 3, 'the retry after the lost answer did not send again');
    assert.equal(await w.root.locator('.msg.user', { hasText: second }).count(), 1);
  });

  test('too many messages: the widget says when to try again and keeps the text', async () => {
    const page = await newPage();
    await page.route('**/v1/chat', (route) =>
      route.fulfill({ status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '12', 'access-control-allow-origin': '*' }, body: JSON.stringify({ code: 'rate_limited', status: 429, detail: 'Too many messages; slow down.' }) }),
    );
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    await w.say('hello again');
    await w.outcome('rate_limited').waitFor();
    assert.match(await w.outcome('rate_limited').innerText(), /try again in 12 seconds/);
    assert.equal(await w.input.inputValue(), 'hello again');
  });

  test('a conversation at its length limit: the message goes to a new conversation, with a note saying so', async () => {
    const page = await newPage();
    const ids: string[] = [];
    await page.route('**/v1/chat', (route) =>
      ids.push((route.request().postDataJSON() as { id: string }).id) === 1
        ? route.fulfill({ status: 409, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ code: 'conversation_full', status: 409, detail: 'Start a new conversation.' }) })
        : route.continue(),
    );
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    await w.say('hello once more');
    await w.root.locator('.note', { hasText: 'a new one has started' }).waitFor();
    await w.root.locator('.msg.assistant').nth(1).waitFor();
    const after = await conversationOf(page, local.url);
    assert.equal(ids.length, 2);
    assert.notEqual(ids[1], ids[0], 'a new conversation');
    assert.equal(after, ids[1]);
    assert.equal((await db.query(`select 1 from messages where conversation_id = $1 and role = 'user'`, [after])).length, 1);
  });
});
