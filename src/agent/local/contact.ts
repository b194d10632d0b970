import { EMAIL_IN_TEXT } from '../../policy/email-in-text.ts';
import { email as emailField, personName, phone as phoneField, singleLine } from '../../tools/fields.ts';
import { findTool } from '../../tools/index.ts';
import { normalizeText } from '../normalize-text.ts';
import { userWords } from '../user-words.ts';

/**
 * Contact details a visitor typed about themselves, for the local model's capture_lead
 * calls. Every value satisfies the tool's field schemas, so what the model emits parses.
 */

export type Contact = { name?: string; email?: string; company?: string; phone?: string };

const NAME_WORD = String.raw`(?:[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’-]*|[\p{Lu}]\.(?=[ \t]+[\p{Lu}]))`;
const ANY_WORD = String.raw`[\p{L}][\p{L}\p{M}'’-]*`;

// Words that follow "I'm"/"this is" far more often than a name does, or that end a
// name when they follow it.
const NOT_A_NAME = new Set(
  `a an the and or but of from at in on to for with here there my our your his her their this that it
   i im i'm me we us you is am are was be been not no yes so very really just still also too now then
   interested interesting looking trying having getting going planning wondering curious calling writing
   contacting reaching asking following using waiting hoping working running new sure sorry happy glad
   good fine ok okay ready done back able unable stuck confused frustrated annoyed angry upset disappointed
   everything nothing something anything everyone someone anyone nobody all
   hello hi hey thanks thank yes yeah yep no nope nah sure please bye maybe okay ok well oh hmm sorry
   hola buenas buenos bonjour bonsoir salut coucou hallo servus moin ciao greetings howdy hiya dear morning evening afternoon
   urgent important broken ridiculous unacceptable great awesome amazing weird strange terrible
   customer client user admin administrator owner manager developer ceo cto founder
   email e-mail mail phone number name company
   cliente interesado interesada nuevo nueva de del la el los las y en un una para por con muy aqui
   interesse interessee nouveau nouvelle le les du des et chez pour avec tres ici un une
   interessiert neu neue kunde kundin und von bei aus mit fur sehr hier ein eine der die das nicht kein`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

// Once a name has started, only these end it: "Văn An" is a name, "John and" is not.
const ENDS_A_NAME = new Set(
  `and or but from at of with here my our your is am are was email e-mail mail phone to for in on the
   y de del para con und von bei aus mit fur et chez pour avec
   e da do na no em trabalho sou из и с в на компания ооо ип cong ty tu o va
   من في و ،
   है हूँ हूं से और का की के`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function isStopWord(word: string, first: boolean): boolean {
  const w = normalizeText(word).replace(/[.'’]+$/, '');
  return (first ? NOT_A_NAME : ENDS_A_NAME).has(w);
}

// Lower-case particles inside a name ("van der Berg", "da Silva", "von Hohenstein",
// "de la Fuente", "bin Yusuf"). A lone "de" is left out: it is also "from" before a company.
const NAME_PARTICLES = /^(?:(?:van|der|den|ter|ten|da|dos|das|di|du|bin|ibn|von|del|della|dei|de[ \t]+la|de[ \t]+las|de[ \t]+los|de[ \t]+le)[ \t]+)+/u;

/** Leading name words of `rest`: capitalized unless the user explicitly labelled it a name. */
function takeName(rest: string, allowLowercase: boolean): { name: string; length: number } | null {
  const word = new RegExp(`^${allowLowercase ? `(?:${NAME_WORD}|${ANY_WORD})` : NAME_WORD}`, 'u');
  const words: string[] = [];
  let consumed = 0;
  let remaining = rest;
  while (words.length < 6) {
    const gap = words.length === 0 ? /^[ \t]*/.exec(remaining) : /^[ \t]+/.exec(remaining);
    if (gap === null) break;
    const after = remaining.slice(gap[0].length);
    // A one-word particle ("von", "da") only between a given name and a family name: after
    // two words it is more often "from" ("Jonas Weber von Quantix").
    const found = words.length > 0 && !allowLowercase ? NAME_PARTICLES.exec(after) : null;
    const particles = found !== null && (words.length === 1 || /[ \t]/.test(found[0].trim())) ? found : null;
    if (particles !== null) {
      // "van der Berg", "da Silva": lower-case particles count only before a capitalised word.
      const next = word.exec(after.slice(particles[0].length));
      if (next !== null && !isStopWord(next[0], false)) {
        words.push(...particles[0].trim().split(/[ \t]+/), next[0]);
        consumed += gap[0].length + particles[0].length + next[0].length;
        remaining = rest.slice(consumed);
        continue;
      }
    }
    const m = word.exec(after);
    if (m === null || isStopWord(m[0], words.length === 0)) break;
    words.push(m[0]);
    consumed += gap[0].length + m[0].length;
    remaining = rest.slice(consumed);
  }
  if (words.length === 0) return null;
  const name = words.join(' ').replace(/['’-]+$/, '');
  return personName.safeParse(name).success ? { name, length: consumed } : null;
}

const COMPANY_SUFFIXES = new Set(
  'inc inc. llc ltd ltd. gmbh ag corp corp. co co. sa s.a. sas sarl bv nv plc kg oy ab srl sl'.split(' '),
);
const NOT_A_COMPANY = new Set(
  `i my our your the this that it we you me monday tuesday wednesday thursday friday saturday sunday
   january february march april may june july august september october november december
   home work school here there`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Leading company words of `rest`: capitalized tokens (plus legal suffixes), or the rest of the line when labelled. */
function takeCompany(rest: string, labelled: boolean): string | null {
  let candidate: string;
  if (labelled) {
    candidate = (rest.split('\n')[0] ?? '').trim();
  } else {
    const tokens: string[] = [];
    for (const m of rest.matchAll(/[^\s,;:!?()"]+|\s+|[,;:!?()"]/gu)) {
      const tok = m[0];
      if (/^\s+$/.test(tok)) {
        if (tok.includes('\n')) break;
        continue;
      }
      if (/^[,;:!?()"]$/.test(tok)) break;
      const bare = tok.replace(/\.+$/, '');
      const isFirst = tokens.length === 0;
      // "at 5pm" and "from 2019" are times, not employers; "3M" after a first word is fine.
      const capitalised = isFirst ? /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(bare) : /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(bare);
      if (isFirst && NOT_A_COMPANY.has(bare.toLowerCase())) break;
      if (!(capitalised || bare === '&' || (!isFirst && COMPANY_SUFFIXES.has(tok.toLowerCase())))) break;
      tokens.push(tok);
      // A full stop after a word that is not a legal suffix ends the sentence.
      if (tok.endsWith('.') && !COMPANY_SUFFIXES.has(tok.toLowerCase())) break;
      if (tokens.length >= 5) break;
    }
    candidate = tokens.join(' ');
  }
  candidate = candidate.replace(/[\s.,;:!?'"’]+$/, '').replace(/^[\s'"’]+/, '');
  if (candidate.length === 0) return null;
  return singleLine(120).safeParse(candidate).success ? candidate : null;
}

type Found = { at: number; value: string };

function later(a: Found | undefined, b: Found | undefined): Found | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.at >= a.at ? b : a;
}

// Word edges by lookaround, since `\b` knows only ASCII letters.
const EXPLICIT_NAME =
  /(?<![\p{L}])(?:my name is|my name's|mi nombre es|me llamo|je m['’]appelle|mon nom est|ich hei(?:ß|ss)e|mein name ist|meu nome é|me chamo|меня зовут|моё имя|мое имя|tên tôi là|tên mình là|tên em là|mera naam|मेरा नाम|اسمي)(?![\p{L}\p{M}])[ \t]*:?/giu;
const LABELLED_NAME =
  /(?:^|(?<=[.。!！?？,،，;]))[ \t]*(?:full[ \t]+)?(?:name|nombre|nom|contact|contato|contacto|ansprechpartner(?:in)?|контакт|контактное лицо|liên hệ|联系人|聯絡人|担当者?|الاسم|المسؤول|نام|नाम)[ \t]*[:：][ \t]*/gimu;
// Chinese writes no space after "我是"/"我叫"; a name there is two to four Han characters.
const ZH_NAME = /(?:我叫|我是|我的名字是|本人)(\p{Script=Han}{2,4})(?=[\s，,。.！!、；;]|$)/gu;
const CASUAL_NAME =
  /(?<![\p{L}])(?:i['’]m|i am|this is|it['’]s|soy|sou|je suis|ich bin|я|это|tôi là|em là|mình là|tên|أنا|मैं)(?![\p{L}\p{M}])/giu;
const HERE_NAME = new RegExp(
  String.raw`(?:^|\n|(?:hi|hello|hey|hola|bonjour|salut|hallo|moin|servus)[ \t]*[,!]?[ \t]+)(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})[ \t]+here(?=[ \t]*(?:[,.!:;—–-]|\n|$))`,
  'giu',
);
// Japanese puts the name before the verb: "高橋です", "Tanaka Hiroshi と申します". Kanji and
// katakana only: hiragana is grammar ("いくらです" is a price, not a name).
const LATIN_NAME_WORD = String.raw`\p{Lu}[\p{Script=Latin}\p{M}'’-]*`;
const JA_NAME = new RegExp(
  String.raw`(?:^|(?<=[\s、。！？,.!?]))((?:[\p{Script=Han}\p{Script=Katakana}ー]{1,12})|${LATIN_NAME_WORD}(?:[ \t]+${LATIN_NAME_WORD}){0,3})[ \t]*(?:と申します|と言います|といいます|です(?![かが]))`,
  'gu',
);
const SIGNATURE = new RegExp(String.raw`^[ \t]*(?:—|–|--)[ \t]*(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})[ \t]*$`, 'gmu');
const AFTER_NAME_COMPANY = /^[ \t]*[,،，]?[ \t]*(?:here[ \t]*,?[ \t]*)?(?:from|at|of|with|von|von der|de|del|chez|bei|aus|из|من|da|na|do)[ \t]+/iu;
const COMPANY_INTROS: ReadonlyArray<readonly [RegExp, boolean]> = [
  [/^[ \t]*(?:company|company name|empresa|entreprise|soci[eé]t[eé]|firma|organi[sz]ation)[ \t]*:[ \t]*/gimu, true],
  [/\b(?:my|our) (?:company|organi[sz]ation|employer|business|startup|firm)(?: name)?(?: is|:)[ \t]+/giu, true],
  [/\bcompany(?: name)? is[ \t]+/giu, true],
  [/\b(?:i|we) (?:work|works|am working|are working) (?:for|at|with)[ \t]+/giu, false],
  [/\bworking (?:for|at)[ \t]+/giu, false],
  [/\bon behalf of[ \t]+|\brepresenting[ \t]+/giu, false],
  [/\btrabajo (?:en|para)[ \t]+|\b(?:mi|nuestra) empresa es[ \t]+/giu, true],
  [/\bje travaille (?:chez|pour)[ \t]+|\b(?:mon|notre) entreprise est[ \t]+/giu, true],
  [/\bich arbeite (?:bei|für)[ \t]+|\b(?:meine|unsere) firma ist[ \t]+/giu, true],
  [/(?<![\p{L}])(?:empresa|firma|organisation|организация|компания|công ty|公司|会社名|الشركة|कंपनी)[ \t]*[:：][ \t]*/giu, true],
  [/(?<![\p{L}])(?:trabalho na|trabalho no|trabalho em)[ \t]+/giu, false],
];
const PHONE_CANDIDATE = /\+?\(?\d[\d ().-]{5,24}\d/g;
const PHONE_CONTEXT =
  /\b(phone|tel|telephone|call|mobile|cell|whatsapp|telefono|movil|portable|telefon|handy|rufnummer)\b/;

const CLAUSE_END = /[.!?。！？\n:：]/g;
const SEPARATOR = /[,،，;；、]/;
const PHONE_ONLY = /^\+?[\d ().-]{7,}$/;
const TITLE = /^(?:mr|mrs|ms|mx|dr|prof|me|herr|frau|sr|sra|srta|mme|डॉ|د)\.?[ \t]+/iu;

// The commonest Chinese family names (single and double). Chinese has no spaces and no
// capitals, so a bare run of characters before an email is a name only when it starts
// with one of these: "刘洋 liu@…" is a name, "请回复 ana@…" ("please reply") is not.
const ZH_FAMILY_NAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤张陳楊黃趙吳徐孫馬鄭謝韓馮鄧蕭葉蘇魏呂盧鍾譚陸賈韋鄒龔錢嚴湯'],
);
const ZH_DOUBLE_FAMILY_NAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '皇甫', '令狐', '慕容'];

/** Whether a run of Han characters can be a whole Chinese name on its own. */
function looksLikeChineseName(run: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(run)) return false;
  return ZH_FAMILY_NAMES.has(run[0]!) || ZH_DOUBLE_FAMILY_NAMES.some((f) => run.startsWith(f) && run.length > f.length);
}

/** The whole of `segment` as a name, after a title, or undefined. */
function wholeName(segment: string): { name: string } | undefined {
  const bare = segment.trim().replace(TITLE, '');
  if (bare === '') return undefined;
  // Kana is grammar, and Han without spaces is a name only by its family name.
  if (/\p{Script=Hiragana}/u.test(bare)) return undefined;
  if (/\p{Script=Han}/u.test(bare) && !/[ \t]/.test(bare) && !/\p{Script=Katakana}/u.test(bare) && !looksLikeChineseName(bare)) return undefined;
  const found = takeName(bare, false);
  return found !== null && found.length === bare.length ? { name: found.name } : undefined;
}

/**
 * A name written just before an email address, in the same clause: "Jonas Becker,
 * jonas@…", or "Francisco Lima, Clínica Sorriso, chico@…" (name, then company: the
 * order people write them in). Phone numbers between them are skipped.
 */
function nameBeforeEmail(text: string, emailAt: number): { name: string; company?: string } | undefined {
  const head = text.slice(0, emailAt);
  let start = 0;
  for (const m of head.matchAll(CLAUSE_END)) {
    // "S.A.S." and "Dr." do not end a clause: a full stop right after a letter and before one does not count.
    if (m[0] === '.' && /[\p{L}]/u.test(head[m.index + 1] ?? '')) continue;
    start = m.index + 1;
  }
  const segments = head.slice(start).split(SEPARATOR).map((seg) => seg.trim()).filter((seg) => seg !== '' && !PHONE_ONLY.test(seg));
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  const earlier = segments.at(-2);
  const named = earlier === undefined ? undefined : wholeName(earlier);
  const company = takeCompany(last, false);
  if (named !== undefined && company !== null && company === last) return { ...named, company };
  return wholeName(last);
}

function companyAfter(text: string, from: number): Found | undefined {
  const rest = text.slice(from);
  const intro = AFTER_NAME_COMPANY.exec(rest);
  if (intro === null) return undefined;
  const value = takeCompany(rest.slice(intro[0].length), false);
  return value === null ? undefined : { at: from, value };
}

function extractFrom(text: string): Contact {
  const found: Record<keyof Contact, Found | undefined> = {
    name: undefined,
    email: undefined,
    company: undefined,
    phone: undefined,
  };

  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const parsed = emailField.safeParse(m[0]);
    if (parsed.success) found.email = later(found.email, { at: m.index, value: parsed.data });
  }

  const nameAt = (re: RegExp, allowLowercase: boolean) => {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].length;
      const name = takeName(text.slice(start), allowLowercase);
      if (name === null) continue;
      found.name = later(found.name, { at: m.index, value: name.name });
      found.company = later(found.company, companyAfter(text, start + name.length));
    }
  };
  nameAt(EXPLICIT_NAME, true);
  nameAt(LABELLED_NAME, true);
  nameAt(CASUAL_NAME, false);
  for (const re of [HERE_NAME, SIGNATURE, JA_NAME, ZH_NAME]) {
    for (const m of text.matchAll(re)) {
      const captured = m[1];
      if (captured === undefined) continue;
      const name = takeName(captured, false);
      if (name === null || name.length !== captured.length) continue;
      found.name = later(found.name, { at: m.index, value: name.name });
      found.company = later(found.company, companyAfter(text, m.index + m[0].length));
    }
  }

  // "Rohit Verma, rohit@…", "张伟 zhang@…": a bare name just before the address. An
  // introduction ("my name is", "I'm") says it more surely, so it wins.
  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const before = nameBeforeEmail(text, m.index);
    if (before === undefined) continue;
    found.name ??= { at: m.index, value: before.name };
    if (before.company !== undefined) found.company ??= { at: m.index, value: before.company };
  }
  for (const [re, labelled] of COMPANY_INTROS) {
    for (const m of text.matchAll(re)) {
      const value = takeCompany(text.slice(m.index + m[0].length), labelled);
      if (value !== null) found.company = later(found.company, { at: m.index, value });
    }
  }

  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    // The schema wants a digit first, so "(415) 555-0134" becomes "415 555-0134".
    const candidate = m[0].trim().replace(/^(\+?)\((\d+)\)\s*/, '$1$2 ');
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(candidate)) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = normalizeText(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
    if (!candidate.startsWith('+') && !PHONE_CONTEXT.test(line)) continue;
    // Digits glued to letters are an id or a code, not a phone number.
    if (/[\p{L}_]$/u.test(text.slice(0, m.index)) || /^[\p{L}_@]/u.test(text.slice(m.index + m[0].length))) continue;
    if (phoneField.safeParse(candidate).success) found.phone = later(found.phone, { at: m.index, value: candidate });
  }

  return {
    ...(found.name ? { name: found.name.value } : {}),
    ...(found.email ? { email: found.email.value } : {}),
    ...(found.company ? { company: found.company.value } : {}),
    ...(found.phone ? { phone: found.phone.value } : {}),
  };
}

/**
 * Contact details the user typed about themselves, across the conversation (oldest
 * first; a later value replaces an earlier one, since people correct themselves).
 * Quoted and pasted text is ignored: an address inside a forwarded email belongs to
 * someone else. Every value returned satisfies the corresponding field schema.
 */
export function extractContact(userTexts: string[]): Contact {
  const contact: Contact = {};
  for (const text of userTexts) {
    Object.assign(contact, extractFrom(userWords(text)));
  }
  return contact;
}

/**
 * The name in a reply that is nothing but a name, optionally followed by contact
 * details: "Maria Gomez, maria@acme.com". Lower-case names ("ana lópez") count only
 * when `answersNameQuestion`, since only then is a bare phrase known to be a name.
 */
export function bareName(text: string, { answersNameQuestion }: { answersNameQuestion: boolean }): string | undefined {
  const own = userWords(text).trim();
  const first = (own.split(/[,;\n]|\s+(?=\S+@)/)[0] ?? '').trim().replace(/[.!]+$/, '');
  const found = takeName(first, answersNameQuestion);
  return found !== null && found.length === first.length ? found.name : undefined;
}

/** Whether `extractContact` found enough to save a lead: what the capture_lead schema requires. */
export function hasLeadContact(contact: Contact): contact is Contact & { name: string; email: string } {
  return findTool('capture_lead')?.input.safeParse({ name: contact.name, email: contact.email }).success === true;
}
