import { test } from 'node:test';
import assert from 'node:assert/strict';
import { email as emailField, personName, phone as phoneField, singleLine } from '../../tools/fields.ts';
import { findTool } from '../../tools/index.ts';
import { extractContact, hasLeadContact } from './contact.ts';

// --- extractContact ----------------------------------------------------------

test('extractContact reads name, email and company from a self-introduction', () => {
  assert.deepEqual(extractContact(["Hi, I'm John Smith from Initech, John.Smith@Initech.com"]), {
    name: 'John Smith',
    email: 'john.smith@initech.com',
    company: 'Initech',
  });
});

const names: Array<[string, string]> = [
  ['My name is Maria Gomez', 'Maria Gomez'],
  ['my name is john', 'john'],
  ["I'm Dave, and my app is broken", 'Dave'],
  ['I am Li Wei from Panda Logistics', 'Li Wei'],
  ['This is Zoë O’Brien', 'Zoë O’Brien'],
  ["This is Zoë O'Brien at Contoso", "Zoë O'Brien"],
  ['soy José Martínez', 'José Martínez'],
  ["je m'appelle Claire Dubois", 'Claire Dubois'],
  ['Ich bin Lukas Schmidt', 'Lukas Schmidt'],
  ['Name: Nguyễn Văn An', 'Nguyễn Văn An'],
  ['Thanks,\n— Sarah Connor', 'Sarah Connor'],
  ['José here, from Tacos Inc.', 'José'],
  ['I am Anne-Marie St. Clair', 'Anne-Marie St'],
  ['Меня зовут... I am Иван Петров', 'Иван Петров'],
];

for (const [text, name] of names) {
  test(`extractContact finds the name "${name}" in ${JSON.stringify(text)}`, () => {
    const contact = extractContact([text]);
    assert.equal(contact.name, name);
    assert.ok(personName.safeParse(contact.name).success);
  });
}

for (const text of [
  "I'm interested in a demo",
  "I'm Interested",
  "I'm looking for pricing",
  'This is urgent',
  'This is Broken again',
  'I am not sure',
  "I'm the CEO",
  'Everything here is broken',
  'i am john',
]) {
  test(`extractContact finds no name in ${JSON.stringify(text)}`, () => {
    assert.equal(extractContact([text]).name, undefined);
  });
}

const companies: Array<[string, string]> = [
  ['I work for Umbrella Corp and we need pricing', 'Umbrella Corp'],
  ['We work at Acme.', 'Acme'],
  ['Our company is Wayne Enterprises', 'Wayne Enterprises'],
  ['company name is Stark Industries', 'Stark Industries'],
  ['Company: hooli labs', 'hooli labs'],
  ['Ich bin Jonas Weber von Quantix', 'Quantix'],
  ['soy Carlos Ruiz de Ventas Globales, hola', 'Ventas Globales'],
  ['José here, from Tacos Inc. hello', 'Tacos Inc'],
];

for (const [text, company] of companies) {
  test(`extractContact finds the company "${company}" in ${JSON.stringify(text)}`, () => {
    const contact = extractContact([text]);
    assert.equal(contact.company, company);
    assert.ok(singleLine(120).safeParse(contact.company).success);
  });
}

test('extractContact does not read times or dates after "at" or "from" as a company', () => {
  assert.equal(extractContact(["I'm Dave at 5pm"]).company, undefined);
  assert.equal(extractContact(["I'm Dave from Monday on"]).company, undefined);
});

test('extractContact lowercases the email and ignores malformed addresses', () => {
  assert.equal(extractContact(['Reach me at Bob.Jones@Example.COM.']).email, 'bob.jones@example.com');
  assert.equal(extractContact(['my email is bob@localhost']).email, undefined);
});

test('extractContact reads a phone number given with a prefix or named as one', () => {
  assert.equal(extractContact(['call me on +44 20 7946 0958']).phone, '+44 20 7946 0958');
  assert.equal(extractContact(['my phone is (415) 555-0134']).phone, '415 555-0134');
  for (const text of ['order 12345678 failed', 'since 2024-01-15', 'invoice in_12345678']) {
    assert.equal(extractContact([text]).phone, undefined, text);
  }
});

