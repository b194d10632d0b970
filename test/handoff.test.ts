import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { scriptedModel } from '../src/agent/scripted-model.ts';
import { CONSOLE_ORIGIN, postForm, signIn } from './support/console-security.ts';
import { testDatabases } from './support/databases.ts';
import { chat, chatJson, newConversationId, testGateway } from './support/gateway.ts';

/**
 * Human takeover end to end: the founder takes a conversation over in the console, the
 * visitor's next message is stored but the model is not called (the client is told a person
 * answers), the founder's reply is stored as a person's, and after the hand-back the model
 * answers again with that reply in its history. Each change is audited.
 */
for (const backend of testDatabases()) {
  describe(`human takeover on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    after(drop);
    const { app, gateway } = await testGateway(db);
    const founder = await signIn(app);
    const act = (id: string, action: string, fields: Record<string, string> = {}) =>
      postForm(app, `/admin/conversations/${id}/${action}`, { _csrf: founder.csrf, ...fields }, { cookie: founder.cookie, origin: CONSOLE_ORIGIN });
    const handoffAudit = (id: string) =>
      db.query<{ decision: string; actor: string; args: Record<string, unknown> }>(
        `select decision, actor, args from audit_log where kind = 'handoff' and conversation_id = $1 order by id`,
        [id],
      );

    test('taking over is audited once and makes the model fall silent: the message is stored, no tool runs', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'Hello, I have a question', puppet: { text: 'Sure, ask away.' } });
      const res = await act(id, 'takeover');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/admin/conversations/${id}?notice=taken_over`);
      await act(id, 'takeover');
      assert.deepEqual((await handoffAudit(id)).map((a) => [a.decision, a.actor]), [['taken_over', 'admin']], 'a repeat changes nothing');

      const reply = await chatJson(app, {
        id,
        text: "I'm Ann Hand, ann@hand.example, please call me",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Ann Hand', email: 'ann@hand.example' }, confidence: 1 }], text: 'The model spoke' },
      });
      assert.deepEqual(reply, { conversationId: id, text: '', toolCalls: [], handoff: 'human' });
      assert.equal((await db.query(`select 1 from contacts where email = 'ann@hand.example'`)).length, 0, 'no tool ran');
      const last = await db.query<{ role: string; content: unknown }>('select role, content from messages where conversation_id = $1 order by id desc limit 1', [id]);
      assert.deepEqual(last, [{ role: 'user', content: "I'm Ann Hand, ann@hand.example, please call me" }]);
    });

    test('the stream carries one data-handoff part and no text from the model', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'hi', puppet: { text: 'hello' } });
      await act(id, 'takeover');
      const res = await chat(app, { id, text: 'anyone there?', json: false, puppet: { text: 'The model spoke' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
      const body = await res.text();
      const parts = body
        .split('\n')
        .filter((l) => l.startsWith('data: {'))
        .map((l) => JSON.parse(l.slice(6)));
      assert.deepEqual(parts.filter((p) => p.type === 'data-handoff'), [{ type: 'data-handoff', data: { handledBy: 'human' } }]);
      assert.ok(!body.includes('The model spoke'));
      assert.ok(!parts.some((p) => p.type === 'text-delta'));
    });

    test("the founder's reply is stored as a person's assistant message and audited without its text", async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'hi', puppet: { text: 'hello' } });
      const early = await act(id, 'reply', { text: 'Too early' });
      assert.equal(early.headers.get('location'), `/admin/conversations/${id}?notice=not_taken_over`);
      await act(id, 'takeover');
      const sent = await act(id, 'reply', { text: '  Hi, this is Sam from the team.  ' });
      assert.equal(sent.headers.get('location'), `/admin/conversations/${id}?notice=sent`);
      const rows = await db.query<{ role: string; author: string | null; content: unknown }>(
        `select role, author, content from messages where conversation_id = $1 and author is not null`,
        [id],
      );
      assert.deepEqual(rows, [{ role: 'assistant', author: 'human', content: [{ type: 'text', text: 'Hi, this is Sam from the team.' }] }]);
      const audit = await handoffAudit(id);
      assert.deepEqual(audit.at(-1), { decision: 'human_replied', actor: 'admin', args: { chars: 30 } });
      assert.ok(!JSON.stringify(audit).includes('Sam'), 'the text stays in the transcript, not the audit log');
      // The visitor's widget reads it back as a person's message, and knows a person answers.
      const visitorToken = (await chat(app, { id, text: 'thanks' })).headers.get('x-visitor-token')!;
      const seen = await (await app.request(`/v1/conversations/${id}/messages`, { headers: { 'x-visitor-token': visitorToken } })).json();
      assert.equal(seen.handledBy, 'human');
      assert.ok(
        seen.items.some((m: { author: string; text: string }) => m.author === 'human' && m.text === 'Hi, this is Sam from the team.'),
        JSON.stringify(seen),
      );
      const page = await (await app.request(`/admin/conversations/${id}`, { headers: { cookie: founder.cookie } })).text();
      assert.match(page, /You \(human\)/);
      assert.match(page, /data-poll/);
    });

    test('a reply that is empty, too long or unstorable is refused and stores nothing', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'hi', puppet: { text: 'hello' } });
      await act(id, 'takeover');
      for (const text of ['   ', 'x'.repeat(4001), 'bad \u0000 nul', 'lone \ud800 surrogate']) {
        const res = await act(id, 'reply', { text });
        assert.equal(res.headers.get('location'), `/admin/conversations/${id}?notice=invalid`, JSON.stringify(text.slice(0, 10)));
      }
      assert.equal((await db.query(`select 1 from messages where conversation_id = $1 and author = 'human'`, [id])).length, 0);
    });

    test('after the hand-back the model answers again and reads the human reply in its history', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'hi', puppet: { text: 'hello' } });
      await act(id, 'takeover');
      await act(id, 'reply', { text: 'Sam here: your refund is on its way.' });
      const back = await act(id, 'handback');
      assert.equal(back.headers.get('location'), `/admin/conversations/${id}?notice=handed_back`);
      assert.deepEqual((await handoffAudit(id)).map((a) => a.decision), ['taken_over', 'human_replied', 'handed_back']);

      const seen: LanguageModelV3CallOptions[] = [];
      const original = gateway.selectModel;
      gateway.selectModel = () => scriptedModel('recorder', (options) => (seen.push(options), [{ type: 'text', text: 'Glad Sam helped.' }]));
      try {
        const reply = await chatJson(app, { id, text: 'thanks!' });
        assert.equal(reply.text, 'Glad Sam helped.');
        assert.equal(reply.handoff, undefined);
      } finally {
        gateway.selectModel = original;
      }
      const prompt = JSON.stringify(seen[0]!.prompt);
      assert.ok(prompt.includes('Sam here: your refund is on its way.'), 'the human reply is in the model history');
      assert.ok(prompt.indexOf('Sam here') < prompt.indexOf('thanks!'), 'in order');
    });

    test('taking over an unknown conversation is a not-found page and audits nothing', async () => {
      const res = await act('conv_does_not_exist_1', 'takeover');
      assert.equal(res.status, 404);
      assert.equal((await handoffAudit('conv_does_not_exist_1')).length, 0);
    });

    test('the visitor who owns the conversation is the only one who can reach it; takeover grants nothing to others', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'hi', puppet: { text: 'hello' } });
      await act(id, 'takeover');
      const stranger = await chat(app, { id, text: 'let me in', visitor: null });
      assert.equal(stranger.status, 404);
    });
  });
}
