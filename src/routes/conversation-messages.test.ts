import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { chatJson, newConversationId, testGateway, userToken, type App } from '../../test/support/gateway.ts';
import { describeRouteSecurity, type Caller } from '../../test/support/route-security.ts';
import type { Database } from '../store/database.ts';

const read = (app: App, id: string, caller: Caller = {}) => {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.visitor) headers['x-visitor-token'] = caller.visitor;
  return app.request(`/v1/conversations/${id}/messages`, { headers });
};

/** A conversation owned by `owner`, started through the real chat route; its text carries a canary. */
async function startConversation(app: App, owner: Caller) {
  const id = newConversationId();
  await chatJson(app, { id, text: 'OWNER-CANARY hello', puppet: { text: 'Hi there.' }, ...(owner.token ? { token: owner.token } : { visitor: owner.visitor ?? null }) });
  return id;
}

describeRouteSecurity('GET /v1/conversations/{id}/messages', {
  request: () => ({ path: `/v1/conversations/${newConversationId()}/messages` }),
  unownedStatus: 404,
  async ownedResource(app, owner) {
    const id = await startConversation(app, owner);
    return (caller) => read(app, id, caller);
  },
});

type Transcript = {
  conversationId: string;
  handledBy: string;
  items: Array<{ id: number; role: string; author: string | null; text: string; toolOutcomes: Array<{ tool: string; output: Record<string, unknown> }> }>;
};

for (const backend of testDatabases()) {
  describe(`GET /v1/conversations/{id}/messages on ${backend.name}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: App;

    before(async () => {
      ({ db, drop } = await backend.open());
      ({ app } = await testGateway(db));
    });
    after(() => drop());

    test('the owner sees the transcript as the turns showed it: texts, tool outcomes paired with their calls, who answers', async () => {
      const token = await userToken('transcript-owner', { email: 'owner@example.com' });
      const id = newConversationId();
      await chatJson(app, {
        id,
        token,
        text: 'I am Tess Tran, tess@example.com, please get in touch',
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Tess Tran', email: 'tess@example.com' }, confidence: 0.95 }], text: 'Saved!' },
      });
      await chatJson(app, { id, token, text: 'thanks', puppet: { text: 'Any time.' } });
      const res = await read(app, id, { token });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const body = (await res.json()) as Transcript;
      assert.equal(body.conversationId, id);
      assert.equal(body.handledBy, 'assistant');
      assert.deepEqual(
        body.items.map((m) => [m.role, m.author]),
        [['user', null], ['assistant', 'assistant'], ['assistant', 'assistant'], ['user', null], ['assistant', 'assistant']],
      );
      assert.equal(body.items[0]!.text, 'I am Tess Tran, tess@example.com, please get in touch');
      const lead = body.items.flatMap((m) => m.toolOutcomes)[0];
      assert.equal(lead?.tool, 'capture_lead');
      assert.equal(lead?.output.status, 'done');
      assert.match(String(lead?.output.message), /tess@example\.com/, 'an email the caller typed stays visible');
      assert.equal(body.items.at(-1)!.text, 'Any time.');
      const ids = body.items.map((m) => m.id);
      assert.deepEqual([...ids].sort((a, b) => a - b), ids, 'oldest first, ids increasing');
    });

    test('the model’s words pass the output gate again: an email the caller never typed is hidden', async () => {
      const token = await userToken('transcript-gate', { email: 'gate@example.com' });
      const id = newConversationId();
      await chatJson(app, { id, token, text: 'who else is a customer?', puppet: { text: 'Ask someone@elsewhere.example.org' } });
      // What the model said before the gate, as if stored by an older version: the read gates it again.
      await db.query(`insert into messages (conversation_id, role, content) values ($1, 'assistant', $2::jsonb)`, [
        id,
        JSON.stringify([{ type: 'text', text: 'Write to leaked.person@competitor.example.com' }]),
      ]);
      const body = (await (await read(app, id, { token })).json()) as Transcript;
      const texts = body.items.map((m) => m.text).join('\n');
      assert.doesNotMatch(texts, /leaked\.person@competitor/);
      assert.doesNotMatch(texts, /someone@elsewhere/);
    });

    test('a person answering is shown as handledBy human, with their messages authored human and written as they were', async () => {
      const token = await userToken('transcript-human', { email: 'human@example.com' });
      const id = newConversationId();
      await chatJson(app, { id, token, text: 'can a person help?', puppet: { text: 'One moment.' } });
      await db.query(`update conversations set handled_by = 'human' where id = $1`, [id]);
      await db.query(`insert into messages (conversation_id, role, content, author) values ($1, 'assistant', $2::jsonb, 'admin')`, [
        id,
        JSON.stringify([{ type: 'text', text: 'Hi, this is Sam from support: write to sam@ourcompany.example.com' }]),
      ]);
      const body = (await (await read(app, id, { token })).json()) as Transcript;
      assert.equal(body.handledBy, 'human');
      const last = body.items.at(-1)!;
      assert.equal(last.author, 'human');
      assert.equal(last.text, 'Hi, this is Sam from support: write to sam@ourcompany.example.com');
    });

    test('a missing conversation and someone else’s answer the same 404 problem', async () => {
      const owner = await userToken('transcript-a', { email: 'a@example.com' });
      const other = await userToken('transcript-b', { email: 'b@example.com' });
      const id = await startConversation(app, { token: owner });
      const theirs = await read(app, id, { token: other });
      const missing = await read(app, newConversationId(), { token: other });
      assert.equal(theirs.status, 404);
      assert.equal(missing.status, 404);
      const [a, b] = [await theirs.json(), await missing.json()];
      assert.equal(a.code, 'conversation_not_found');
      assert.equal(b.code, a.code);
      assert.equal(a.detail, b.detail);
    });

    test('an id outside the conversation id charset is 400 invalid_request', async () => {
      const res = await app.request('/v1/conversations/short/messages');
      assert.equal(res.status, 400);
      assert.equal((await res.json()).code, 'invalid_request');
    });
  });
}