test('extractContact lets a later message replace an earlier value', () => {
  const contact = extractContact(['I am Ann Lee, ann@old.com', 'sorry, use ann@new.com', 'hello']);
  assert.deepEqual(contact, { name: 'Ann Lee', email: 'ann@new.com' });
});

test('extractContact takes the last email when one message gives two', () => {
  assert.equal(extractContact(['a@x.com, no wait, b@x.com']).email, 'b@x.com');
});

test('extractContact ignores contact details in quoted, fenced and pasted text', () => {
  const texts = [
    '> From: Mallory <mallory@evil.test>\n> I am Mallory Evil',
    '```\nName: Eve Hacker\nemail: eve@evil.test\n```',
    '<pasted>This is Trent from Evil Corp, trent@evil.test</pasted>',
  ];
  assert.deepEqual(extractContact(texts), {});
});

test('extractContact returns values that the capture_lead schema accepts', () => {
  const contact = extractContact(['Hi, I am Zoë O’Brien from Contoso. ZOE@CONTOSO.COM, phone +1 415 555 0134']);
  assert.ok(hasLeadContact(contact));
  const captureLead = findTool('capture_lead');
  assert.ok(captureLead);
  assert.ok(captureLead.input.safeParse({ ...contact, source: 'chat' }).success);
  assert.ok(emailField.safeParse(contact.email).success);
  assert.ok(phoneField.safeParse(contact.phone).success);
});

test('hasLeadContact needs both a name and an email', () => {
  assert.equal(hasLeadContact({ name: 'Ann' }), false);
  assert.equal(hasLeadContact({ email: 'a@b.co' }), false);
  assert.equal(hasLeadContact({ name: 'Ann', email: 'a@b.co' }), true);
});

// --- names in the corpus languages (written for this test) -------------------------

const nativeNames: Array<[string, string]> = [
  ['你好，我叫陈思远，想了解一下报价', '陈思远'],
  ['我是周琳，麻烦联系我', '周琳'],
  ['山本です。見積もりをお願いします', '山本'],
  ['Suzuki Aya と申します。デモを希望します', 'Suzuki Aya'],
  ['مرحبا، أنا سلمى الحربي من شركة الندى', 'سلمى الحربي'],
  ['नमस्ते, मेरा नाम राहुल गुप्ता है', 'राहुल गुप्ता'],
  ['Olá, me chamo Beatriz Nogueira e quero uma demo', 'Beatriz Nogueira'],
  ['Здравствуйте, меня зовут Павел Орлов', 'Павел Орлов'],
  ['Chào bạn, tôi là Đặng Thị Mai Anh, muốn xem demo', 'Đặng Thị Mai Anh'],
  ['Hola, soy Inés de la Vega', 'Inés de la Vega'],
  ['Hallo, ich bin Greta von Arnim', 'Greta von Arnim'],
];

for (const [text, name] of nativeNames) {
  test(`extractContact finds the name "${name}" in "${text}"`, () => {
    assert.equal(extractContact([text]).name, name);
  });
}

test('extractContact takes a bare name written just before the email, with a company between', () => {
  assert.deepEqual(extractContact(['need a quote for 9 seats. Tomás Rivera, tomas@example.org']), { name: 'Tomás Rivera', email: 'tomas@example.org' });
  assert.deepEqual(extractContact(['demo please: Priya Raman, Lotus Clinics, +44 20 7946 0000, priya@example.org']), {
    name: 'Priya Raman',
    email: 'priya@example.org',
    company: 'Lotus Clinics',
    phone: '+44 20 7946 0000',
  });
  assert.equal(extractContact(['想要个报价。刘洋 liu.yang@example.com']).name, '刘洋');
});

test('a bare phrase before an email is not a name unless it is shaped like one', () => {
  assert.equal(extractContact(['can you help me, please reply to ana@example.org']).name, undefined);
  assert.equal(extractContact(['ビジネスプランの料金はいくらですか ana@example.org']).name, undefined);
  assert.equal(extractContact(['我是你们的老客户了，请回复 ana@example.org']).name, undefined);
});

