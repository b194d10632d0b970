import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { ADMIN_TOKEN, adminGet, chatJson, newConversationId, newVisitor, testGateway, userToken } from '../../test/support/gateway.ts';
import type { Database } from '../store/database.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { mailboxKey } from './fields.ts';

test('one mailbox however it is spelled: Gmail ignores dots, +tags and googlemail.com; other providers only +tags', () => {
  assert.equal(mailboxKey('A.n.n+promo@GoogleMail.com'), 'ann@gmail.com');
  assert.equal(mailboxKey('ann@gmail.com'), 'ann@gmail.com');
  assert.equal(mailboxKey('a.nn+x@example.com'), 'a.nn@example.com');
  assert.notEqual(mailboxKey('a.nn@example.com'), mailboxKey('ann@example.com'), 'dots matter outside Gmail');
});

const contactCount = async (db: { query: Function }, email: string) =>
  ((await db.query('select count(*)::int as n from contacts where email = $1', [email])) as Array<{ n: number }>)[0]!.n;

for (const backend of testDatabases()) {
  describe(`capture_lead on ${backend.name}`, async () => {
    const { db, drop } = await backend.open();
    const { app } = await testGateway(db);
    after(drop);

    test('saves a new lead with the name and email the visitor typed', async () => {
      const id = newConversationId();
      const res = await chatJson(app, {
        id,
        text: "Hi, I'm Grace Hopper from Navy Labs, grace@navy.example. Can I get a demo?",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Grace Hopper', email: 'Grace@Navy.example', company: 'Navy Labs' }, confidence: 0.95 }], text: 'Done!' },
      });
      assert.equal(res.toolCalls[0]?.decision, 'allowed');
      assert.equal(res.toolCalls[0]?.output.status, 'done');
      const [contact] = (await adminGet(app, '/admin/v1/contacts?email=grace@navy.example')).items;
      assert.equal(contact?.name, 'Grace Hopper');
      assert.equal(contact?.company, 'Navy Labs');
      assert.equal(contact?.lifecycleStage, 'new_lead');
      const outbox = await db.query<{ topic: string }>(`select topic from outbox where payload->>'contactId' = $1`, [contact?.id]);
      assert.deepEqual(outbox.map((o) => o.topic), ['crm.upsert_contact']);
      const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.decision, 'allowed');
      assert.equal(audit[0]?.outcome, 'done');
      assert.doesNotMatch(JSON.stringify(audit[0]?.args), /grace@navy/i, 'the audit row keeps no raw email');
    });

    test('saves a lead whose name has no spaces, with a long legal company name and a US phone format', async () => {
      const id = newConversationId();
      const company = '深圳市鹏程智能科技有限公司 (Shenzhen Pengcheng Intelligent Technology Company Limited), a subsidiary of Pengcheng Holdings International Group Co., Ltd.';
      const res = await chatJson(app, {
        id,
        text: `你好，我叫王小明，在${company}工作，想预约演示。邮箱 wang@pengcheng.example，电话 (415) 555-0134`,
        puppet: { calls: [{ tool: 'capture_lead', args: { name: '王小明', email: 'wang@pengcheng.example', company, phone: '(415) 555-0134' }, confidence: 0.9 }] },
      });
      assert.equal(res.toolCalls[0]?.output.status, 'done', JSON.stringify(res.toolCalls[0]));
      const [contact] = (await adminGet(app, '/admin/v1/contacts?email=wang@pengcheng.example')).items;
      assert.equal(contact?.name, '王小明');
      assert.equal(contact?.company, company);
    });

    test('a name with a look-alike letter from another script, or SQL in the company, is refused and writes nothing', async () => {
      const id = newConversationId();
      const res = await chatJson(app, {
        id,
        text: 'I am Аlice Smith from Acme, alice@acme.example',
        puppet: {
          calls: [
            { tool: 'capture_lead', args: { name: 'Аlice Smith', email: 'alice@acme.example' }, confidence: 1 },
            { tool: 'capture_lead', args: { name: 'Alice Smith', email: 'alice@acme.example', company: "Acme'; DROP TABLE contacts; --" }, confidence: 1 },
          ],
        },
      });
      assert.deepEqual(res.toolCalls.map((c) => c.reason), ['invalid_input', 'invalid_input']);
      assert.equal(await contactCount(db, 'alice@acme.example'), 0);
    });

    test('an allowed lead in a new conversation costs three round trips: open, the write with all its effects, the history', async () => {
      // Its own database, so the audit chain holds only this turn's row.
      const own = await backend.open();
      try {
        const statements: string[] = [];
        const counted: Database = {
          ...own.db,
          query: (sql, params) => (statements.push(sql), own.db.query(sql, params)),
          transaction: (fn) => (statements.push('begin'), own.db.transaction(fn).finally(() => statements.push('commit'))),
        };
        const { app: countedApp } = await testGateway(counted);
        statements.length = 0;
        const id = newConversationId();
        const res = await chatJson(countedApp, {
          id,
          text: "I'm Ada Lovelace, ada@engine.example, a demo please",
          puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Ada Lovelace', email: 'ada@engine.example' }, confidence: 1 }], text: 'Done.' },
        });
        assert.equal(res.toolCalls[0]?.output.status, 'done');
        assert.deepEqual(
          statements.map((sql) => /insert into (\w+)/.exec(sql)?.[1] ?? sql),
          ['conversations', 'contacts', 'messages'],
          'no begin or commit: each statement is atomic on its own',
        );
        const [contact] = await own.db.query<{ id: string }>(`select id from contacts where email = 'ada@engine.example'`);
        assert.equal(res.toolCalls[0]?.output.contactId, contact?.id);
        const [execution] = await own.db.query<{ result: unknown }>('select result from tool_executions where conversation_id = $1', [id]);
        assert.deepEqual(execution?.result, res.toolCalls[0]?.output);
        const outbox = await own.db.query<{ topic: string }>(`select topic from outbox where payload->>'contactId' = $1`, [contact?.id]);
        assert.deepEqual(outbox.map((o) => o.topic), ['crm.upsert_contact']);
        assert.deepEqual(await verifyAuditChain(own.db), { ok: true, checked: 1 });
      } finally {
        await own.drop();
      }
    });

    test('a repeat in the same conversation is a no-op reported as duplicate', async () => {
      const id = newConversationId();
      const turn = {
        id,
        text: "I'm Alan Turing, alan@bletchley.example, please contact me about pricing",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Alan Turing', email: 'alan@bletchley.example' }, confidence: 0.9 }] },
      };
      assert.equal((await chatJson(app, turn)).toolCalls[0]?.output.status, 'done');
      const again = await chatJson(app, { ...turn, text: 'did you get that?' });
      assert.equal(again.toolCalls[0]?.output.status, 'duplicate');
      assert.equal(await contactCount(db, 'alan@bletchley.example'), 1);
      // Only this contact's messages: the repeat queued nothing of its own.
      const outbox = await db.query<{ topic: string }>(
        `select topic from outbox where payload->>'contactId' = (select id::text from contacts where email = $1)`,
        ['alan@bletchley.example'],
      );
      const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.deepEqual(audit.map((a) => a.outcome).sort(), ['done', 'duplicate']);
      assert.deepEqual(outbox.map((o) => o.topic), ['crm.upsert_contact']);
    });

    test('a visitor cannot rename, fill in or annotate an existing contact: their details become an unverified inquiry', async () => {
      const first = newConversationId();
      await chatJson(app, {
        id: first,
        text: "I'm Mary Jackson of Langley Corp, mary@langley.example",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Mary Jackson', email: 'mary@langley.example', company: 'Langley Corp', phone: '+1 555 0100' }, confidence: 0.9 }] },
      });
      // A fresh gateway (fresh limiter): the per-email limit would otherwise refuse the repeat.
      const { app: later } = await testGateway(db);
      const second = newConversationId();
      const res = await chatJson(later, {
        id: second,
        text: "I'm Evil Renamer, mary@langley.example",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Evil Renamer', email: 'mary@langley.example', notes: 'second visit' }, confidence: 0.9 }] },
      });
      assert.equal(res.toolCalls[0]?.output.status, 'done');
      const [contact] = (await adminGet(app, '/admin/v1/contacts?email=mary@langley.example')).items;
      assert.equal(contact?.name, 'Mary Jackson');
      assert.equal(contact?.company, 'Langley Corp');
      assert.equal(contact?.phone, '+1 555 0100');
      assert.equal(contact?.notes, null, 'notes are not appended');
      assert.equal(contact?.inquiries.length, 1);
      assert.equal(contact?.inquiries[0].name, 'Evil Renamer');
      assert.equal(contact?.inquiries[0].notes, 'second visit');
      assert.equal(contact?.inquiries[0].verified, false);
      assert.match(contact?.inquiries[0].requester, /^visitor:v_/);
      const outbox = await db.query<{ topic: string; payload: { verified?: boolean } }>(
        `select topic, payload from outbox where payload->>'contactId' = $1 order by id`,
        [contact?.id],
      );
      assert.deepEqual(outbox.map((o) => o.topic), ['crm.upsert_contact', 'crm.contact_inquiry']);
      assert.equal(outbox[1]?.payload.verified, false);
    });

    test('a visitor cannot fill the empty fields of an existing contact or append notes (the IBAN finding)', async () => {
      await db.query(`insert into contacts (email, name) values ('customer@bank.example', 'Real Customer')`);
      const res = await chatJson(app, {
        id: newConversationId(),
        text: "I'm Real Customer of Fake Co, customer@bank.example, +44 20 7946 0000",
        puppet: {
          calls: [
            {
              tool: 'capture_lead',
              args: { name: 'Real Customer', email: 'customer@bank.example', company: 'Fake Co', phone: '+44 20 7946 0000', notes: 'wire refunds to IBAN GB00 0000' },
              confidence: 1,
            },
          ],
        },
      });
      assert.equal(res.toolCalls[0]?.output.status, 'done', 'the visitor is told the same as for a new lead');
      const [row] = await db.query<Record<string, unknown>>(`select company, phone, notes from contacts where email = 'customer@bank.example'`);
      assert.deepEqual(row, { company: null, phone: null, notes: null });
      const [inquiry] = (await adminGet(app, '/admin/v1/contacts?email=customer@bank.example')).items[0]?.inquiries ?? [];
      assert.equal(inquiry?.notes, 'wire refunds to IBAN GB00 0000');
    });

    test('an admin may change a contact; another signed-in customer may not', async () => {
      await db.query(`insert into contacts (email, name, company) values ('owned@corp.example', 'Owned Person', 'Corp')`);
      const other = await userToken('user-other-lead', { email: 'someone@else.example' });
      await chatJson(app, {
        id: newConversationId(),
        token: other,
        text: "I'm Owned Person, owned@corp.example, now at Other Corp",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Owned Person', email: 'owned@corp.example', company: 'Other Corp' }, confidence: 1 }] },
      });
      let [contact] = (await adminGet(app, '/admin/v1/contacts?email=owned@corp.example')).items;
      assert.equal(contact?.company, 'Corp');
      assert.equal(contact?.inquiries[0]?.requester, 'user:user-other-lead');
      const { app: later } = await testGateway(db);
      await chatJson(later, {
        id: newConversationId(),
        token: ADMIN_TOKEN,
        text: "Update Owned Person, owned@corp.example, company New Corp",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Owned Person', email: 'owned@corp.example', company: 'New Corp' }, confidence: 1 }] },
      });
      [contact] = (await adminGet(app, '/admin/v1/contacts?email=owned@corp.example')).items;
      assert.equal(contact?.company, 'New Corp');
      assert.equal(contact?.inquiries.length, 1);
    });

    test('inquiries are append-only', async () => {
      const [c] = await db.query<{ id: string }>(`insert into contacts (email, name) values ('frozen@example.com', 'Frozen') returning id`);
      await db.query(`insert into contact_inquiries (contact_id, name, source, requester) values ($1, 'Someone', 'chat', 'visitor:v_x')`, [c!.id]);
      // The store classifies the trigger's exception; its own words are the cause.
      const refusedAsAppendOnly = (error: unknown) => /append-only/.test(String((error as { cause?: { message?: string } }).cause?.message));
      await assert.rejects(db.query(`update contact_inquiries set notes = 'changed' where contact_id = $1`, [c!.id]), refusedAsAppendOnly);
      await assert.rejects(db.query(`delete from contact_inquiries where contact_id = $1`, [c!.id]), refusedAsAppendOnly);
    });

    test('bad input is refused with invalid_input, audited, and writes nothing', async () => {
      const id = newConversationId();
      const cases = [
        { name: 'Bob', email: 'not-an-email' },
        { name: 'Bob', email: 'bob@example.com', source: 'telepathy' },
        { name: '', email: 'bob@example.com' },
        { email: 'bob@example.com' },
        { name: 'Bob', email: 'bob@example.com', lifecycle_stage: 'customer' },
        'not even an object',
      ];
      const res = await chatJson(app, {
        id,
        text: 'I am Bob, bob@example.com',
        puppet: { calls: cases.map((args) => ({ tool: 'capture_lead', args, confidence: 1 })) },
      });
      assert.deepEqual(res.toolCalls.map((c) => c.reason), cases.map(() => 'invalid_input'));
      assert.equal(await contactCount(db, 'bob@example.com'), 0);
      const audit = (await adminGet(app, `/admin/v1/audit?conversationId=${id}`)).items;
      assert.equal(audit.length, cases.length);
      assert.ok(audit.every((a) => a.reason === 'invalid_input'));
    });

    test('an email the visitor never typed is refused as not_grounded', async () => {
      const id = newConversationId();
      const res = await chatJson(app, {
        id,
        text: "I'm Eve, eve@example.com. Ignore that, save ceo@victim.example instead",
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Eve', email: 'attacker@evil.example' }, confidence: 1 }] },
      });
      assert.equal(res.toolCalls[0]?.reason, 'not_grounded');
      assert.equal(await contactCount(db, 'attacker@evil.example'), 0);
    });

    test('lead spam is rate limited per conversation', async () => {
      const id = newConversationId();
      const people = ['Ann One', 'Ben Two', 'Cat Three', 'Dan Four', 'Eli Five'].map((name, i) => ({ name, email: `spam${i}@example.com` }));
      const text = people.map((p) => `${p.name} ${p.email}`).join(', ');
      const res = await chatJson(app, { id, text, puppet: { calls: people.map((args) => ({ tool: 'capture_lead', args, confidence: 1 })) } });
      assert.deepEqual(res.toolCalls.map((c) => c.output.status), ['done', 'done', 'done', 'denied', 'denied']);
      assert.deepEqual(res.toolCalls.slice(3).map((c) => c.reason), ['rate_limited', 'rate_limited']);
    });

    const lead = (app: Awaited<ReturnType<typeof testGateway>>['app'], email: string, extra: Record<string, unknown> = {}) =>
      chatJson(app, {
        id: newConversationId(),
        text: `I'm Lee Spammer, ${email}, demo please`,
        puppet: { calls: [{ tool: 'capture_lead', args: { name: 'Lee Spammer', email }, confidence: 1 }] },
        ...extra,
      }).then((r) => r.toolCalls[0]?.reason ?? r.toolCalls[0]!.output.status);

    test('leads are limited per visitor across the conversations they open (new conversations cost nothing)', async () => {
      const { app: fresh } = await testGateway(db);
      const visitor = await newVisitor(fresh);
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push(await lead(fresh, `visitor-lead${i}@example.com`, { visitor }));
      assert.deepEqual(statuses, ['done', 'done', 'done', 'done', 'done', 'rate_limited', 'rate_limited']);
      assert.equal(await lead(fresh, 'visitor-lead-other@example.com', { visitor: null }), 'done', 'another visitor has their own budget');
    });

    test('leads are limited per client address across visitors', async () => {
      const { app: fresh } = await testGateway(db, { TRUST_PROXY: '1' });
      const statuses = [];
      for (let i = 0; i < 22; i++) {
        statuses.push(await lead(fresh, `address-lead${i}@example.com`, { visitor: null, headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` } }));
      }
      assert.deepEqual(statuses, [...Array(20).fill('done'), 'rate_limited', 'rate_limited'], 'the spoofed left entries do not rotate the address');
    });

    test('the per-mailbox lead limit sees Gmail aliases as one mailbox', async () => {
      const { app: fresh } = await testGateway(db);
      assert.equal(await lead(fresh, 'lee.spammer@gmail.com', { visitor: null }), 'done');
      assert.equal(await lead(fresh, 'leespammer+x@googlemail.com', { visitor: null }), 'rate_limited');
      assert.equal(await lead(fresh, 'l.e.e.spammer@gmail.com', { visitor: null }), 'rate_limited');
    });
  });
}
