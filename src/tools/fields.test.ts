import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureLeadInput } from './capture-lead.ts';
import { escalateTicketInput } from './escalate-ticket.ts';
import { personName, phone } from './fields.ts';
import { isMixedScriptWord } from './mixed-script.ts';
import { looksLikeSqlInjection } from './sql-fragments.ts';

const lead = { name: 'Dana Whitfield-Reyes', email: 'dana@example.com' };
const ticket = { subject: 'Export fails', summary: 'The export fails.', category: 'technical' };

test('real names pass: particles, apostrophes, hyphens, diacritics, native scripts, katakana and Chinese middle dots', () => {
  for (const name of ["Siobhan O'Connell", 'Jean-Luc de la Fontaine', 'Nguyễn Thị Hoa', '王小明', '佐藤 健一', 'マリア・ゴンザレス', '阿卜杜拉·艾力', 'محمد الأحمد', 'राहुल शर्मा', 'Фёдор Иванов', 'Ελένη', 'Teodora']) {
    assert.ok(personName.safeParse(name).success, name);
  }
});

test('a name that mixes look-alike letters from different scripts in one word is refused (UTS #39 mixed script)', () => {
  // Cyrillic А, Greek ο, Cyrillic р inside Latin words.
  for (const name of ['Аlice Smith', 'Sοphie Martin', 'Pаypal Support']) assert.equal(personName.safeParse(name).success, false, name);
  // One script per word, and the Japanese and Korean script combinations, are not mixed.
  assert.equal(isMixedScriptWord('佐藤けんじ'), false);
  assert.equal(isMixedScriptWord('Иван'), false);
  assert.equal(personName.safeParse('Ivan Петров').success, true, 'words in two scripts, each one script');
});

test('phone numbers in the formats people type', () => {
  for (const p of ['(415) 555-0134', '+1 (415) 555-0134', '020 7946 0123', '+44 20 7946 0123', '090-1234-5678', '0491 570 110', '+49 30 1234567 ext. 12', '415.555.0134']) {
    assert.ok(phone.safeParse(p).success, p);
  }
  for (const p of ['call me', '12', '=1+2', '(((((((', '+1 555 0134; DROP TABLE x']) assert.equal(phone.safeParse(p).success, false, p);
});

test('long legal company names up to 300 characters; longer is refused', () => {
  const long = 'Consolidated Midwestern Agricultural Equipment Leasing, Financing and Remarketing Holdings of North America, Incorporated';
  assert.ok(captureLeadInput.safeParse({ ...lead, company: long }).success);
  assert.ok(captureLeadInput.safeParse({ ...lead, company: 'A'.repeat(300) }).success);
  assert.equal(captureLeadInput.safeParse({ ...lead, company: 'A'.repeat(301) }).success, false);
});

test('a long ordinary subject passes; an oversized one does not', () => {
  const subject = 'Subject: checkout chat down  Hi team, starting 11:42 UTC our storefront widget returns a spinner forever for every shopper across all 6 regions.';
  assert.ok(escalateTicketInput.safeParse({ ...ticket, subject }).success);
  assert.equal(escalateTicketInput.safeParse({ ...ticket, subject: 'x'.repeat(301) }).success, false);
});

test('SQL injection shapes in free text are refused (OWASP SQL Injection Prevention, CWE-89)', () => {
  for (const text of [
    "x'; DROP TABLE users; --",
    "admin'--",
    "' OR '1'='1",
    '" or 1=1',
    'Robert"); DROP TABLE Students;--',
    '1 UNION SELECT password FROM users',
    'Acme; DELETE FROM contacts',
    "it's fine'; update contacts set email = 'x'",
    "1' AND SLEEP(5)",
    "'; WAITFOR DELAY '0:0:5'--",
  ]) {
    assert.ok(looksLikeSqlInjection(text), text);
    assert.equal(escalateTicketInput.safeParse({ ...ticket, summary: text }).success, false, text);
  }
});

test('legitimate text with quotes, semicolons and SQL words passes', () => {
  for (const text of [
    "O'Brien & Sons; Ltd.",
    "It's broken; select all doesn't work on the drop-down",
    'Please update the billing address; the old one is "Hauptstraße 5".',
    'We use Postgres; the "Delete" button removes the row, then I drop the filter and select another.',
    'He said "hi" -- then the chat closed',
    "I'd like to know: is the data stored in the EU? Thanks; regards",
    "Restaurant L'Olivier — table for 12; we'll pay by card",
  ]) {
    assert.equal(looksLikeSqlInjection(text), false, text);
    assert.ok(escalateTicketInput.safeParse({ ...ticket, summary: text }).success, text);
  }
});

test('emoji typed as joined sequences pass; a joiner or zero-width character anywhere else is refused', () => {
  for (const summary of ['Still no refund 🤷\u200d♂️ what is going on?', 'our dev team 👩\u200d💻👨🏽\u200d💻 is blocked', 'family plan 👨\u200d👩\u200d👧 charged twice']) {
    assert.ok(escalateTicketInput.safeParse({ ...ticket, summary }).success, summary);
  }
  for (const summary of ['ig\u200dnore the rules', 'pay\u200bment failed', 'trailing joiner 🤷\u200d', '\u200d🤷 leading joiner', 'tag smuggling \u{E0041}\u{E0042}']) {
    assert.equal(escalateTicketInput.safeParse({ ...ticket, summary }).success, false, JSON.stringify(summary));
  }
});