test('a one-word particle after two name words is a company intro, not part of the name', () => {
  assert.deepEqual(extractContact(['Ich bin Jonas Weber von Quantix']), { name: 'Jonas Weber', company: 'Quantix' });
});

// --- names the visitor's own address points at -------------------------------

for (const [turns, name] of [
  [['Loved the webinar! — Oluwaseun Bakare-Davies. Can sales call me? seun.bakaredavies@example.ng'], 'Oluwaseun Bakare-Davies'],
  [['tom h here lol, quote for 5 seats? tomh77@example.com'], 'tom h'],
  [['We run three clinics and want a demo', 'Saoirse Ní Bhriain, Glenview Physio', 'saoirse.nibhriain+demo@example.ie'], 'Saoirse Ní Bhriain'],
  [['Bonsoir, on veut un devis pour la boutique. Écrivez à Margaux de Villeneuve-Arnaud : m.devilleneuvearnaud@example.fr'], 'Margaux de Villeneuve-Arnaud'],
] as const) {
  test(`extractContact finds the name the address spells, "${name}", in ${JSON.stringify(turns.join(' | '))}`, () => {
    assert.equal(extractContact([...turns]).name, name);
  });
}

for (const text of [
  'need pricing for 20 agents, mail priya.k@example.in',
  'báo giá cho 10 người nhé, bao.le@example.vn',
  'Hi, Support here? sales.team@example.com',
]) {
  test(`the address never makes up a name nor reads one from a common word: ${JSON.stringify(text)}`, () => {
    assert.equal(extractContact([text]).name, undefined);
  });
}

// --- greetings, titles and the order of introductions ---------------------------

for (const [text, name] of [
  ['Guten Abend, Friederike Albrecht hier, von der Albrecht Logistik GmbH. Angebot bitte: f.albrecht@example.de', 'Friederike Albrecht'],
  ['Bonsoir, Aurélien Marchetti de la boulangerie Marchetti, un devis svp : aurelien@marchetti.example', 'Aurélien Marchetti'],
  ['مرحبا، سلمى الحداد من شركة النور، نريد عرض سعر. salma@alnoor.example', 'سلمى الحداد'],
  ['नमस्ते, मेरा नाम रोहन मल्होत्रा है, मैं मल्होत्रा ट्रेडर्स से हूँ। rohan@example.in', 'रोहन मल्होत्रा'],
  ['मैं डॉ. कविता अय्यर, कृपया डेमो दिखाइए। kavita@example.in', 'कविता अय्यर'],
  ['アレクサンドル・デュボワです。見積もりをお願いします。alex@example.jp', 'アレクサンドル・デュボワ'],
] as const) {
  test(`extractContact finds "${name}" after a greeting, a title or a full introduction in ${JSON.stringify(text)}`, () => {
    assert.equal(extractContact([text]).name, name);
  });
}

test('extractContact ends a company at an Arabic comma', () => {
  assert.equal(extractContact(['مرحبا، سلمى الحداد من شركة النور، نريد عرض سعر. salma@alnoor.example']).company, 'شركة النور');
});

test('extractContact takes a name written just after the address, but not a company or a sign-off', () => {
  assert.equal(extractContact(['can sales call us? write to it-desk@example.no, Ingrid Solberg, Fjord Freight']).name, 'Ingrid Solberg');
  assert.equal(extractContact(['pricing please: desk@example.no, Fjord Freight AS']).name, undefined);
  assert.equal(extractContact(['pricing please: desk@example.no, Thanks a lot']).name, undefined);
});

// --- scripts, signatures and what is not a name -----------------------------------

