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

const NAME_WORD = String.raw`(?:[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’・-]*|[\p{Lu}]\.(?=[ \t]+[\p{Lu}]))`;
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
   best regards kind warm cheers sincerely cordialement saludos atte att atenciosamente abraços grüße gruesse mfg
   gostariamos gostaria queremos quero precisamos somos estamos temos quisieramos quisiera queria necesitamos tenemos
   cumprimentos saudacoes obrigado obrigada atentamente cordiales saludo gracias merci amicalement salutations danke gruss grussen freundlichen viele liebe
   hola buenas buenos bonjour bonsoir salut coucou hallo servus moin ciao greetings howdy hiya dear morning evening afternoon
   ola oi bom boa dia tarde noite guten tag morgen abend gruss grussgott buongiorno salve namaste namaskar
   o os as um uma naam नाम
   здравствуйте привет добрый день утро вечер доброе
   xin chao chào
   مرحبا مرحباً اهلا أهلا السلام سلام معك معاك
   नमस्ते नमस्कार
   urgent important broken ridiculous unacceptable great awesome amazing weird strange terrible
   customer client user admin administrator owner manager developer ceo cto founder
   support sales pricing team billing marketing office service
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

// Irish particles written capitalised inside a name ("Tomás Ó Briain", "Siobhán Ní Bhriain"):
// folded, "Ó" is the Portuguese article "o", which would end the name.
const GAELIC_PARTICLE = /^(?:Ó|Ní|Nic|Uí|Ua|Mac)$/u;

