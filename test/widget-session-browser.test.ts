import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendHumanMessage, setHandledBy } from '../src/store/handoff.ts';
import { browserAvailable } from './support/browser.ts';
import { adminGet, userToken } from './support/gateway.ts';
import { hostPage, widget } from './support/widget-harness.ts';
import { allowedHost, conversationOf, db, local, newPage, otherHost, puppet, scriptChats, unique, useWidgetFixture } from './support/widget-fixture.ts';

/** The chat widget in real Chromium against the real gateway. Reloads, allowed and refused origins, a Supabase sign-in and sign-out, and a person taking over. */
describe('the widget keeps the conversation and follows who is chatting', { skip: !browserAvailable() && 'Chromium is not installed' }, () => {
  useWidgetFixture();

  test('a reload keeps the conversation, its outcomes included', async () => {
    const page = await newPage();
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    const email = `rita.${unique()}@example.com`;
    await w.say(`Hi, I am Rita Reload, ${email}, can I get a demo?`);
    await w.outcome('saved').waitFor();
    await w.root.locator('.msg.assistant', { hasText: 'anything else' }).waitFor();
    await page.reload();
    await w.open();
    await w.root.locator('.msg.user', { hasText: email }).waitFor();
    await w.outcome('saved').waitFor();
    assert.equal(await w.root.locator('.msg.user').count(), 1);
  });

  test('a host page on an origin in ALLOWED_ORIGINS works; one on another origin cannot send, and nothing is stored', async () => {
    allowedHost.pages.set('/shop', hostPage(local.url));
    otherHost.pages.set('/shop', hostPage(local.url));
    const allowed = await newPage();
    await allowed.goto(`${allowedHost.origin}/shop`);
    const a = widget(allowed);
    await a.open();
    await a.say(`Hi, I am Olga Origin, olga.${unique()}@example.com, can I get a demo?`);
    await a.outcome('saved').waitFor();

    const other = await newPage();
    await other.goto(`${otherHost.origin}/shop`);
    const o = widget(other);
    await o.open();
    const email = `nope.${unique()}@example.com`;
    await o.say(`Hi, I am Nora Nope, ${email}, can I get a demo?`);
    await o.root.locator('.note', { hasText: 'connection failed' }).waitFor();
    const id = await conversationOf(other, local.url);
    assert.ok(id);
    assert.deepEqual(await db.query('select id from conversations where id = $1', [id]), []);
    assert.equal((await adminGet(local.app, `/admin/v1/contacts?email=${encodeURIComponent(email)}`)).items.length, 0);
  });

  test('toolgate.init({ supabase }) follows the host page’s sign-in: the visitor’s chat moves to the user, and sign-out clears it', async () => {
    const sub = `user-${unique()}`;
    const token = await userToken(sub, { email: `${sub}@example.com` });
    // A stand-in for @supabase/supabase-js's client: the two auth methods the widget uses.
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed-in host</title><link rel="icon" href="data:,"></head><body><main><h1>App</h1></main>
<script>
  window.fakeAuth = { session: null, listeners: [] };
  const supabase = { auth: {
    getSession: async () => ({ data: { session: window.fakeAuth.session } }),
    onAuthStateChange: (callback) => { window.fakeAuth.listeners.push(callback); return { data: { subscription: { unsubscribe() {} } } }; },
  } };
  window.addEventListener('toolgate:ready', () => window.toolgate.init({ supabase }));
</script>
<script src="${puppet.url}/widget.js" data-auth="manual" async></script></body></html>`;
    allowedHost.pages.set('/app', page);
    const tab = await newPage();
    await scriptChats(tab, [{ text: 'Hello, visitor.' }, { text: 'Hello, signed-in you.' }]);
    await tab.goto(`${allowedHost.origin}/app`);
    const w = widget(tab);
    await w.open();
    await w.say('hello before signing in');
    await w.root.locator('.msg.assistant', { hasText: 'Hello, visitor.' }).waitFor();
    const id = await conversationOf(tab, puppet.url);
    assert.match(String((await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]))[0]?.owner), /^visitor:/);

    await tab.evaluate((accessToken) => {
      const auth = (window as unknown as { fakeAuth: { session: unknown; listeners: Array<(e: string, s: unknown) => void> } }).fakeAuth;
      auth.session = { access_token: accessToken };
      auth.listeners.forEach((l) => l('SIGNED_IN', auth.session));
    }, token);
    // The restore after signing in carries the bearer token and the visitor cookie: the chat is adopted and shown again.
    await w.root.locator('.msg.user', { hasText: 'hello before signing in' }).waitFor();
    await w.say('and now signed in');
    await w.root.locator('.msg.assistant', { hasText: 'Hello, signed-in you.' }).waitFor();
    assert.equal((await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]))[0]?.owner, `user:${sub}`);
    assert.equal(await conversationOf(tab, puppet.url), id, 'the same conversation continues');

    await tab.evaluate(() => {
      const auth = (window as unknown as { fakeAuth: { session: unknown; listeners: Array<(e: string, s: unknown) => void> } }).fakeAuth;
      auth.session = null;
      auth.listeners.forEach((l) => l('SIGNED_OUT', null));
    });
    await w.root.locator('.msg.user').first().waitFor({ state: 'detached' });
    assert.equal(await conversationOf(tab, puppet.url), null, 'a signed-out page keeps no trace of the user’s chat');
  });

  test('when a person takes over, "A person is replying" shows and their messages arrive by polling', async () => {
    const page = await newPage();
    await page.goto(`${local.url}/`);
    const w = widget(page);
    await w.open();
    await w.say('hello, can a person help me?');
    await w.root.locator('.msg.assistant').nth(1).waitFor();
    const id = await conversationOf(page, local.url);
    assert.equal(await setHandledBy(db, id!, 'human'), 'changed');
    // The gateway stores the message, does not call the model and answers with a data-handoff part.
    await w.say('are you there?');
    await w.handoff.waitFor({ state: 'visible' });
    assert.equal(await w.handoff.innerText(), 'A person is replying');
    const stored = await db.query<{ content: unknown }>(`select content from messages where conversation_id = $1 and role = 'user' order by id desc limit 1`, [id]);
    assert.equal(stored[0]?.content, 'are you there?');
    assert.equal(await w.root.locator('.msg.assistant').count(), 2, 'no model reply while a person handles it');
    assert.equal(await appendHumanMessage(db, id!, 'Hi, Sam here from support.', 'req-operator'), true);
    await w.root.locator('.msg.human', { hasText: 'Sam here' }).waitFor({ timeout: 15_000 });
    assert.match(await w.root.locator('.msg.human').innerText(), /Support team/);
    await page.reload();
    await w.open();
    await w.handoff.waitFor({ state: 'visible' });
    await w.root.locator('.msg.human', { hasText: 'Sam here' }).waitFor();
    assert.equal(await w.root.locator('.msg.human').count(), 1, 'shown once after a reload');
    await setHandledBy(db, id!, 'assistant');
    await w.handoff.waitFor({ state: 'hidden', timeout: 15_000 });
  });
});