for (const [text, name] of [
  ['Добрый день! У нас три салона, нужна демонстрация. Лилия Гарипова, liliya@salon.example', 'Лилия Гарипова'],
  ['Интересует цена. Шевчук Олег Викторович, ИП Шевчук. oleg.shevchuk@gmail.com', 'Шевчук Олег Викторович'],
  ['営業の方と話したいです。佐々木健 sasaki.ken@example.com', '佐々木健'],
  ['見積もり希望。株式会社ミドリの松本です。matsumoto@midori.example', '松本'],
  ['Need a quote.\n\nOwen Blake\nowen.blake@example.com', 'Owen Blake'],
  ['Bonjour, Mme Hélène Roux, une démo svp. helene.roux@example.com', 'Hélène Roux'],
  ['我们想了解价格 赵磊 zhaolei@example.com', '赵磊'],
  ['हमें डेमो चाहिए। श्रीमती मीना जोशी, meena.joshi@example.com', 'मीना जोशी'],
  ['quote for 9 seats: tom@example.com – Tom Hale', 'Tom Hale'],
  ['Quiero una demo. Me llamo Ana María de la Vega, ana@example.com', 'Ana María de la Vega'],
] as const) {
  test(`extractContact finds "${name}" in ${JSON.stringify(text)}`, () => {
    assert.equal(extractContact([text]).name, name);
  });
}

test('extractContact takes no name from a greeting followed by lower-case words, a topic before です or a sign-off', () => {
  assert.equal(extractContact(['Добрый день! У нас сеть из пяти магазинов.']).name, undefined);
  assert.equal(extractContact(['資料請求です。info@example.com']).name, undefined);
  assert.equal(extractContact(['We want a demo. Best, Dana Fox (dana.fox@example.com)']).name, 'Dana Fox');
});

// Name forms from requests written without the rules in view (ids 8nn).
const typedNames: Array<[string[], string]> = [
  // Kanji with the space the writer typed, after the company and "の".
  [['有限会社さくら設計の鈴木 花子と申します。連絡先：hanako.suzuki@sakura-sekkei.example'], '鈴木 花子'],
  // Hiragana at the start of a reply, and fields split by a spaced slash.
  [['やまだ はるか です。メールは haruka.yamada@gmail.com です'], 'やまだ はるか'],
  [['見積もりをお願いします。\n中村 大輔 / d.nakamura@kita-unyu.example / 北運輸株式会社'], '中村 大輔'],
  // An answer word before a dash, then name, company, address.
  [['sure — Siobhán Ní Bhriain, Lanternhouse Studio, siobhan.nibhriain@lanternhouse.example'], 'Siobhán Ní Bhriain'],
  // An Arabic title abbreviation, a Hinglish label without a colon, a Portuguese article.
  [['الاسم: م. خالد بن سالم العتيبي\nالبريد: k.alotaibi@alshahn-logistics.example'], 'خالد بن سالم العتيبي'],
  [['demo chahiye. Naam Priya Sharma, email priya@yatrasaathi.example'], 'Priya Sharma'],
  [['oi! sou o João Pedro dos Santos, queria um orçamento. email: joaopedro.santos@gmail.com'], 'João Pedro dos Santos'],
];
for (const [turns, name] of typedNames) {
  test(`extractContact finds the typed name "${name}"`, () => {
    assert.equal(extractContact(turns).name, name);
  });
}

test('extractContact takes no hiragana inside a sentence, and no spaced kanji without a family name, for a name', () => {
  assert.equal(extractContact(['料金について いくら です。k.ito@example.com']).name, undefined);
  assert.equal(extractContact(['資料 請求です。k.ito@example.com']).name, undefined);
});

test('extractContact keeps an Irish particle inside a name', () => {
  assert.equal(extractContact(['Interested in the clinic package. — Dr. Tomás Ó Briain, tomas.obriain@gmail.com']).name, 'Tomás Ó Briain');
});

test('extractContact reads a name typed with combining marks (NFD) as the composed name', () => {
  const text = 'Chào bạn, mình là Nguyễn Thị Ngọc Ánh. Email: ngocanh.nguyen@nhakhoa.example'.normalize('NFD');
  assert.equal(extractContact([text]).name, 'Nguyễn Thị Ngọc Ánh'.normalize('NFC'));
});