function isStopWord(word: string, first: boolean): boolean {
  if (!first && GAELIC_PARTICLE.test(word)) return false;
  const w = normalizeText(word).replace(/[.'’]+$/, '');
  return (first ? NOT_A_NAME : ENDS_A_NAME).has(w);
}

// Lower-case particles inside a name ("van der Berg", "da Silva", "von Hohenstein",
// "de la Fuente", "de La Fontaine", "bin Yusuf"). A lone "de" is left out: it is also "from" before a company.
const NAME_PARTICLES = /^(?:(?:van|der|den|ter|ten|da|dos|das|di|du|bin|ibn|von|del|della|dei|de[ \t]+(?:la|las|los|le|La|Las|Los|Le)(?=[ \t]+\p{Lu}))[ \t]+)+/u;

// A lone particle ("de", "del", "da"): part of the name when another "from" follows it
// ("Fernández de Castro, de Ópticas Luz", "Juan Pablo del Río de Constructora Andina"), or when
// the whole segment is the name, with the company in a segment of its own (`inSegment`).
const LONE_PARTICLE = /^(?:de|del|da|do|dos|das|di|du)[ \t]+/u;
const ANOTHER_FROM = /^[ \t]*[,،]?[ \t]*(?:de|del|from|da|do|von|chez|aus|at)[ \t]+\p{Lu}/u;

/** Leading name words of `rest`: capitalized unless the user explicitly labelled it a name. */
function takeName(rest: string, allowLowercase: boolean, inSegment = false): { name: string; length: number } | null {
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
    const found = words.length > 0 ? NAME_PARTICLES.exec(after) : null;
    const particles = found !== null && (words.length === 1 || /[ \t]/.test(found[0].trim())) ? found : null;
    if (particles !== null) {
      // "van der Berg", "da Silva": lower-case particles count only before a capitalised word.
      const next = new RegExp(`^${NAME_WORD}`, 'u').exec(after.slice(particles[0].length));
      if (next !== null && !isStopWord(next[0], false)) {
        words.push(...particles[0].trim().split(/[ \t]+/), next[0]);
        consumed += gap[0].length + particles[0].length + next[0].length;
        remaining = rest.slice(consumed);
        continue;
      }
    }
    const lone = words.length > 0 ? LONE_PARTICLE.exec(after) : null;
    if (lone !== null) {
      const next = new RegExp(`^${NAME_WORD}`, 'u').exec(after.slice(lone[0].length));
      const tail = next === null ? '' : after.slice(lone[0].length + next[0].length);
      if (next !== null && !isStopWord(next[0], false) && (ANOTHER_FROM.test(tail) || (inSegment && new RegExp(`^(?:[ \\t]+${NAME_WORD})*$`, 'u').test(tail)))) {
        words.push(lone[0].trim(), next[0]);
        consumed += gap[0].length + lone[0].length + next[0].length;
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
      // Arabic and Chinese commas end a company name as a Latin one does.
      if (/[،，、]/.test(tok)) {
        const head = tok.split(/[،，、]/)[0]!;
        if (head !== '') tokens.push(head);
        break;
      }
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
const ZH_NAME = /(?:我叫|我是|我的名字是|本人|联系人是|聯絡人是|联系人|聯絡人)(\p{Script=Han}{2,4})(?=[\s，,。.！!、；;]|$)/gu;
const CASUAL_NAME =
  /(?<![\p{L}])(?:i['’]m|i am|this is|it['’]s|soy|sou|je suis|ich bin|я|это|tôi là|em là|mình là|tên|أنا|معك|معاك|मैं|main|hier ist|hier spricht)(?![\p{L}\p{M}])/giu;
const HERE_NAME = new RegExp(
  String.raw`(?:^|\n|(?:hi|hello|hey|hola|bonjour|salut|hallo|moin|servus)[ \t]*[,!]?[ \t]+)(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})[ \t]+here(?=[ \t]*(?:[,.!:;—–-]|\n|$))`,
  'giu',
);
// Japanese puts the name before the verb: "高橋です", "Tanaka Hiroshi と申します". Kanji and
// katakana; hiragana run into a sentence is grammar ("いくらです" is a price, not a name).
const LATIN_NAME_WORD = String.raw`\p{Lu}[\p{Script=Latin}\p{M}'’-]*`;
// A space the writer typed between family and given name ("佐藤 健一と申します") keeps the
// name whole, in kanji and in hiragana ("たなか ゆい です"); both are checked where matched.
const JA_NAME = new RegExp(
  String.raw`(?:^|(?<=[\s、。！？,.!?のは]))([\p{Script=Han}々]{1,4}[ \t]+[\p{Script=Han}々]{1,4}|[\p{Script=Han}々]{1,4}[ \t]+\p{Script=Hiragana}{2,4}|\p{Script=Hiragana}{2,5}[ \t]+\p{Script=Hiragana}{1,5}|(?:[\p{Script=Han}\p{Script=Katakana}ー・々]{1,16})|${LATIN_NAME_WORD}(?:[ \t]+${LATIN_NAME_WORD}){0,3})[ \t]*(?:と申します|と言います|といいます|です(?![かが]))`,
  'gu',
);
const JA_SPACED_KANJI = /^[\p{Script=Han}々]+[ \t]+[\p{Script=Han}々]+$/u;
const JA_SPACED_KANA = /^\p{Script=Hiragana}+[ \t]+\p{Script=Hiragana}+$/u;
// A family name in kanji and a given name in hiragana ("山本 さくらです"): a name when the kanji are a known family name.
const JA_KANJI_KANA = /^([\p{Script=Han}々]+)[ \t]+\p{Script=Hiragana}+$/u;
// "Hello, Kovács Zoltán here from …", "Buenos días, Juan Pablo de Constructora …", "مرحبا، ليلى أبو زيد من …":
// a greeting, then a name that the words after it mark as the writer's (here / from).
const GREETINGS = String.raw`hi|hello|hey|good (?:morning|afternoon|evening)|hola|buenos d[ií]as|buenas(?: tardes| noches)?|bonjour|bonsoir|salut|hallo|guten (?:tag|morgen|abend)|servus|moin|gr[üu]ß gott|ol[áa]|oi|bom dia|boa (?:tarde|noite)|здравствуйте|привет|добрый (?:день|вечер)|доброе утро|xin chào|chào (?:bạn|anh|chị|em)|مرحبا|مرحباً|أهلا|اهلا|السلام عليكم|नमस्ते|नमस्कार`;
const GREETING_NAME = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:${GREETINGS})[ \t]*[,،!.]?[ \t]+(?=${NAME_WORD}(?:[ \t]+(?:${NAME_WORD}|del|de la|van|von|bin|da|dos))*[ \t]*,?[ \t]+(?:here|hier|aquí|aqui|ici|from|de|del|von|aus|bei|chez|da|do|na|из|من|से)(?![\p{L}]))`,
  'giu',
);
const WRITER_MARKER = /^[ \t]*,?[ \t]+(?:here|hier|aquí|aqui|ici|from|de|del|von|aus|bei|chez|da|do|na|из|من|से)(?![\p{L}])/iu;
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

const CLAUSE_END = /[.!?。！？\n:：।؟]/g;
// A slash or bar with spaces round it separates fields as a comma does ("高橋 翔太 / s.takahashi@…").
const SEPARATOR = /[,،，;；、]|[ \t][/|｜][ \t]/;
const PHONE_ONLY = /^\+?[\d ().-]{7,}$/;
const TITLE = /^(?:mr|mrs|ms|mx|dr|prof|me|herr|frau|sr|sra|srta|mme|डॉ|श्रीमती|श्री|सुश्री|د|م|أ|السيد|السيدة|الأستاذ|الاستاذ|المهندس|مهندس|الدكتور|دكتور)\.?[ \t]+/iu;

// The commonest Chinese family names (single and double). Chinese has no spaces and no
// capitals, so a bare run of characters before an email is a name only when it starts
// with one of these: "刘洋 liu@…" is a name, "请回复 ana@…" ("please reply") is not.
const ZH_FAMILY_NAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤张陳楊黃趙吳徐孫馬鄭謝韓馮鄧蕭葉蘇魏呂盧鍾譚陸賈韋鄒龔錢嚴湯'],
);
const ZH_DOUBLE_FAMILY_NAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '皇甫', '令狐', '慕容'];

// The commonest Japanese family names. Like Chinese, a Japanese name is typed without a space
// ("佐々木美緒"), and kanji alone do not say where a name starts: the family name does.
const JA_FAMILY_NAMES = `佐藤 鈴木 高橋 田中 伊藤 渡辺 渡部 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 斉藤
  清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田
  西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎
  横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口
  武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 桜井 高野 吉川 山内 西田
  飯田 菅野 服部 樋口 森 林`
  .split(/\s+/)
  .filter((n) => n.length > 0);

/** Whether a run of Han characters can be a whole Chinese or Japanese name on its own. */
function looksLikeHanName(run: string): boolean {
  if (JA_FAMILY_NAMES.some((f) => f.length >= 2 && run.startsWith(f) && run.length > f.length && run.length <= f.length + 3)) return /^[\p{Script=Han}々]+$/u.test(run);
  if (!/^\p{Script=Han}{2,4}$/u.test(run)) return false;
  return ZH_FAMILY_NAMES.has(run[0]!) || ZH_DOUBLE_FAMILY_NAMES.some((f) => run.startsWith(f) && run.length > f.length);
}

/** The whole of `segment` as a name, after a title, or undefined. */
function wholeName(segment: string, companyFollows = false): { name: string } | undefined {
  const bare = segment.trim().replace(TITLE, '');
  if (bare === '') return undefined;
  // Kana is grammar, and Han without spaces is a name only by its family name.
  if (/\p{Script=Hiragana}/u.test(bare)) return undefined;
  if (/\p{Script=Han}/u.test(bare) && !/[ \t]/.test(bare) && !/\p{Script=Katakana}/u.test(bare) && !looksLikeHanName(bare)) return undefined;
  // With a space ("高橋 健一"), each part of a Han name is short: "我想了解价格 王芳" is a sentence, then a name.
  if (/\p{Script=Han}/u.test(bare) && /[ \t]/.test(bare) && bare.split(/[ \t]+/).some((part) => part.length > 4)) return undefined;
  const found = takeName(bare, false, companyFollows);
  return found !== null && found.length === bare.length ? { name: found.name } : undefined;
}

/**
 * A name written just before an email address, in the same clause: "Jonas Becker,
 * jonas@…", or "Francisco Lima, Clínica Sorriso, chico@…" (name, then company: the
 * order people write them in). Phone numbers between them are skipped.
 */
function nameBeforeEmail(text: string, emailAt: number, address?: string): { name: string; company?: string } | undefined {
  const head = text.slice(0, emailAt);
  let start = 0;
  for (const m of head.matchAll(CLAUSE_END)) {
    // "S.A.S." and "Dr." do not end a clause: a full stop right after a letter and before one does not count.
    if (m[0] === '.' && /[\p{L}]/u.test(head[m.index + 1] ?? '')) continue;
    start = m.index + 1;
  }
  // A dash or bullet before the name and a bracket around the address are punctuation, not name.
  const segments = head
    .slice(start)
    // A spaced dash parts clauses like a comma: "sure — Siobhán Ní Bhriain" (an answer word, then
    // the name), "Inês Sá Carneiro — Clínica Veterinária Foz" (the name, then the company).
    .split(new RegExp(`${SEPARATOR.source}|[ \\t][–—][ \\t]`, 'u'))
    .map((seg) => seg.trim().replace(/^[-–—•·*]+[ \t]*/u, '').replace(/[ \t]*[<(（【\[]+$/u, '').trim())
    .filter((seg) => seg !== '' && !PHONE_ONLY.test(seg));
  const last = segments.at(-1);
  // A signature block: the name on its own line, the address on the next.
  if (last === undefined) return start > 0 && head[start - 1] === '\n' ? signatureLine(head.slice(0, start - 1)) : undefined;
  const earlier = segments.at(-2);
  const named = earlier === undefined ? undefined : wholeName(earlier, true);
  const company = takeCompany(last, false);
  if (named !== undefined && company !== null && company === last) return { ...named, company };
  // "Jean-Baptiste de La Fontaine, Grimpe Lyon Confluence, jb.delafontaine@…": two runs of
  // capitalised words; the one the address spells is the person, the other the company.
  if (named !== undefined && address !== undefined && spelledBy(named.name, address) && !spelledBy(last, address)) return { ...named, company: last };
  // "我想了解价格 王芳": the last word alone, when the words before it are not part of a name.
  if (!/\p{Script=Han}/u.test(last)) return wholeName(last);
  const words = last.split(/[ \t]+/);
  return wholeName(last) ?? wholeName(words.slice(-2).join(' ')) ?? wholeName(words.at(-1) ?? '');
}

/** The last line of `head` as a whole name, when it is one ("高橋 健一" above "kenichi…@…"). */
function signatureLine(head: string): { name: string } | undefined {
  const line = head.slice(head.lastIndexOf('\n') + 1).trim();
  return line === '' ? undefined : wholeName(line);
}

// Legal forms that are also ordinary words in lower case ("as"), so matched as written.
const MORE_LEGAL_SUFFIXES = /^(?:AS|ASA|AB|Oy|Kft\.?|ehf\.?|Ltda\.?|Pty|Pte|SpA|S\.p\.A\.|ApS|A\/S|Bhd\.?|KK|K\.K\.|LLP|LP|PLC|SE|SRL|S\.A\.S\.?)$/;

/**
 * A name written just after the address, when nothing before it named anyone: "reach me at
 * ops@…, Nora Lindqvist, Larkspur Health". Only a two-to-four-word segment that does not end
 * in a legal suffix; a company alone after the address is not taken for a person.
 */
function nameAfterEmail(text: string, emailEnd: number): string | undefined {
  const tail = text.slice(emailEnd);
  const clause = tail.slice(0, tail.search(/[.!?。！？\n]|$/u));
  if (!/^[ \t]*(?:[,،，;]|[–—-][ \t])/.test(clause)) return undefined;
  const first = clause.replace(/^[ \t]*[–—-][ \t]/, '').split(SEPARATOR).map((seg) => seg.trim()).filter((seg) => seg !== '')[0];
  if (first === undefined) return undefined;
  const words = first.split(/[ \t]+/);
  const last = words.at(-1)!;
  if (words.length < 2 || words.length > 4 || COMPANY_SUFFIXES.has(last.toLowerCase()) || MORE_LEGAL_SUFFIXES.test(last)) return undefined;
  return wholeName(first)?.name;
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

  // Addresses blanked (same length, so positions hold): "担当：山口 健太 yamaguchi.k@…" is not "山口 健太 yamaguchi".
  const withoutEmails = text.replace(new RegExp(EMAIL_IN_TEXT.source, 'gu'), (m) => ' '.repeat(m.length));
  const nameAt = (re: RegExp, allowLowercase: boolean, followedBy?: RegExp) => {
    for (const m of text.matchAll(re)) {
      const title = TITLE.exec(text.slice(m.index + m[0].length).replace(/^[ \t]+/, ''));
      const start = m.index + m[0].length + (title === null ? 0 : (/^[ \t]*/.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0) + title[0].length);
      const name = takeName(withoutEmails.slice(start), allowLowercase);
      if (name === null) continue;
      if (followedBy !== undefined && !followedBy.test(text.slice(start + name.length))) continue;
      found.name = later(found.name, { at: m.index, value: name.name });
      found.company = later(found.company, companyAfter(text, start + name.length));
    }
  };
  nameAt(EXPLICIT_NAME, true);
  nameAt(LABELLED_NAME, true);
  // "My name is X, I'm from Y" (in Hindi: "मैं Y से हूँ"): once a name was given outright,
  // a later "I'm …" introduces something else.
  if (found.name === undefined) nameAt(CASUAL_NAME, false);
  // The greeting pattern is case-insensitive, so its look-ahead also accepts lower-case words
  // ("Добрый день! У нас сеть из …"): the name actually taken must be the one the marker follows.
  nameAt(GREETING_NAME, false, WRITER_MARKER);
  for (const re of [HERE_NAME, SIGNATURE, JA_NAME, ZH_NAME]) {
    for (const m of text.matchAll(re)) {
      const captured = m[1];
      if (captured === undefined) continue;
      // Kanji alone before "です" are as often a topic ("資料請求です") as a name: only a family name counts.
      const spacedKanji = re === JA_NAME && JA_SPACED_KANJI.test(captured);
      const spacedKana = re === JA_NAME && JA_SPACED_KANA.test(captured);
      // Kanji with a space: the part before it must be a family name ("資料 請求です" names nobody).
      const kanjiName = spacedKanji
        ? JA_FAMILY_NAMES.includes(captured.split(/[ \t]+/)[0] ?? '') || looksLikeHanName(captured.replace(/[ \t]+/g, ''))
        : JA_FAMILY_NAMES.includes(captured) || looksLikeHanName(captured);
      if (spacedKanji && !kanjiName) continue;
      const kanjiKana = re === JA_NAME ? JA_KANJI_KANA.exec(captured) : null;
      if (kanjiKana !== null && !JA_FAMILY_NAMES.includes(kanjiKana[1]!)) continue;
      // Hiragana is grammar inside a sentence: a spaced pair is a name only where a sentence starts.
      if (spacedKana && m.index > 0 && !/[。！？!?\n]/u.test(text[m.index - 1] ?? '')) continue;
      if (re === JA_NAME && /^[\p{Script=Han}々]+$/u.test(captured) && !kanjiName) continue;
      if (re === JA_NAME && /\p{Script=Han}/u.test(captured) && /\p{Script=Katakana}/u.test(captured)) continue;
      // After a particle ("担当は渡辺です", "サクラの高橋です") only a kanji family name: "問題はエラーです" names nobody.
      if (re === JA_NAME && /[のは]/u.test(text[m.index - 1] ?? '') && !kanjiName) continue;
      const name = takeName(captured, false);
      if (name === null || name.length !== captured.length) continue;
      found.name = later(found.name, { at: m.index, value: name.name });
      found.company = later(found.company, companyAfter(text, m.index + m[0].length));
    }
  }

  // "Rohit Verma, rohit@…", "张伟 zhang@…": a bare name just before the address. An
  // introduction ("my name is", "I'm") says it more surely, so it wins.
  for (const m of text.matchAll(EMAIL_IN_TEXT)) {
    const before = nameBeforeEmail(text, m.index, m[0]);
    if (before === undefined) continue;
    found.name ??= { at: m.index, value: before.name };
    if (before.company !== undefined) found.company ??= { at: m.index, value: before.company };
  }
  if (found.name === undefined) {
    for (const m of text.matchAll(EMAIL_IN_TEXT)) {
      const after = nameAfterEmail(text, m.index + m[0].length);
      if (after !== undefined) {
        found.name = { at: m.index, value: after };
        break;
      }
    }
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

const EMAIL_LOCAL_SPLIT = /[._\-\d]+/;
const fold = (word: string) => normalizeText(word).replace(/['’-]/g, '');

/** The parts of an address's local part that may be a person's names: "zoltan.kovacs+x" → zoltan, kovacs. */
function localParts(address: string): { parts: Set<string>; compact: string } {
  const local = (address.split('@')[0] ?? '').split('+')[0] ?? '';
  const parts = new Set(local.toLowerCase().split(EMAIL_LOCAL_SPLIT).filter((p) => p.length >= 2));
  return { parts, compact: local.toLowerCase().replace(/[^a-z]/g, '') };
}

// Cyrillic names in a Latin address: the two usual romanisations of each letter (passport
// style and the older one), so "Ахмедов" is found in akhmedov@ and "Щукина" in schukina@.
// Text is already folded (`normalizeText` drops the marks of ё and й).
const CYRILLIC_LATIN: Readonly<Record<string, readonly [string, string?]>> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ж: ['zh'], з: ['z'], и: ['i'], к: ['k'], л: ['l'],
  м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ф: ['f'], х: ['kh', 'h'], ц: ['ts', 'c'],
  ч: ['ch'], ш: ['sh'], щ: ['shch', 'sch'], ъ: [''], ы: ['y'], ь: [''], э: ['e'], ю: ['yu', 'iu'], я: ['ya', 'ia'],
};

/** A folded word as an address would spell it: itself, or its romanisations when it is Cyrillic. */
function latinForms(w: string): string[] {
  if (!/^\p{Script=Cyrillic}+$/u.test(w)) return [w];
  const spell = (variant: 0 | 1) => [...w].map((c) => CYRILLIC_LATIN[c]?.[variant] ?? CYRILLIC_LATIN[c]?.[0] ?? '').join('');
  return [...new Set([spell(0), spell(1)])];
}

/** Whether a typed word is one of the address's names ("Kovács" in zoltan.kovacs, "Jake" in jakem1992, "Ахмедов" in akhmedov). */
function inAddress(word: string, address: { parts: Set<string>; compact: string }, anchor: boolean): boolean {
  return latinForms(fold(word)).some((w) => {
    if (w.length === 0 || !/^[a-z]+$/.test(w)) return false;
    if (address.parts.has(w)) return true;
    // An anchor must be long enough to be a name, not a syllable; a neighbour may be an initial.
    return anchor ? w.length >= 3 && (address.compact.startsWith(w) || (w.length >= 4 && address.compact.endsWith(w))) : address.compact.includes(w);
  });
}

/** Whether the address spells one of the longer words of `words` ("Fontaine" in jb.delafontaine@). */
function spelledBy(words: string, address: string): boolean {
  const parts = localParts(address);
  return (words.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []).some((w) => fold(w).length >= 4 && inAddress(w, parts, false));
}

const SHORT_PARTICLES = new Set(['de', 'di', 'da', 'do', 'du', 'la', 'le', 'del']);
const WORD_RUN = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/**
 * A name the user typed that their own address spells: "Kovács Zoltán here from Duna",
 * zoltan.kovacs@…. The address only points at words already in the text, so the value is
 * always typed, never made up from the address. The run is the matching word with its
 * capitalised neighbours (and lower-case ones only when the address spells them too).
 */
function nameSpelledByEmail(text: string, email: string): string | undefined {
  const address = localParts(email);
  if (address.compact.length < 3) return undefined;
  // The address itself (and any other) is not where a name was typed.
  const bare = text.replace(new RegExp(EMAIL_IN_TEXT.source, 'gu'), (m) => ' '.repeat(m.length));
  const words = [...bare.matchAll(WORD_RUN)].map((m) => ({ word: m[0], at: m.index, end: m.index + m[0].length }));
  let best: { name: string; hits: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!inAddress(words[i]!.word, address, true) || isStopWord(words[i]!.word, true)) continue;
    const joined = (a: number, b: number) => /^[ \t]+$/.test(bare.slice(words[a]!.end, words[b]!.at));
    const fits = (k: number, first: boolean) => {
      const w = words[k]!.word;
      if (NAME_PARTICLES.test(`${w} `)) return true;
      // A lone "de"/"la" is also "from"/"the"; inside a name only before a word the address spells.
      const next = words[k + 1];
      if (SHORT_PARTICLES.has(fold(w)) && next !== undefined && joined(k, k + 1) && /^\p{Lu}/u.test(next.word) && inAddress(next.word, address, false)) return true;
      // A word that is also a common word ("Lê", "Rose") counts only capitalised and spelled by the address.
      if (SHORT_PARTICLES.has(fold(w)) && /^\p{Lu}/u.test(w) && inAddress(w, address, false)) return true; // "La" of "de La Tour"
      if (!GAELIC_PARTICLE.test(w) && (isStopWord(w, first) || NOT_A_NAME.has(normalizeText(w)))) return /^[\p{Lu}\p{Lt}]/u.test(w) && address.parts.has(fold(w));
      return /^[\p{Lu}\p{Lt}]/u.test(w) || inAddress(w, address, false);
    };
    let from = i;
    let to = i;
    while (from > 0 && to - from < 4 && joined(from - 1, from) && fits(from - 1, true)) from--;
    while (to + 1 < words.length && to - from < 4 && joined(to, to + 1) && fits(to + 1, false)) to++;
    // Particles belong inside a name, never at its edges.
    while (to > from && NAME_PARTICLES.test(`${words[to]!.word} `)) to--;
    while (from < to && NAME_PARTICLES.test(`${words[from]!.word} `)) from++;
    // A title next to the name is not part of it ("Mme Sophie Laurent").
    const name = text.slice(words[from]!.at, words[to]!.end).replace(/['’-]+$/, '').replace(TITLE, '');
    if (!personName.safeParse(name).success) continue;
    let hits = 0;
    for (let k = from; k <= to; k++) if (inAddress(words[k]!.word, address, false)) hits++;
    // A lower-case word that merely sounds like the address ("báo giá", a quote) is not a name;
    // "jake m" for jakem1992 is, because the address spells every word of it.
    const capitalised = /^(?:\p{Ll}['’])?[\p{Lu}\p{Lt}]/u.test(words[i]!.word); // d'Arcy counts
    if (!capitalised && hits < 2) continue;
    if (best === undefined || hits > best.hits) best = { name, hits };
  }
  return best?.name;
}

/**
 * Contact details the user typed about themselves, across the conversation (oldest
 * first; a later value replaces an earlier one, since people correct themselves).
 * Quoted and pasted text is ignored: an address inside a forwarded email belongs to
 * someone else. Every value returned satisfies the corresponding field schema.
 */
export function extractContact(userTexts: string[]): Contact {
  const contact: Contact = {};
  // Composed first: "Nguyễn" typed as "e" plus two combining marks (NFD) is one letter to the name rules.
  const own = userTexts.map((text) => userWords(text).normalize('NFC'));
  for (const text of own) {
    Object.assign(contact, extractFrom(text));
  }
  // No introduction found, or one that stopped short ("Thérèse" of "Thérèse d'Arcy", for
  // t.darcy@…): the name the visitor's address spells, wherever they typed it.
  if (contact.email !== undefined) {
    for (const text of own) {
      const spelled = nameSpelledByEmail(text, contact.email);
      if (spelled !== undefined && (contact.name === undefined || (spelled.length > contact.name.length && spelled.startsWith(contact.name)))) contact.name = spelled;
    }
  }
  return contact;
}

/**
 * The name in a reply that is nothing but a name, optionally followed by contact
 * details: "Maria Gomez, maria@acme.com". Lower-case names ("ana lópez") count only
 * when `answersNameQuestion`, since only then is a bare phrase known to be a name.
 */
export function bareName(text: string, { answersNameQuestion }: { answersNameQuestion: boolean }): string | undefined {
  const own = userWords(text).normalize('NFC').trim();
  const first = (own.split(/[,;\n]|\s+(?=\S+@)/)[0] ?? '').trim().replace(/[.!]+$/, '');
  const found = takeName(first, answersNameQuestion);
  return found !== null && found.length === first.length ? found.name : undefined;
}

/** Whether `extractContact` found enough to save a lead: what the capture_lead schema requires. */
export function hasLeadContact(contact: Contact): contact is Contact & { name: string; email: string } {
  return findTool('capture_lead')?.input.safeParse({ name: contact.name, email: contact.email }).success === true;
}
