/**
 * Evidence of impact, scope and time in the user's own words, in the languages the
 * chat serves. Each signal is a phrase list, not a keyword: "urgent", "URGENTE",
 * "至急" appear nowhere here, because shouting is not evidence. A priority above
 * `normal` needs a combination (all customers + failing, someone else + the account,
 * charged + twice) so one stray word cannot page anyone.
 *
 * Alphabetic phrases match at a word start (a stem may continue: `declin` matches
 * "declined"); phrases in scripts without spaces (Chinese, Japanese) match anywhere.
 */

/** The a-row kana a godan verb's negative stands on, and the i-row kana of its polite form (届か・ない → 届き・ません). */
const GODAN_POLITE: Record<string, string> = { か: 'き', が: 'ぎ', さ: 'し', た: 'ち', な: 'に', ば: 'び', ま: 'み', ら: 'り', わ: 'い' };

/**
 * Japanese says "not" three ways (できない, できません, できず; 開けない, 開けません; 届かない,
 * 届きません), and Kansai a fourth (繋がらへん): a phrase written with the plain negative (`…ない`,
 * or `…な` as a stem) matches them all, so a polite or regional ticket is heard like a casual one. Godan verbs change the kana before
 * the polite ending (a-row to i-row); ichidan and できる keep it.
 */
function jaNegatives(phrase: string): string {
  const m = /^(.*?)(ない|な)$/u.exec(phrase);
  if (!m || !m[1]) return phrase;
  const stem = m[1];
  const last = stem.at(-1)!;
  const godan = GODAN_POLITE[last];
  // `…な` alone is a negative only after できる or a godan stem (見当たら・な); else it is another word.
  if (m[2] === 'な' && !godan && !stem.endsWith('でき')) return phrase;
  if (!godan && !/[\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(stem)) return phrase;
  if (stem.endsWith('の')) return phrase;
  const polite = godan ? stem.slice(0, -1) + godan : stem;
  // Kansai says the plain negative with へん/ひん (繋がらへん, 使えへん): the same stem.
  return `(?:${stem}(?:な|ず|へん|ひん)|${polite}ません)`;
}

/**
 * Phrases in Latin letters are often typed without their diacritics ("khong ai thanh toan duoc",
 * "nao consigo entrar", "ca ne marche plus"). A phrase that opens with a whole word and a space
 * ("không ai", "não consigo", "bị trừ") is still unambiguous without them, so it also matches
 * bare; a single bare word ("loi", "moi") or a short one inside a group ("mã", "cũ") is a piece
 * of other languages' words too, so it does not. Other scripts keep their marks: a Hindi vowel
 * sign or a Japanese dakuten is part of the letter.
 */
function withBareLatin(words: string[]): string[] {
  const bare = words
    .filter((w) => /^[\p{L}\p{M}]{2,} /u.test(w) && !/[^\P{L}\p{Script=Latin}]/u.test(w))
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ß/g, 'ss'))
    .filter((bare) => !words.includes(bare));
  return [...words, ...bare];
}

function signal(words: string[], anywhere: string[] = []): RegExp {
  anywhere = anywhere.map(jaNegatives);
  words = withBareLatin(words);
  const parts: string[] = [];
  // Arabic writes "and" and "so" (و، ف) joined to the next word: "ولا يحدث شيء" is "لا يحدث شيء".
  if (words.length) parts.push(`(?<![\\p{L}\\p{M}\\p{N}])(?:[وف](?=\\p{sc=Arabic}))?(?:${words.join('|')})`);
  if (anywhere.length) parts.push(`(?:${anywhere.join('|')})`);
  return new RegExp(parts.join('|'), 'iu');
}

// What "every" counts when it is not people: "every single upload fails" is one user's uploads.
const THINGS = String.raw`(?:upload|file|photo|image|picture|attempt|try|click|page|report|invoice|document|export|message|email|pdf|laptop|computer|pc|phone|device|browser|machine|tablet|printer)s?(?![\p{L}\p{M}])`;

// The same for "none": "no puedo guardar ninguna cita", "não consigo emitir nenhuma nota" are one user's documents.
const COSAS = String.raw`(?:nota|ficha|registro|registo|cadastro|ficheiro|fatura|factura|arquivo|archivo|contrato|documento|e-?mail|correo|mensagem|mensaje|foto|relatório|informe|cita|agendamento|recibo|boleto|pdf|cambio|alteração|cambios|archivo)s?(?![\p{L}\p{M}])`;

/** A word saying the whole user base or every request is affected. */
export const SCOPE_ALL = signal(
  [
    `every(?![\\p{L}\\p{M}])(?! (?:single )?${THINGS})(?! (?:\\d+(?:st|nd|rd|th)? |other |second |third |fourth |fifth |few )?(?:second|minute|hour|day|week|month|year|time|morning|night|now))`, 'everyone', 'everybody', 'any of (?:our|my) (?:\\d+ )?(?:customers|users|clients|members|staff|team|shops|stores|branches|sites|locations)', '(?<!at )all(?![\\p{L}\\p{M}])', 'no one', 'nobody', 'none of',
    'tod[oa]s', 'nadie', `ningún(?! ${COSAS})`, `ningun[oa](?! ${COSAS})`, 'ninguém', `(?<!(?:jeito|forma|modo|maneira) )nenhuma?(?![\\p{L}\\p{M}])(?! ${COSAS})`,
    'tous(?![\\p{L}\\p{M}])', 'toutes(?![\\p{L}\\p{M}])', 'tout le monde', 'aucun(?!e? autre)', 'personne ne',
    'alle(?![\\p{L}\\p{M}])', 'alli(?![\\p{L}\\p{M}])', 'allen?(?![\\p{L}\\p{M}])', 'jede[rnms]?', 'niemand', 'keine?r? (?:unserer|der)', 'bei keinem', 'ни у кого', 'ни для кого', 'không (?:khách|người|ai|user)[^.!?,;\\n]{0,20}nào',
    'вс[еёяю]', 'всех', 'каждый', 'никто', 'ни один', 'ни одн',
    'كل(?![\\p{L}\\p{M}])(?! ما)', 'جميع', 'الجميع', 'كافة',
    'सभी', 'सारे', 'सब(?![\\p{L}\\p{M}])', 'हर(?![\\p{L}\\p{M}])(?! (?:बार|दिन|रोज़|रोज|महीने|हफ्ते))', 'पूरा', 'sab(?![\\p{L}\\p{M}])', 'sabhi(?![\\p{L}\\p{M}])', 'saare(?![\\p{L}\\p{M}])', 'har(?![\\p{L}\\p{M}])(?! (?:baar|bar|din|roz|time|mahine|hafte))',
    'tất cả', 'toàn bộ', 'mọi(?![\\p{L}\\p{M}])', 'không ai', 'ga3(?![\\p{L}\\p{M}])', 'kamlin(?![\\p{L}\\p{M}])', 'koana(?![\\p{L}\\p{M}])',
      'entire', 'whole', 'site-?wide', 'across the board', `every single(?! ${THINGS})`, '100 ?%', 'todo el mundo', 'ninguno de', 'nenhum cliente', 'ولا واحد', 'محد', 'किसी (?:का|के) भी', 'kisi ka bhi', 'किसी भी', 'kisi bhi', 'sab ke liye', 'ai cũng', 'у всех',
    // A customer's whole team, office or shop as one body ("toda a equipe", "das ganze Team", "cả team").
    'for any(?:one|body)', 'tod[oa] (?:el |la |o |a |mi |nuestr[oa] |nosso |nossa )?(?:equipo|equipe|time|personal|pessoal|oficina|escritório|empresa|plantilla|departamento|setor|tienda|loja|clínica|turno|staff)',
    '(?:equipo|equipe|time|oficina|escritório|empresa|loja|tienda|setor) (?:enter[oa]|inteir[oa]|complet[oa]|tod[oa])(?![\\p{L}\\p{M}])',
    "tout le (?:personnel|bureau|service|cabinet|magasin|staff)", "toute (?:l['’]|la |notre )(?:équipe|boutique|société|entreprise|agence|clinique)", "(?:équipe|boutique|société) (?:entière|complète)",
    '(?:ganze|gesamte)[nrs]? (?:team|büro|firma|betrieb|geschäft|abteilung|belegschaft|praxis|filiale|laden|personal|mannschaft|schicht)',
    'весь (?:отдел|офис|персонал|коллектив|штат|магазин|склад|филиал)', 'всей (?:команд|смен)',
    'पूरी (?:टीम|कंपनी|ऑफिस)', 'पूरे (?:ऑफिस|स्टाफ|स्टोर)', 'सारी टीम', '(?:poori|puri|poora|pura|saari|sari) (?:team|office|staff|company|store|shop)',
    'cả (?:team|nhóm|công ty|văn phòng|phòng|cửa hàng|shop|bộ phận)', 'toàn (?:thể )?(?:nhân viên|team|nhóm)',
    'كله[مًا]?(?![\\p{L}\\p{M}])', 'كلها(?![\\p{L}\\p{M}])', 'بالكامل',
    "l['’]ensemble (?:des|de nos|de mes|du|de la)", 'pour personne', 'chez personne', 'kein einziger', 'keine einzige', 'kisi ke liye', 'किसी के लिए', '(?:ganze|gesamte)[nrs]? shop',
  ],
  ['所有', '全部', '全体', 'みんな', '皆さん', '皆様', '誰一人', '每个', '每一个', '任何', '全顧客', '全ユーザー', '全員', '全て', 'すべて', '全店', '誰も', '一切', '全站', '整个', '大家', '全部的', '(?:全|谁|哪个(?:客户|用户)?)都', '全社', '全店舗', 'チーム全体', '全公司', '全组', '整组', '全(?=\\p{sc=Katakana})', '全(?:社員|従業員|店舗|拠点|端末|顧客)', '全\\s?\\d+\\s?(?:空港|店舗|拠点|店|施設|病院|校|支店|営業所)', 'どの(?:お客様|お客さん|ユーザー|患者さん|利用者|人|店舗|端末|ブラウザ)(?:で)?も'],
);

/**
 * The customer's own customers or users, as a body: "our customers can't pay" is failing for
 * all of them (rubric: urgent) unless a quantifier says only some (PARTIAL).
 */
export const CUSTOMER_BASE = signal(
  [
    '(?:our|my) (?:customers|users|clients|shoppers|buyers|visitors|guests|members|patients|students|subscribers)',
    '(?:nuestros|mis) (?:clientes|usuarios|compradores)', '(?:nossos|meus) (?:clientes|usuários|compradores)', '(?:nos|mes) (?:clients|utilisateurs|acheteurs)',
    '(?:unsere|meine) (?:kunden|nutzer|benutzer|käufer)', '(?:наши|мои) (?:клиент|пользовател|покупател)', 'عملاؤنا', 'عملائنا', 'زبائننا', 'عملائي',
    '(?:hamare|mere) (?:customers|users|clients)', 'हमारे (?:ग्राहक|कस्टमर|यूज़र)', 'khách hàng của (?:chúng tôi|mình|tôi|shop|em)', 'khách của (?:shop|mình)',
    // The customers as a body without "our": a plural subject with its article ("los clientes no pueden pagar").
    "(?:the )?(?:customers|shoppers|buyers|patients|guests|visitors|users|clients)(?= (?:are|can|can['’]?t|cannot|get|keep|still|aren['’]?t|don['’]?t|haven['’]?t|have been|complain|say|report|tell us|write|call)(?![\\p{L}\\p{M}]))",
    'los (?:clientes|usuarios|compradores|pacientes)', 'os (?:clientes|usuários|compradores|pacientes)', 'les (?:clients|utilisateurs|acheteurs|patients)', 'die (?:kunden|nutzer|käufer|patienten)',
    'клиенты', 'покупатели', 'пользователи', 'пациенты', 'العملاء', 'الزبائن', 'المرضى', '(?:customers|users|clients)(?= [^.!?\\n]{0,30}(?:nahi|नहीं))', 'ग्राहक(?= [^।.!?\\n]{0,30}नहीं)',
    'các khách hàng', 'khách hàng (?:đều|bên (?:mình|em|tôi))',
    // Named by the customer's trade: patients, students, guests, members, as a body.
    '(?:los|nuestros|mis) (?:pacientes|alumnos|estudiantes|huéspedes|socios|clientes)', '(?:os|nossos|meus) (?:pacientes|alunos|estudantes|hóspedes|sócios)',
    '(?:les|nos|mes) (?:patients|élèves|étudiants|clients|membres|adhérents)', '(?:die|unsere|meine) (?:patienten|schüler|gäste|mitglieder|studierenden)',
    '(?:наши|мои)? ?(?:пациенты|ученики|студенты|гости|посетители)', 'الطلاب', 'الضيوف', 'مرضانا', 'طلابنا', '(?:हमारे )?(?:मरीज़|मरीज|छात्र|मेहमान)(?= [^।.!?\\n]{0,30}नहीं)',
    '(?:bệnh nhân|học sinh|học viên|khách)(?= [^.!?\\n]{0,30}không)',
  ],
  ['(?:弊社|当社|うち|店|当店)の(?:お客様|顧客|ユーザー)', 'お客様が', '我们的(?:客户|用户|顾客)', '我的(?:客户|顾客)', '客户们', '(?<![是的为])(?:客户|顾客|用户)(?=[^，。！？]{0,12}(?:无法|(?<!能)不能|付不了|打不开|进不去|登录不了))', 'お客様は', 'ユーザーが', '(?:患者|利用者|会員|生徒|学生|受講者|来店者|購入者|お客|ゲスト)(?:さん|様|さま)?(?:が|は|から)',
    '(?<![是的为])(?:学生|患者|病人|会员|客人|买家|学员)(?=[^，。！？]{0,12}(?:无法|(?<!能)不能|付不了|打不开|进不去|登录不了|上不了))'],
);

/** Only some of them, or only sometimes: a partial or intermittent fault, not everyone's. */
export const PARTIAL = signal(
  [
    'some', 'a few', 'one of', 'several', 'certain', 'a couple', 'sometimes', 'occasionally', 'now and then', 'from time to time',
    'algun[oa]s', 'unos', 'a veces', 'alguns', 'algumas', 'às vezes', 'certains', 'quelques', 'parfois', 'einige', 'manche', 'ein paar', 'manchmal', 'gelegentlich',
    'некоторы', 'несколько', 'иногда', 'بعض', 'أحيان', 'kuch (?:customers|users|clients|log|logon|logo|orders|baar|din|time|branches)', 'कुछ (?:ग्राहक|लोग|लोगों|यूज़र|बार|दिन|ऑर्डर)', 'kabhi', 'कभी', 'một số', 'vài', 'đôi khi', 'thỉnh thoảng',
  ],
  ['一部', '時々', 'たまに', '部分', '有些', '有的', '偶尔', '有时', '个别'],
);

/** The service failing, in the user's words: errors, HTTP 5xx, blank screens, not loading. */
export const FAILURE = signal(
  [
    'errors?(?![\\p{L}\\p{M}])', 'error(?![\\p{L}\\p{M}])', '5\\d\\d', 'down(?![\\p{L}\\p{M}])', 'outage', 'fail', 'blank(?![\\p{L}\\p{M}])', "won'?t (?:load|open|work)", 'not (?:loading|working|load|work)',
    "can'?t", 'cannot', 'unable(?![\\p{L}\\p{M}])', 'broken', 'dead(?![\\p{L}\\p{M}])', 'spinner', 'crash', 'unreachable', 'zero(?![\\p{L}\\p{M}])',
    'caíd[oa]', 'no funciona', 'no carga', 'no pued', 'no se puede', 'freez', 'frozen', 'sigue sin', 'continua sem', 'toujours pas', 'immer noch nicht', 'вс[её] ещё не', 'vẫn không',
    "(?:won['’]?t|doesn['’]?t|don['’]?t|didn['’]?t|will not|does not|do not|did not) (?:connect|start|print|sync|turn on|boot|save|upload)", 'falla',
    'erro(?![\\p{L}\\p{M}])', 'fora do ar', 'não funciona', 'não carrega', 'não cons(?:egu|ig)', 'falh(?:a|ou|ando|am)(?![\\p{L}\\p{M}])', 'não pode', 'parad[oa]',
    'ma ?[9q]dro(?:u)?(?:ch|sh)', 'ma ?[ny][9q]dro(?:u)?(?:ch|sh)', 'ma ?kay?(?:khdem|5dem)(?:ch|sh)', 'mayw9ef(?:ch|sh)', 'pegad[oa]', 'pegá', 'se queda cargando', 'pantalla (?:negra|blanca|en negro)', 'tela preta', 'gar nix', 'ko (?:\\S+ ){0,3}(?:dc|đc|duoc)(?![\\p{L}\\p{M}])',
    'erreur', 'en panne', 'ne (?:peu|march|fonctionn|charg)', "(?:je|on|ça|ca|il|elle|ils|elles) (?:peux|peut|peuvent|marche|fonctionne|charge|arrive) (?:pas|plus)(?![\\p{L}\\p{M}])", 'plus aucun', 'impossible', 'tourne dans le vide', 'planté',
    'fehler', 'fehlgeschlagen', 'schlägt fehl', 'klappt nicht', 'lässt sich (?:\\S+ ){0,2}nicht', 'funktioniert nicht', 'geht nicht', 'lädt nicht', 'ausgefallen', 'ausfall', 'nicht (?:mehr )?erreichbar',
    'ошибк', 'не работа', 'не загруж', 'упал', 'недоступ', 'не может', 'не могут',
    'خطأ', 'أخطاء', 'فشل', 'تعذر', 'لم (?:تنجح|ينجح|تتم|يتم)', 'ما (?:نجحت|زبطت|ظبطت|مشيت)', 'عطل', 'متوقف', 'لا يعمل', 'ما يشتغل', 'واقف',
    'एरर', 'त्रुटि', 'बंद', 'काम नहीं', 'नहीं चल', 'band(?![\\p{L}\\p{M}])', 'kaam nahi', 'nahi chal',
    'lỗi', 'báo lỗi', 'không (?:dùng|hoạt động|vào|truy cập|tải|load|gửi)', 'không [^.!?,;\\n]{0,20}được(?![\\p{L}\\p{M}])', '(?:nahi|नहीं) (?:kar )?(?:pa|पा) ', 'ما (?:عم )?(?:يقدرون|يقدروا|نقدر|بنقدر|منقدر|بيقدر)', 'sập', 'ngừng',
      'time(?:s|d)? ?out', 'timing out', 'not responding', 'unresponsive', 'offline', 'stopped', '(?:isn\'?t|aren\'?t|doesn\'?t|don\'?t|won\'?t) (?:work|load|send|open|respond)', 'white screen', 'hang', 'se cay', 'no responde', 'no anda', 'caiu', 'não abre', 'não responde', 'tela branca', 'travad', 'hors service', 'inaccessible', 'ne répond', 'plant', 'n[\'’]arrivent? (?:plus|pas)', 'nicht (?:mehr )?(?:möglich|geladen|angezeigt|funktionier)', 'geht nicht mehr', 'fällt aus', 'weiße seite', '(?:kann|können|konnte|konnten|kannst) (?:\\S+ ){0,4}(?:nicht|keine[nrsm]?|nichts)', 'bleibt [^.!?\\n]{0,20}hängen', 'лежит', 'не открыва', 'не отвечает', 'белый экран', 'ما يفتح', 'لا يفتح', 'معطل', 'ما يحمل', 'شاشة بيضاء', 'नहीं खुल', 'nahi khul', 'không mở được', 'trắng trang',
      // Left hanging: every payment "stays pending", told as a state that never moves on.
      "(?:stuck|stay(?:s|ing)?|hang(?:s|ing)?|sit(?:s|ting)?) (?:in |on |at |as )?['‘\"«]?pending", "se (?:quedan?|queda) (?:en |como )?['‘\"«]?pendiente", "fica(?:m)? (?:em |como )?['‘\"«]?pendente",
      "rest(?:e|ent) (?:en |bloqués? en )?['‘\"«]? ?(?:attente|en attente)", "(?:bleiben|hängen) (?:auf |in |bei )?['‘\"„]?(?:ausstehend|pending|offen)", 'завис\\p{L}* (?:в|на) (?:статусе )?[«"]?(?:ожидани|обработк)',
      'عالق(?:ة)? (?:في|على) (?:الانتظار|قيد)', 'pending (?:mein|me) (?:hi )?(?:atak|ruk)', 'पेंडिंग में (?:ही )?(?:अटक|रुक)', 'treo (?:ở )?(?:trạng thái )?(?:chờ|pending)',
      'spins', 'spinning', '(?:went|goes|going) wrong', 'se ca[ey]n?(?![\\p{L}\\p{M}])', 'en blanco', 'nahi ho (?:raha|rahi|rahe)', 'नहीं हो (?:रहा|रही|रहे)', 'không được(?![\\p{L}\\p{M}])',
    // Left without the tool: "sem acesso", "сидим без CRM", "stuck on the loading screen", "does nothing".
    'stuck (?:on|at|in) (?:the |a )?(?:loading|spinner|login|sign|blank|white|error|splash)', 'do(?:es)? nothing', 'without access', 'no access', 'sin acceso', 'sem acesso', 'sans accès', 'ohne (?:zugang|zugriff)', 'kein(?:en)? zugriff',
    'без доступа', 'сид(?:им|ят|ит) без', 'ما (?:يقدر|تقدر|اقدر|أقدر)(?![\\p{L}\\p{M}])', '(?:nahi|नहीं) (?:\\S+ )?(?:pa|पा) ',
    'page blanche', 'écran (?:blanc|noir)', 'pantalla de carga', 'se qued(?:a|an|ó|aron) (?:cargando|en (?:la )?(?:pantalla de carga|blanco|negro))', 'fica(?:m)? carregando', 'tela de carregamento',
    "(?:reste|restent|bloqué(?:e|s)?) sur l['’]écran de chargement", 'ladebildschirm', 'lädt (?:und lädt|ewig|endlos)', 'висит на загрузке', 'màn hình (?:tải|chờ|loading)', 'nix (?:mehr )?geht', 'geht (?:\\S+ ){0,5}nix', 'geht (?:\\S+ ){0,3}(?:gar |überhaupt )?nicht', 'komm(?:t|en|e)? [^.!?\\n]{0,30}nicht (?:mehr )?(?:in|rein|ins|auf|an)(?![\\p{L}\\p{M}])', 'komm(?:t|en|e)? nicht [^.!?\\n]{0,30}an(?![\\p{L}\\p{M}])',
    'hängt(?![\\p{L}\\p{M}])',
    '(?:gr[ae]y|empty) (?:box|screen|page)', "(?:won'?t|doesn'?t|don'?t|isn'?t|aren'?t|not) accept", 'no acepta', 'não aceita', "n['’]accepte", 'akzeptiert (?:nicht|keine)', 'не принимает',
    'shows? nothing', 'nothing (?:shows|appears|loads)', 'steht still', 'nahi (?:dikh|aa|mil|chal|khul)', 'नहीं (?:दिख|आ|मिल)', 'ruka hua', 'ruk gaya', 'रुक गया', 'रुका हुआ', 'không thấy', 'đứng hết', 'treo',
    '(?:logs?|kicks?|throws?) (?:\\S+ ){0,4}out(?![\\p{L}\\p{M}])', 'useless',
  ],
  ['刷不过', '过不了', '(?:付|支付|登|登录|打开|下单|结账|结帐|结算|用|进|发|收|上传|下载|保存|加载|提交|访问|播放)不了', '错误', '报错', '出错', '失败', '打不开', '无法', '(?<!能)不能', '挂了', '崩溃', '宕机', '不显示', '显示不了', '用不了',
    'エラー', '表示されません', '表示されない', 'できません', 'できない', '止まって', '落ちて', '繋がらない', 'つながらない', '收不到', '看不到', '发不出', '加载不出', '白屏', '空白', '没反应', '不工作', '无法使用', '异常', '瘫痪', '中断', '使えない', 'ダウン', '動かない', '開けない', '届かない', '真っ白', '进不来', '下不了单', '没法', '转圈', '卡在', '卡住', '卡死', '一直(?:显示|是|卡在)?(?:待处理|处理中|待支付)', '(?:保留中|処理中)のまま', '応答(?:しな|がな|不可|なし)', 'ぐるぐる', '(?:回った|止まった|固まった)まま', '終わら(?:へん|ん)', 'でけへん', 'できひん', '(?:へん|ひん)ように', '(?:送れ|開け|押せ|払え|買え|見れ|見られ|読み込め|入力でき|登録でき|保存でき|送信でき|出力でき|予約でき|注文でき)ない', '反応(?:が|し)?な'],
);

/** Somebody other than the user acting on the account (or the account already taken over). */
export const FOREIGN_ACTOR = signal(
  [
    '(?<!(?:can|could|would|will|please|may|if|need|get|have) )some(?:one|body)', 'stranger', 'unknown', 'never seen', "didn'?t (?:do|write|make|change|send) th", 'not me', "wasn'?t me",
    'alguien', 'desconocid', 'no fui yo', 'alguém', 'desconhecid',
    "quelqu['’]un", 'inconnu', 'jemand', 'unbekannt', 'niemand von uns', 'кто-то', 'неизвестн', 'посторонн', 'не я ',
    'أحد(?![\\p{L}\\p{M}])', 'شخص(?![\\p{L}\\p{M}])', 'مجهول', 'غريب', 'किसी ने', 'कोई(?![\\p{L}\\p{M}])', 'अनजान', 'kisi ne', 'có người', 'người lạ', 'ai đó',
      'suspicious (?:login|sign|activity)', 'unrecogni[sz]ed', '(?:don\'?t|do not) recogni[sz]e', 'unfamiliar', 'someone else', 'sin (?:mi |nuestra )?autorización', 'no autorizad', 'não fui eu', 'sem (?:minha |nossa )?autorização', 'não autorizad', 'pas moi', 'à (?:mon|notre) insu', 'sans (?:mon |notre )?autorisation', 'fremd', 'unbefugt', 'nicht von uns', 'чуж', 'без (?:моего|нашего) ведома', 'مو أنا', 'ليس أنا', 'không phải (?:tôi|mình|em)',
    // Sign-ins nobody here made: from another country, on devices none of us know, "it wasn't us".
    'none of us recogni', '(?:no ?one|nobody)(?: here| of us)? recogni', 'from (?:another|a different|a foreign) country', 'from abroad',
    'desde otro país', 'desde el extranjero', 'de outro país', 'do exterior', "d['’]un autre pays", "depuis l['’]étranger", 'aus dem ausland', 'aus einem anderen land',
    'из другой страны', 'из-за границы', 'не мы(?![\\p{L}])', 'not us', "wasn'?t us", 'no fuimos nosotros', 'não fomos nós', "(?:ce n['’]est|c['’]était) pas nous", 'waren (?:nicht wir|wir nicht)',
    'dusre desh', 'videsh', 'विदेश', 'nước ngoài', 'من (?:دولة|بلد) (?:ثانية|ثاني|آخر|اخرى|أخرى)', 'من الخارج',
    // Done in the account by nobody who owns it: "purchases I didn't make", "none of us did that".
    '(?:none|neither) of us (?:did|made|changed|requested|reset)', "(?:which|that) (?:i|we) (?:didn['’]?t|did not|never) (?:do|did|make|made|request|change|add)", "(?:i|we) didn'?t (?:do|request|ask for|make|authori[sz]e) (?:it|that|this|them|those|these)", "(?:i|we) (?:never|did not) (?:made|make|request|authori[sz]e)",
    'que (?:yo )?no (?:hice|hicimos|autoricé)', 'que (?:eu )?não (?:fiz|fizemos|autorizei)', "que (?:je n['’]ai|nous n['’]avons) pas", 'die (?:ich|wir) nicht (?:gemacht|getätigt|veranlasst)', 'nicht getätigt',
    'которые (?:я|мы) не (?:делал|совершал)', 'не совершал', 'ما سويتها', 'ما عملتها', 'لم أقم', 'لم نقم', 'maine nahi (?:kiya|ki)', 'मैंने नहीं (?:किया|की)', '(?:tôi|chúng tôi|mình) không (?:hề )?(?:làm|thực hiện|mua|đổi|thay đổi)',
    "(?:nobody|no one|none of us)(?: here| of us)? (?:requested|asked for|did|changed|made|added|created|invited)",
    "personne (?:chez nous |ici |parmi nous |d['’]entre nous )?(?:ne|n['’])[^.!?\\n]{0,20}(?:ajouté|créé|invité|fait|demandé|changé)", 'nadie (?:de nosotros |aquí |del equipo )?(?:ha|había|lo|los|la|las)? ?(?:añadi|agreg|cre|invit|hiz|pidi)',
    'ninguém (?:aqui |de nós |da equipe )?(?:adicionou|criou|convidou|fez|pediu)', 'niemand (?:von uns |bei uns |hier )?hat [^.!?\\n]{0,20}(?:angelegt|erstellt|hinzugefügt|eingeladen|gemacht)', 'никто (?:из нас |у нас )?не (?:добавлял|создавал|приглашал|делал)',
    "from a country where (?:we|i) (?:have no|don['’]?t have|have nobody)", "depuis un pays où (?:nous n['’]avons|on n['’]a|je n['’]ai) personne", 'desde un país (?:donde|en el que) no tenemos', 'de um país onde não temos', 'aus einem land, in dem wir niemand', 'из страны, где у нас никого', 'и никого там нет', 'logged in as (?:me|us)',
    // Sent or changed from the account by nobody who owns it: "emails I never sent", "a password I didn't change".
    String.raw`(?:that |which |(?:e-?mails?|messages?|invoices?|payments?|changes?|posts?|orders?|transfers?) )(?:i|we) (?:never|didn['’]?t|did not|have(?:n['’]t| not)) (?:sent|send|changed?|added?|created?|approved?|set up|made|make)(?![\p{L}\p{M}])`,
    'que (?:yo |nosotros )?no (?:envié|enviamos|cambié|cambiamos|creé|creamos|agregué|añadí)', 'que (?:eu |nós )?não (?:enviei|enviamos|mudei|mudamos|alterei|alteramos|criei|criamos|adicionei)',
    "(?:que )(?:je n['’]ai|nous n['’]avons) (?:jamais|pas) (?:envoyé|changé|modifié|créé|ajouté)", '(?:die|den|das) (?:ich|wir) (?:nie|nicht|niemals) (?:gesendet|geschickt|geändert|angelegt|erstellt|hinzugefügt)',
    String.raw`котор\p{L}* (?:я|мы) (?:никогда )?не (?:отправлял|менял|изменял|создавал|добавлял)`,
    'اللي ما (?:أرسلتها|ارسلتها|غيرتها|غيّرتها|بعثتها)', 'jo maine (?:kabhi )?(?:nahi|nahin) (?:bheja|bheje|badla|banaya)', 'जो मैंने (?:कभी )?नहीं (?:भेजा|भेजे|बदला|बनाया)', 'mà (?:tôi|mình|chúng tôi) (?:không hề|chưa hề|không) (?:gửi|đổi|thay đổi|tạo)',
    // Nobody who owns the account knows it: "no one on our team recognizes it", "nadie del equipo lo reconoce".
    String.raw`(?:no ?one|nobody|none)[^.!?,;\n]{0,30}?recogni`, String.raw`(?:nadie|ninguno)[^.!?,;\n]{0,30}?reconoc`, String.raw`(?:ninguém|nenhum)[^.!?,;\n]{0,30}?reconhec`,
    String.raw`(?:personne|aucun)[^.!?,;\n]{0,30}?(?:ne |n['’])(?:re)?conna`, String.raw`(?:niemand|niemer|nöd eine)[^.!?,;\n]{0,30}?(?:erkennt|kennt)`, String.raw`(?:никто|ни один)[^.!?,;\n]{0,30}?(?:не )?(?:узна|опозна|зна)`,
    'ما حد(?:ا)? (?:يعرف|عارف)', 'لا أحد (?:منا )?يعرف', String.raw`(?:koi bhi|kisi ko)[^.!?,;\n]{0,30}?(?:pehchan|pata nahi)`, 'कोई नहीं पहचान', 'किसी को (?:नहीं पता|पहचान)', String.raw`không ai[^.!?,;\n]{0,30}?(?:nhận ra|biết)`,
  ],
  ['有人', '陌生', '不明', '誰か', '身に覚えのない', '不明な', '知らない(?=\\p{L})', '别人', '其他人', '不是我', '异地登录', '第三者', '海外から', '国外', '境外', '异地', '不是我(?:做|买|操作|改)的', '我(?:没有|并没有)(?:操作|购买|修改)', '自分ではしていない', '覚えのない', '送った覚えのない', '我(?:们)?(?:没有|从没|从来没)(?:发|发送|修改|改|添加)过?的', '(?:没有人|没人|谁都不)认(?:识|得)', '誰も(?:心当たりが|見覚えが|知らな)'],
);

/** "We never sent that": mail or messages going out in the customer's name that nobody there sent. */
export const NOT_SENT_BY_US = signal(
  [
    "(?:we|i) (?:never|didn['’]?t|did not|have(?:n['’]t| not)(?: ever)?) (?:send|sent) (?:any|such|that|those|these|them|it|anything|this)", 'nothing (?:was )?sent by us', "(?:it|they|that) (?:was|were)n['’]?t (?:sent by )?us",
    'no (?:hemos )?(?:enviado|mandado|enviamos|mandamos) (?:nada|ningún|ninguna|eso|esos|esas)', 'nosotros no (?:enviamos|mandamos)', 'não (?:enviamos|mandamos) (?:nada|nenhum|nenhuma|isso)', 'nós não (?:enviamos|mandamos)',
    "(?:on n['’]a|nous n['’]avons|je n['’]ai) (?:rien|jamais|pas) envoyé", String.raw`wir haben (?:nichts|keine \p{L}+|das nicht|so etwas nicht|nie)(?: \S+)? (?:gesendet|geschickt|verschickt)`, '(?:das )?(?:hämmer|hend mir|hei mir|haben wir) (?:nöd|nid|nüt|nicht) (?:gschickt|gsendet|geschickt)',
    String.raw`мы (?:ничего|никаких|такого|это|их)(?: \p{L}+)? не (?:отправляли|рассылали|посылали)`, '(?:ما|لم) (?:أرسلنا|ارسلنا|نرسل|بعثنا|ارسلناها|أرسلناها)',
    '(?:हमने|मैंने) [^।.!?]{0,20}नहीं (?:भेजा|भेजे|भेजी)', '(?:humne|hamne|maine) [^.!?]{0,20}(?:nahi|nahin) (?:bheja|bheje|bheji)', '(?:chúng tôi|bên mình|mình|tôi) (?:không hề|chưa hề|không|chưa) (?:gửi|soạn|viết)',
  ],
  ['(?:我们|我)(?:没有|并没有|从来没|从没|没)(?:发|发送|群发)过?', '(?:送って|送信して|配信して)(?:いません|いない)', '送った覚えは(?:ない|ありません)'],
);

/** A refund promised or asked for that has not arrived yet (rubric: normal, whatever the charge was). */
export const REFUND_AWAITED = signal(
  [
    String.raw`(?:refund|money back|reimburs)\p{L}*[\s\S]{0,160}?(?:not (?:yet|arrived|received|come)|never (?:came|arrived|got)|nothing|still (?:no|not|nothing|waiting)|haven['’]?t (?:got|received|seen)|hasn['’]?t (?:arrived|come|shown))`,
    String.raw`(?:still|yet to)[^.!?\n]{0,30}(?:refund|money back)`, String.raw`(?:reembols|devoluci[oó]n|devolv)\p{L}*[\s\S]{0,160}?(?:todavía no|aún no|no me ha llegado|no ha llegado|nada|sigo esperando)`,
    String.raw`(?:reembols|estorn|devolu|devolv)\p{L}*[\s\S]{0,160}?(?:ainda não|nada|não caiu|não chegou|continuo esperando)`, String.raw`rembours\p{L}*[\s\S]{0,160}?(?:toujours (?:rien|pas)|pas encore|jamais reçu|rien reçu|rien vu|j['’]attends toujours)`,
    String.raw`(?:rückerstattung|erstattung|zurückerstatt|zurücküberwies|gutschrift)\p{L}*[\s\S]{0,160}?(?:noch nicht|immer noch nicht|nie angekommen|nichts|noch immer nicht)`,
    String.raw`(?:возврат|верн[её]те|вернуть|вернут)\p{L}*[\s\S]{0,160}?(?:до сих пор|так и не|не пришл|не поступ|нет)`, String.raw`(?:استرداد|استرجاع|ترجيع|ارجاع|إرجاع)[\s\S]{0,160}?(?:ما وصل|لم يصل|لسه|لسا|لحد الآن|حتى الآن)`,
    String.raw`refund[\s\S]{0,160}?(?:abhi tak[^.!?\n]{0,40}nahi|nahi aaya|nahi mila|ab tak[^.!?\n]{0,40}nahi)`, String.raw`रिफंड[\s\S]{0,160}?(?:अभी तक नहीं|नहीं आया|नहीं मिला|अब तक नहीं)`, String.raw`hoàn (?:tiền|lại)[\s\S]{0,160}?(?:vẫn chưa|chưa (?:nhận|thấy|về))`,
  ],
  ['(?:退款|退回|退还|退钱)[\\s\\S]{0,60}?(?:还没|仍未|一直没|没收到|没到账|没有到账|还未)', '返金[\\s\\S]{0,60}?(?:まだ|届いていな|されていな|反映されていな|確認できな)'],
);

/** Unambiguous words for a takeover: these alone are evidence. */
export const TAKEOVER = signal(
  ['hack', 'breach', 'compromis', 'phish', 'account takeover', 'unauthori[sz]ed (?:access|login|log-in|charges?)', 'piraté', 'gehackt', 'взлом', 'invadi', 'اختراق', 'مخترق', 'हैक', 'bị hack'],
  ['乗っ取', '不正アクセス', '不正ログイン', '盗号', '被盗', '被黑', '黑客'],
);

/** The account and what controls it. */
export const ACCOUNT = signal(
  [
    'account', 'admin(?![\\p{L}\\p{M}])', 'password', 'log ?in', 'sign ?in', 'e-?mail', '2fa', 'cuenta', 'contraseña', 'conta(?![\\p{L}\\p{M}])', 'senha',
    'compte', 'mot de passe', 'connexions?', 'connecté', 'conectad', 'logad', 'angemeldet', 'eingeloggt', 'workspace', 'espace de travail', 'konto', 'passwort', 'zugang', 'аккаунт', 'учетн', 'учётн', 'парол', 'админ', 'почт',
    'حساب', 'كلمة السر', 'كلمة المرور', 'المدير', 'ادمن', 'अकाउंट', 'खाता', 'पासवर्ड', 'एडमिन', 'tài khoản', 'mật khẩu',
    'sessions?(?![\\p{L}\\p{M}])', 'devices?(?![\\p{L}\\p{M}])', 'сеанс', 'recovery (?:phone|e-?mail|number)', 'sesi[oó]n', 'sesiones', 'dispositivo', 'sessão', 'sessões', 'appareil', 'gerät', 'сесси', 'устройств',
    'جهاز', 'أجهزة', 'डिवाइस', 'thiết bị',
    'logged in', 'signed in',
  ],
  ['账号', '账户', '帐号', '帐户', '密码', '管理员', 'アカウント', 'パスワード', '管理者', '设备', '登录记录', '端末', 'デバイス'],
);

/** Data disappearing or being deleted right now. */
export const DATA_LOSS = signal(
  ['vanish', 'disappear', 'wiped', 'desaparec', 'sumi(?:u|ram|ndo)', 'disparu', 'disparaî', 'disparai', 'verschw', 'исчеза', 'исчез', 'пропада', 'пропал', 'اختف', 'تختفي', 'गायब', 'biến mất', 'mất hết',
    'gaa?yab',
    'somem', 'удаляются', 'удаляется', 'تنحذف', 'ينحذف', 'تنمسح', 'ينمسح',
  ],
  ['消失', '不见了', '丢失', '消えて', '消え', '失われ', '(?:被|会|自动)删(?:掉|除)'],
);

/** What a customer keeps in the product: conversations, history, records, files. */
export const RECORDS = signal(
  [
    'history', 'conversations?', 'messages', 'records', 'data(?![\\p{L}\\p{M}])', 'files', 'contacts', 'orders', 'appointments', 'bookings',
    'historial', 'conversaciones', 'mensajes', 'datos', 'archivos', 'contactos', 'pedidos', 'citas', 'histórico', 'conversas', 'mensagens', 'dados', 'arquivos', 'contatos',
    'historique', 'conversations', 'données', 'fichiers', 'commandes', 'rendez-vous', 'verlauf', 'nachrichten', 'daten(?![\\p{L}\\p{M}])', 'dateien', 'kontakte', 'bestellungen', 'termine',
    'истори', 'переписк', 'сообщени', 'данны', 'файл', 'контакт', 'заказ', 'записи',
    'سجل', 'المحادثات', 'الرسائل', 'البيانات', 'الملفات', 'الطلبات', 'इतिहास', 'चैट', 'मैसेज', 'डेटा', 'chats?', 'lịch sử', 'tin nhắn', 'dữ liệu', 'đơn hàng', 'hội thoại',
    'طلبات', 'بيانات', 'رسائل', 'ملفات', 'مواعيد', 'client list', 'customer list', 'contact list', '(?:list|folder|inbox|archive|calendar) (?:is|was|shows?|came back)',
    'جهات (?:ال)?اتصال', 'danh sách', 'danh bạ',
    'projects', 'documents', 'notes', 'photos', 'tasks', 'templates', 'products', 'entries', 'attachments', 'proyectos', 'documentos', 'notas', 'fotos', 'tareas', 'plantillas', 'productos',
    'projetos', 'tarefas', 'modelos', 'produtos', 'anexos', 'projets', 'tâches', 'modèles', 'produits', 'pièces jointes', 'projekte', 'dokumente', 'notizen', 'aufgaben', 'vorlagen', 'produkte', 'anhänge',
    'проект', 'документ', 'заметк', 'фотографи', 'задач', 'шаблон', 'товар', 'مشاريع', 'مستندات', 'ملاحظات', 'الصور', 'منتجات', 'المنتجات', 'प्रोजेक्ट', 'दस्तावेज़', 'फ़ोटो', 'फोटो', 'projects?', 'dự án', 'tài liệu', 'ghi chú', 'sản phẩm',
  ],
  ['履歴', 'データ', '記録', 'アーカイブ', '納品書', '伝票', '档案', '归档', 'プロジェクト', 'ドキュメント', '書類', '写真', '商品', '在庫', '项目', '文档', '笔记', '照片', '商品', '产品', 'メッセージ', '会話', 'ファイル', '予約', '注文', '聊天记录', '记录', '纪录', '联系人', '数据', '消息', '文件', '订单', '对话', '资料', '(?:客户|联系人|会员|用户)(?:列表|名单)'],
);

/** Gone from where it was: with what a customer keeps (RECORDS), that is data lost. Not "can't find", which is a question. */
export const MISSING = signal(
  ['gone(?![\\p{L}\\p{M}])', 'missing', 'lost(?![\\p{L}\\p{M}])', '(?<!(?:i|we) )deleted', 'erased',
    'ya no (?:aparece|está)', 'borrad', 'perdid', 'não aparece mais', 'apagad', 'sumiu', 'sumiram', 'effacé', 'supprimé', 'perdu', 'plus là', 'weg(?![\\p{L}\\p{M}])', 'gelöscht', 'verloren', 'fehlen',
    'удален', 'удалил', 'стерл', 'потерял', 'انحذف', 'اتمسح', 'ضاع', 'راح', 'مفقود', 'डिलीट', 'मिट(?!ाने|ाना|ा दें|ाएं|ा दीजिए|ा दिया जाए)', 'delete ho', 'mit gay', 'bị xóa', 'mất(?![\\p{L}\\p{M}])',
    // Emptied where it was full: the list, the inbox or the archive itself, not an export that comes out empty.
    'no longer there', "not there any ?more", 'no longer (?:show|appear|visible)', String.raw`(?:is|are|came back|shows?|looks?) (?:now |suddenly |completely |totally )?empty`, 'se borr', 'se perdi', 'se elimin',
    '(?:está|quedó|quedaron|están) vací', '(?:está|ficou|ficaram|estão) vazi', 'est (?:maintenant |complètement |soudain )?vide', 'ist (?:jetzt |plötzlich |komplett )?leer', 'стал[аио]? пуст', 'теперь пуст',
    'صار(?:ت)? فاضي', 'khali ho ga', 'खाली हो गया', 'bị trống',
  ],
  ['見当たらな', 'なくなっ', '無くなっ', '消され', '削除され', '没了', '被删', '清空', '全没', '空了', '空白了', '空っぽ', '空になっ'],
);

/** Money taken: verbs of charging and currency amounts. Arabic verbs carry their person and voice as a prefix (انخصم، يخصمون، اتسحب). */
export const MONEY = signal(
  [
    'charg', 'bill', 'paid(?![\\p{L}\\p{M}])', 'pay', 'debit', 'bank(?![\\p{L}\\p{M}])', 'card', 'statement', 'cobr', 'pag(?!e|ina)', 'cartão', 'tarjeta', 'prélev', 'factur', 'carte',
    'abgebucht', 'abbuch', 'belast', 'bezahlt', 'lastschrift', 'списа', 'оплат', 'плат', 'карт', '(?:ان|ات|ي|ت|ن)?(?:خصم|سحب)', 'دفع', 'بطاقت', 'محاسب', 'فاتورت', 'kat(?![\\p{L}\\p{M}])', 'कट', 'card se',
    'trừ', 'thanh toán', 'tiền(?![\\p{L}\\p{M}])', 'hóa đơn', 'पैसे', 'पैसा', 'paise', 'paisa', 'bị trừ', 'eingezogen', 'abgezogen',
    // Arabic written in Latin letters (Arabizi): خصم khasam/5asam, سحب sa7ab, اقتطع t9tta3, دفع dfa3, and dirhams or riyals.
    '(?:t|y|n)?(?:kh|5)a?s(?:a)?mo?', '(?:t|y|n)?(?:kh|5)a?ll?a?s', '(?:t|y|n)?sa?7a?bo?', 't9ta?t?3', '(?:t|y|n)?d(?:a|e)?f(?:a|e)?3', String.raw`\d+ ?(?:dh|dhs|mad|drh|dinar|riyal|sar|aed|egp|le)(?![\p{L}\p{M}])`,
    'cargos?', 'euros?', 'dólares', 'reais', 'R\\$',
    'went out of my', 'taken from my',
  ],
  ['\\$', '€', '£', '¥', '￥', '₹', '₽', '(?<=\\d ?)(?:đ|₫|vnđ|vnd)(?![\\p{L}\\p{M}])', '扣', '付款', '支付', '收费', '账单', '帐单', '引き落と', '請求', '決済', '钱', '收了我'],
);

/** Verbs of taking money, for "taken again" (the ones that cannot mean paying). */
const CHARGE_VERB = ['charg', 'billed', 'debit', 'took', 'taken', 'deduct', 'cobr', 'prélev', 'factur', 'débit', 'abgebucht', 'abbuch', 'belast', 'berechnet', 'спис', 'снял', 'снимают',
  'خصم', 'سحب', 'انخصم', 'اتسحب', 'kat(?![\\p{L}])', 'कट', 'trừ', '(?:kh|5)a?s(?:a)?mo?', 'sa?7a?bo?', 't9ta?t?3'].join('|');
const AGAIN = ['again', '(?:a|one) second time', 'once more', 'otra vez', 'de nuevo', 'de novo', 'novamente', 'outra vez', 'à nouveau', '(?<!pas )encore',
  'erneut', 'nochmal', 'noch einmal', 'повторно', 'ещё раз', 'еще раз', 'снова', 'опять', 'مرة ثانية', 'مرة ثانيه', 'مرة أخرى', 'كمان مرة',
  'dobara', 'दोबारा', 'phir se', 'फिर से', 'thêm (?:một )?lần', 'lần nữa', 'lần thứ hai'].join('|');
const AGAIN_NEAR = String.raw`(?:[^.!?,;\n]|(?<=\d)[.,](?=\d)){0,40}?`;

/** The same money taken again. */
export const TWICE = signal(
  ['twice', 'two times', String.raw`(?:2|two|zwei|deux|dos|duas|два|hai)\s?[x×](?![\p{L}\p{M}])`, String.raw`[x×]\s?2(?!\d)`, 'double(?![\\p{L}\\p{M}])', 'two (?:payments|charges|debits)', 'duplicate', 'dos veces', 'duplicad', 'duas vezes', 'em dobro',
    'deux fois', 'doublement', 'zweimal', 'doppelt', 'два раза', 'дважды', 'مرتين', 'دفعتين', 'do baar', 'दो बार', '2 baar', 'hai lần', '2 lần',
    'identical (?:charges|payments)', 'two (?:identical |separate )?(?:payments|charges|debits|transactions)', 'doble', 'en double', 'doublon', 'zwei ?mal', 'двойн', 'مكرر', 'trùng',
    'marr?at(?:ain|ein|en|in|ayn|tain|ten|tin)', 'marr?t(?:ain|ein|en|in|een|ayn)', 'mrt(?:in|ain|ayn)', 'jou?j (?:dyal )?(?:l-?)?m(?:e|a)?rr?at', '2 m(?:e|a)?rr?at',
    // Taken again: a verb of charging and "again" in one clause ("cobraram de novo", "списали ещё раз"), not "I tried to pay again".
    `(?:${CHARGE_VERB})${AGAIN_NEAR}(?:${AGAIN})`, `(?:${AGAIN})${AGAIN_NEAR}(?:${CHARGE_VERB})`, 'zweites mal', 'une (?:deuxième|seconde) fois',
    'two (?:separate |different )?times', '(?:2|two) (?:identical|equal|same) (?:charges|payments)', 'dos (?:\\p{L}+ )?(?:cargos|cobros|pagos)', 'duas (?:\\p{L}+ )?cobranças', 'dois (?:pagamentos|débitos)', 'deux (?:prélèvements|paiements|débits)',
    'zwei (?:abbuchungen|zahlungen|belastungen)',
    // One more of the same: "then another $49", "otro cargo de 49 €", "ещё одно списание".
    String.raw`another (?:charge|payment|debit|[$€£¥₹₽]|\d)`, 'otro (?:cargo|cobro|pago|débito) (?:de|por)', '(?:outra|mais uma) (?:cobrança|cobranca|débito)', '(?:un autre|un deuxième|un second) (?:prélèvement|débit|paiement)',
    '(?:eine weitere|noch eine|eine zweite) (?:abbuchung|zahlung|belastung)', '(?:ещё одно|еще одно|второе|повторное) списание', '(?:خصم|سحب) (?:ثاني|تاني|آخر)', 'ek aur (?:charge|payment|deduction)', 'thêm một (?:khoản|lần) (?:trừ|thu)', 'два (?:\\p{L}+ )?(?:списания|платежа)', 'عمليتين', 'خصمين', 'do (?:payment|charge|transaction)s?', '2 (?:giao dịch|lần trừ)',
  ],
  ['两次', '二次', '2次', '又(?:一笔|一次)(?:扣款|扣费)', 'もう(?:一|1|１)件', '同じ金額', '同(?:样|一)(?:的)?金额', '重复扣', '二重', '2回', '二回', '两笔', '重复', '重複', '(?:もう一度|再度|再び)[^。！？\\n]{0,10}(?:引き落と|請求|決済|課金)', '又扣', '再次扣', '又被扣', '又收'],
);

/** The subscription already cancelled: any charge after it is one the customer never agreed to. */
export const CANCELLED = signal(
  [
    'after (?:i |we )?cancel', '(?:although|though|even though|but) (?:i|we)(?: had| have|\'ve)? cancel', '(?:i|we)(?: had| have|\'ve)? (?:already )?cancel(?:l?ed)', 'after cancell?ing',
    'después de cancelar', 'aunque (?:ya )?cancel', '(?:ya )?cancelé', 'depois de cancelar', 'mesmo (?:depois de )?cancel', 'já cancelei', 'cancelei',
    'après (?:avoir )?(?:résili|annul)', "(?:j['’]ai|nous avons) (?:déjà )?(?:résilié|annulé)", 'bien que (?:j[\'’]ai|nous avons) (?:résilié|annulé)',
    'obwohl (?:ich|wir) (?:schon |bereits )?gekündigt', 'nach (?:der |meiner |unserer )?kündigung', '(?:ich|wir) habe[n]? (?:schon |bereits )?gekündigt',
    'после отмен', 'отменил[аи]?', 'хотя (?:я|мы) отмен',
    'ملغي', 'ألغيت', 'لغيت', 'بعد (?:الإلغاء|الغاء|إلغاء)', 'cancel (?:karne|kiya|kar diya)', 'रद्द कर', 'कैंसल कर', 'đã hủy', 'hủy rồi',
  ],
  ['解約したのに', '解約後', '解約済み', 'キャンセルしたのに', '退订了', '取消了', '已取消', '已经取消', '退订后', '取消后'],
);

const PLAN_NEAR = String.raw`(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,40}?`;

/** More money taken than owed. */
/**
 * "Instead of": a wrong charge only with an amount or a verb of charging beside it ("charged
 * $49 instead of $29"); a label spelt one way instead of another («Facturacíon» for
 * «Facturación») is a typo report, so quoted labels are not read as charges.
 */
export const INSTEAD_OF = signal(['instead of', 'en (?:lugar|vez) de', 'em vez de', 'au lieu de', 'statt', 'anstatt', 'вместо', 'بدل', 'بدلاً', 'thay vì']);

const QUOTED_LABEL = /[«“"„「『‹][^»”"“」』›\n]{1,40}[»”"“」』›]|(?<=^|[\s(:])['‘][^'’\n]{1,40}['’](?=[\s.,;:!?)]|$)/gu;

export function chargedInsteadOf(sentence: string): boolean {
  const unquoted = sentence.replace(QUOTED_LABEL, ' ');
  return INSTEAD_OF.test(unquoted) && (amountsIn(unquoted).length > 0 || CHARGED.test(unquoted));
}

// The verbs only: "factur" alone is also the invoice itself (factura, facture).
const CHARGED = new RegExp(`(?<![\\p{L}\\p{M}])(?:${CHARGE_VERB.replace('factur', 'factur(?:é|ed|aron|ado|ou|aram|ei|iert)')})`, 'iu');

export const WRONG_AMOUNT = signal(
  ['wrong amount', 'overcharg',
    // Charged a multiple of the price: "ten times what the plan costs", "gấp 10 lần".
    String.raw`(?:\d+|ten|five|three) times (?:the|what|as much|more|my)`, String.raw`\d+ ?x (?:the|what|more)`, String.raw`\d+ veces (?:más|lo que|el)`, String.raw`\d+ vezes (?:mais|o)`, String.raw`\d+ fois (?:plus|le|ce)`,
    String.raw`das \d+-?fache`, String.raw`\d+-?(?:mal|fach) so (?:viel|hoch)`, String.raw`в \d+ раза? (?:больше|дороже)`, String.raw`\d+ (?:गुना|guna)`, 'أضعاف', String.raw`gấp \d+ lần`, 'charged (?:more|too much)', 'de más', 'a mais',
    'trop (?:payé|facturé|prélevé)', 'zu viel', 'лишн', 'زيادة', 'ज़्यादा', 'ज्यादा', 'zyada', 'nhầm',
    'should (?:have been|be) \\$?\\d', 'wrong plan', 'still (?:being )?(?:charged|billed)', 'incorrect', 'indevid', 'valor errado', 'erron', 'falsch', 'неправильн', 'неверн', 'خاطئ', 'गलत', 'galat', 'sai(?![\\p{L}\\p{M}])',
    // Charged for what was paid already.
    'already (?:been )?paid', 'ya (?:estaba |había |lo había )?pagad', 'já (?:estava |tinha |foi )?pag', 'déjà (?:été )?payé', '(?:bereits|schon) bezahlt', 'уже (?:был[аои]? )?оплач',
    'पहले ही (?:पे|भुगतान|दे)', 'pehle hi (?:pay|de)', 'đã thanh toán (?:rồi|trước)', 'مدفوع(?:ة)? (?:من قبل|مسبقا)', 'دفعت(?:ها)? من قبل',
    // Charged on a plan that costs nothing, or during a free trial.
    String.raw`(?<!(?:be|is|are|get|gets|being|am|will|would|ser|será|serei|sera|werde|wird) )(?:charged|billed|debited|cobrad[oa]|cobraron|cobrou|cobraram|prélevé|facturé|chargé|abgebucht|abbuchung|eingezogen|berechnet|списали|kat gaye|bị trừ)[^.!?\n]{0,40}?(?:free (?:plan|tier|trial|account)|trial|plan gratuito|prueba gratuita|plano gr[aá]tis|teste gr[aá]tis|período de teste|plan gratuit|essai gratuit|période d['’]essai|kostenlos|gratis|testphase|бесплатн|пробн|مجاني|الفترة التجريبية|free trial|miễn phí|dùng thử)`,
    String.raw`(?:free (?:plan|tier|trial|account)|plan gratuito|plano gr[aá]tis|plan gratuit|kostenlos\p{L}*|бесплатн\p{L}*|مجاني|miễn phí)[^.!?\n]{0,60}?(?:charged|billed|debited|cobraron|cobrado|cobraram|cobrou|prélevé|facturé|chargé|abgebucht|eingezogen|abgezogen|berechnet|списали|خصم|kat gaye|bị trừ)`,
    // The plan charged is not the plan chosen: yearly against monthly.
    `(?:annual|yearly)${PLAN_NEAR}monthly`, `monthly${PLAN_NEAR}(?:annual|yearly)`, `anual${PLAN_NEAR}mensal`, `anual${PLAN_NEAR}mensual`, `mensual${PLAN_NEAR}anual`, `mensal${PLAN_NEAR}anual`, `annuel${PLAN_NEAR}mensuel`, `mensuel${PLAN_NEAR}annuel`,
    `(?:jährlich|jahres)${PLAN_NEAR}monat`, `monat${PLAN_NEAR}(?:jährlich|jahres)`, `годов${PLAN_NEAR}месяч`, `месяч${PLAN_NEAR}годов`, `سنوي${PLAN_NEAR}شهري`, `شهري${PLAN_NEAR}سنوي`,
    `(?:yearly|saalana)${PLAN_NEAR}(?:monthly|mahina)`, `theo năm${PLAN_NEAR}theo tháng`, `theo tháng${PLAN_NEAR}theo năm`,
  ],
  ['多扣', '多收', '多く請求', '(?:免费|試用|试用|無料|トライアル)[^。！？]{0,40}(?:扣了|扣款|收费了|請求され|引き落とされ|課金され)', '过多', '金額が違', '間違った金額', '已经付过', '已经支付', '已付过', '支払い済み', '支払済み', '既に支払', '年(?:付|费)[^，。！？]{0,20}月(?:付|费)', '月(?:付|费)[^，。！？]{0,20}年(?:付|费)', '年(?:額|払い)[^、。！？]{0,20}月(?:額|払い)', '月(?:額|払い)[^、。！？]{0,20}年(?:額|払い)'],
);

/** Up to a few words later in the same clause. */
const NEAR = String.raw`(?:[^.!?,;\n]|(?<=\d)[.,](?=\d)){0,40}?`;

/** An amount written with its currency: "$180", "39 €", "499.000đ", "1 200 ₽". */
const AMOUNT = /(?:[$€£¥￥₹₽]|R\$|rs\.?\s?)\s?(\d[\d.,\s]*\d|\d)|(\d[\d.,\s]*\d|\d)\s?(?:[$€£¥￥₹₽₫đ円元]|eur|usd|euros?|dollars?|dólares|reais|руб|درهم|ريال|دينار|جنيه|rupees?|रुपये|đồng|pesos?|soles?|yen|mxn|cop|ars|clp|rupias?|рубл\p{L}*|dirhams?|riyals?|dinars?)(?![\p{L}\p{M}])/giu;

/** But, yet, while: two figures set against each other. */
const CONTRAST = signal(['(?:we|i) only', 'but', 'yet', 'whereas', 'while', 'although', 'though', 'pero', 'cuando', 'mientras', 'mas', 'quando', 'enquanto', 'mais', 'alors que', 'tandis que', "or (?:le|la|les|l['’]|ce|cette|on|nous|j['’]ai)(?![\\p{L}\\p{M}])", 'aber', 'jedoch', 'obwohl', 'хотя', 'тогда как', 'в то время как', 'но(?![\\p{L}])', 'а(?![\\p{L}])', 'لكن', 'في حين', 'بينما', 'بس(?![\\p{L}])', 'فقط', '(?:wa)?lakin', 'ghir(?![\\p{L}])', 'bass?(?![\\p{L}])', 'lekin', 'लेकिन', 'par(?![\\p{L}])', 'nhưng', 'trong khi', 'mà(?![\\p{L}])'], ['但', '却', '可是', '不过', 'でも', 'のに', 'なのに']);

/**
 * Two different amounts set against each other ("the invoice says $98 but the plan is $49"):
 * the customer was charged what they did not agree to, whichever words they use for it.
 */
export function amountsDisagree(sentence: string, before = ''): boolean {
  const amounts = new Set(amountsIn(sentence));
  if (CONTRAST.test(sentence) && (amounts.size >= 2 || new Set(counts(sentence)).size >= 2)) return true;
  // "Our plan is $99 a month. But you took $198.": the agreed figure told in a sentence before,
  // set against it by a "but" or by a verb of charging after a price per period.
  if (amounts.size !== 1 || /[?？]\s*$/u.test(sentence)) return false;
  const agreed = CONTRAST.test(sentence) || (PRICE_PER_PERIOD.test(before) && CHARGED.test(sentence));
  return agreed && amountsIn(before).some((a) => !amounts.has(a));
}

/** A sentence that states an amount, not one that asks about it. */
export function statesAmount(sentence: string): boolean {
  return amountsIn(sentence).length > 0 && !/[?？]\s*$/u.test(sentence);
}

/** "3 March, $89 … 4 March, your company again, $89": the amount taken before, taken again. */
export function amountTakenAgain(sentence: string, before: string): boolean {
  const earlier = new Set(amountsIn(before));
  return AGAIN_RE.test(sentence) && amountsIn(sentence).some((a) => earlier.has(a)) && !/[?？]\s*$/u.test(sentence);
}

/** A price per period: what the customer agreed to pay ("$49 a month", "4 990 ₽ в месяц", "月額3,300円"). */
const PRICE_PER_PERIOD = signal(
  ['(?:a|per|each|every) (?:month|year)', 'monthly', 'yearly', 'annual', '/ ?(?:mo|month|yr|year)', 'al (?:mes|año)', 'por (?:mes|mês|año|ano)', 'mensual', 'mensal', 'anual', 'par (?:mois|an)', '/ ?mois', 'mensuel', 'annuel',
    '(?:im|pro) (?:monat|jahr)', 'monatlich', 'jährlich', 'в (?:месяц|год)', 'ежемесячн', 'тариф', 'شهري', 'في الشهر', 'سنوي', 'महीने', 'महीना', 'mahine', 'mahina', 'सालाना', 'mỗi (?:tháng|năm)', '/ ?tháng', 'một tháng'],
  ['每月', '每个月', '/月', '月费', '年费', '年付', '月額', '毎月', '年額', '月々'],
);

const AGAIN_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${AGAIN}|another|second one|the second)(?![\\p{L}\\p{M}])|(?:また|再び|再度|又|再次)`, 'iu');

/** A free plan or a free trial: nothing should be charged while on it. */
export const FREE_PLAN = signal(
  ['free (?:plan|tier|trial|version|account)', 'plan gratuito', 'versión gratuita', 'prueba gratuita', 'plano (?:gr[aá]tis|gratuito)', 'versão gratuita', 'teste gr[aá]tis', 'plan gratuit', 'version gratuite', 'offre gratuite', 'essai gratuit',
    'kostenlos', 'gratis', 'testphase', 'probezeit', 'бесплатн', 'пробн\\p{L}* период', 'مجاني', 'المجانية', 'الفترة التجريبية', 'free plan', 'फ्री प्लान', 'मुफ्त', 'miễn phí', 'dùng thử', 'bản free'],
  ['免费(?:版|套餐|计划|试用)', '试用期', '無料(?:プラン|版|トライアル)', 'お試し'],
);

function amountsIn(text: string): string[] {
  return [...text.matchAll(AMOUNT)].map((m) => (m[1] ?? m[2] ?? '').replace(/[\s.,]/g, ''));
}

/** Plain counts ("10 seats … only 3 users"), leaving out clock times and years. */
function counts(sentence: string): string[] {
  const bare = sentence.replace(/\d{1,2}[:h]\d{2}/g, ' ').replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ' ');
  return bare.match(/\d+(?:[.,]\d+)*/g) ?? [];
}

/** "The same for everyone": a sentence that extends the failure just described to all. */
export const SAME_STATE = signal(
  ['same (?:thing|problem|issue|error|screen|message|here)', 'lo mismo', 'el mismo', 'igual', 'o mesmo', 'a mesma', 'le même', 'la même', 'pareil', 'gleiche', 'genauso', 'dasselbe', 'то же', 'так же', 'одинаков', 'نفس', 'वही', 'same (?:problem|issue|hai)', 'giống', 'tương tự'],
  ['同じ', '同様', '同样', '一样', '也是'],
);

/** One user unable to get into their own account. */
export const LOCKOUT = signal(
  [
    "(?:can'?t|cannot|unable to|not able to|couldn'?t) (?:log ?in|sign ?in|login|access|get (?:in|into|back in)|recover)", 'locked out', 'logs? me out',
    'stuck (?:on|at) the (?:login|sign[- ]in)', 'reset (?:e-?mails?|links?) (?:never|don|doesn|not|aren)', '(?:code|otp|2fa) .{0,30}(?:not valid|invalid|never|not (?:arriv|work))', 'session expired',
    'no puedo (?:entrar|acceder|iniciar|ingresar)', 'no (?:puede|pueden|podemos) (?:entrar|acceder|iniciar sesión|ingresar)', 'não (?:pode|podem|conseguem|conseguimos) (?:entrar|acessar|logar)',
    '(?:organi[sz]ation|organización|organização|empresa|workspace|organisation) (?:has been |was |is |ha sido |fue |está |foi |a été |est )?(?:deactivated|suspended|disabled|desactivad|suspendid|bloquead|desativad|désactivée|suspendue)', 'bloquead', 'não consigo (?:entrar|acessar|logar|fazer login)',
    'impossible de (?:me connecter|se connecter|accéder|récupérer)', '(?:connexion|login|log-?in|inicio de sesión|acceso|acesso|anmeldung|login) (?:impossible|imposible|impossível|unmöglich)', 'вход невозможен', "barrée? (?:de|hors de) (?:mon|mes|notre|l['’])", "je n['’]arrive (?:pas|plus)(?: du tout| jamais| toujours pas)? à (?:me connecter|accéder|récupérer)", 'ne peux (?:pas |plus )?(?:me connecter|accéder)', "(?:je|on) (?:peux|peut|arrive) (?:pas|plus)(?: du tout)? (?:à )?(?:me connecter|nous connecter|se connecter|accéder|rentrer)", 'bloqué(?![\\p{L}\\p{M}])',
    'komme [^.!?\\n]{0,30}nicht (?:mehr )?(?:in|rein|ins)', 'kann mich [^.!?\\n]{0,30}nicht (?:mehr )?(?:anmelden|einloggen)', 'ausgesperrt', 'sitzung abgelaufen',
    'не могу (?:зайти|войти|попасть)', 'заблокир', 'сессия истекла',
    'ما (?:أقدر|اقدر|قدرت|نقدر|أقدرش|اقدرش) (?:أدخل|ادخل|نفوت|أفوت|افوت|أسجل|اسجل)', 'لا (?:أستطيع|استطيع|يمكنني) الدخول', 'مقفل',
    'घुस नहीं', 'लॉगिन नहीं', 'लॉग इन नहीं', 'login nahi', 'log in nahi', 'बाहर हो गए',
    'không vào được', 'không đăng nhập được', 'bị khóa', '(?:ko|k|hok|không) (?:đăng nhập|dang nhap|vào|vao) (?:dc|đc|duoc|được)', 'mã (?:xác nhận |xac nhan )?(?:\\S+ ){0,3}(?:ko|không) về',
      'won\'?t let me (?:log|sign|in)', 'locked (?:me )?out', 'kick(?:s|ing|ed)? me out', 'can\'?t reset my password', 'account (?:is |was |got |has been )?(?:locked|disabled)', 'no me deja (?:entrar|iniciar|acceder)', 'bloque', 'não consigo mais (?:entrar|acessar|logar)', 'não entra', 'konto (?:ist |wurde )?gesperrt', 'zugang (?:ist |wurde )?gesperrt', 'kein zugriff', 'login (?:geht|klappt|funktioniert) nicht', 'не пускает', 'не получается (?:войти|зайти)', 'ما يخليني', 'ghus nahi', 'लॉक', 'lock ho', 'không login được',
    // The sign-in code goes to a phone number the user no longer has.
    `(?:code|sms|смс|otp|código|codigo|код|mã|कोड|الكود|الرمز)${NEAR}(?:go(?:es|ing)?|went|sent|sends?|sending|text(?:s|ing|ed)?|arriv|com(?:es|ing)|llega|va|van|vai|chega|part|geht|kommt|gesendet|приход|ид[её]т|уходит|отправля|يروح|يوصل|يجي|ja(?:ta|ti)|aa(?:ta|ti)|जाता|आता|gửi|về)${NEAR}(?:old|previous|former|ancien|antiguo|anterior|antigo|alte[nr]?|старый|прежний|purane|पुराने|القديم|cũ)(?: (?:phone|cell|mobile|téléphone|cellulaire|portable|celular|handy|телефон|fon))? ?(?:number|numéro|número|nummer|номер|number pe|नंबर|رقم|số)?`,
    `(?:keeps?|still|always|now) (?:text|send|sent|go)\\p{L}*${NEAR}(?:code|sms|otp)${NEAR}(?:old|previous|former) (?:phone |mobile |cell )?number`,
    String.raw`kimm (?:\S+ ){0,4}(?:ned|net|nit) (?:\S+ ){0,4}(?:eini|rein|nei)`,
    // The second factor on a phone that is gone: lost, broken, stolen, replaced.
    String.raw`(?:authenticator|2fa|two-factor|otp|zwei-faktor|двухфактор|ذو العاملين|xác thực)[^.!?
]{0,60}(?:old|lost|broken|stolen|kaputt|verloren|gestohlen|alten|oidn|perdu|cassé|volé|perdido|roto|robado|quebrado|roubado|сломан|потерял|украл|старом|hỏng|mất|cũ)`,
    String.raw`(?:lost|broke|broken|stolen) (?:my |our )?(?:phone|mobile|cell)[^.!?
]{0,60}(?:authenticator|2fa|codes?)`,
    // Getting back in fails: the recovery link expires or the one-time code never comes.
    `(?:reset|recovery|password) (?:e-?mails?|links?|codes?)${NEAR}(?:expired|invalid|never|not work)`,
    `(?:lien|code)${NEAR}(?:est |a )?(?:expiré|invalide|n['’]arrive (?:jamais|pas|plus))`,
    `(?:enlace|código)${NEAR}(?:caducad|expirad|inválid|no (?:me )?llega|nunca llega)`, 'no puedo recuperar',
    `(?:link|código)${NEAR}(?:expirad|inválid|não chega|nunca chega)`, 'não consigo recuperar',
    `(?:link|code)${NEAR}(?:abgelaufen|ungültig|kommt nicht|kommt nie)`, `kann${NEAR}nicht (?:mehr )?wiederherstellen`,
    `(?:ссылк|код)${NEAR}(?:истек|истёк|недействител|не (?:приход|пришл|пришёл|пришел))`, 'не могу восстановить',
    `(?:الرابط|الكود|الرمز)${NEAR}(?:منتهي|انتهت|ما يوصل|لا يصل|ما وصل)`,
    `(?:otp|कोड|code)${NEAR}(?:नहीं आ|nahi aa|expire)`, `(?:otp|ओटीपी)${NEAR}(?:नहीं|nahi)`,
    `(?:mã|liên kết|link)${NEAR}(?:hết hạn|không (?:về|đến|nhận được|hợp lệ))`,
    // Asked to be let back in: "get her back in", "recuperar el acceso", "вернуть доступ".
    "get (?:me|her|him|them|us|\\p{L}+) back in", '(?:restore|regain|recover) (?:my |her |his |our |their )?access', '(?:recuperar|restablecer|recuperar o) (?:el |mi |o |meu )?acesso', 'recuperar (?:el |mi )?acceso',
    "(?:récupérer|rétablir) (?:l['’]|mon |notre )accès", 'zugang wieder(?:herstellen| bekommen| haben)', '(?:вернуть|восстановить|верните|восстановите) доступ', 'account wapas', 'lấy lại (?:tài khoản|quyền truy cập)',
    // Thrown back at the door: the right password returns to the sign-in page, the code never comes.
    `(?:back|returns?|redirect\\p{L}*|sends?|sending|kicks?|throws?)${NEAR}(?:log ?in|sign[- ]?in) (?:page|screen)`,
    `(?:vuelve|devuelve|regresa|manda)${NEAR}(?:inicio de sesión|login|pantalla de acceso)`, `(?:volta|voltar|manda|joga)${NEAR}(?:tela de login|login|tela de entrada)`,
    `(?:renvoie|ramène|revient)${NEAR}(?:page de connexion|connexion|login)`, `(?:zurück|wieder)${NEAR}(?:anmelde|login)`, `(?:возвраща|выкидыва|перекидыва)${NEAR}(?:вход|логин|авторизац)`,
    `login page (?:pe|par) wapas`, `(?:quay lại|trở lại|văng ra)${NEAR}(?:trang|màn hình) đăng nhập`, `(?:يرجعني|ترجعني|يرجعنا)${NEAR}(?:الدخول|تسجيل)`,
    `(?:code|sms)${NEAR}ne m['’]arrive`, 'bloqué(?:e|s|es)(?![\\p{L}\\p{M}])',
    `(?:mail|email|e-mail|link|otp|code|sms)${NEAR}(?:aa hi nahi|nahi aa)`, 'andar (?:hi )?nahi ja', 'अंदर (?:ही )?नहीं जा', `(?:मेल|ईमेल|लिंक|ओटीपी|कोड)${NEAR}नहीं आ`,
    '(?:و|ف)ما (?:أقدر|اقدر|قدرت|نقدر) (?:أدخل|ادخل|أسجل|اسجل)', 'ما (?:عم )?(?:نقدر|بنقدر|أقدر|اقدر|بقدر|منقدر) (?:نفتح|أفتح|افتح|ندخل|أدخل|ادخل|نفوت|فوت) (?:على )?(?:ال)?حساب', 'ma ?(?:9dert|n9der|kan9der|qdert|a9dar|b2dar|ba2dar)(?:ch|sh)? (?:ndkhol|nd5ol|ndekhl|nodkhol|fout|odkhol|a5ol)',
    `(?:reset|code|email|mail|lien|link)${NEAR}(?:makaywsel|mawsel|ma ?wsel|ma ?byousal|ma ?wasal|ma ?ja)(?:ch|sh)?`, `(?:kaygoul|kayqoul|kayban|bey2oul|bi2ol|biy2ol)${NEAR}(?:mot de passe incorrect|wrong password|password (?:ghalat|ghalet|incorrect))`, `(?:كود|رمز|رابط)${NEAR}(?:ما يوصل|لا يصل|ما وصل|ما يجي)`,
    "login (?:stopped working|doesn'?t work|isn'?t working|not working|fails)", `(?:says|saying|shows|showing|tells me)${NEAR}(?:wrong|incorrect|invalid) password`,
    `(?:dice|diz|indique|affiche|sagt|zeigt|пишет|говорит|يقول|يطلع|bol raha|likha|báo)${NEAR}(?:contraseña (?:incorrecta|inválida)|senha (?:errada|incorreta|inválida)|mot de passe (?:incorrect|invalide)|passwort (?:ist )?(?:falsch|ungültig)|неверный пароль|неправильный пароль|كلمة (?:السر|المرور) (?:غلط|خطأ|خاطئة)|(?:password|पासवर्ड) (?:galat|गलत|wrong)|mật khẩu (?:sai|không đúng))`,
    // The account itself switched off: suspended, deactivated, said not to exist.
    'account (?:is |was |got |has been )?(?:suspended|deactivated|banned|blocked)', "account (?:does not|doesn['’]?t|no longer) exist",
    'cuenta (?:fue |está |ha sido |quedó )?(?:suspendida|desactivada|bloqueada)', 'conta (?:foi |está |ficou )?(?:suspensa|desativada|bloqueada)', 'compte (?:a été |est )?[«"“]? ?(?:suspendu|désactivé|bloqué)',
    'konto (?:ist |wurde )?(?:\\S+ ){0,3}(?:gesperrt|deaktiviert)', '(?:аккаунт|кабинет|учетн\\p{L}* запис\\p{L}*)[^.!?\\n]{0,20}(?:отключ|заблокир|деактивир)', '(?:отключили|заблокировали|деактивировали) (?:мой |наш )?(?:аккаунт|кабинет)',
    'حساب\\p{L}* (?:موقوف|معلق|مقفل|متوقف|انقفل|اتقفل|انوقف)', 'account (?:suspend|block|band|deactivate) ho', 'अकाउंट (?:सस्पेंड|ब्लॉक|बंद) हो', 'tài khoản[^.!?\\n]{0,20}(?:bị khóa|bị đình chỉ|bị vô hiệu|bị chặn)',
  ],
  ['リセット[^。！？\\n]{0,20}(?:期限切れ|無効)', '(?:認証|確認)コード[^。！？\\n]{0,20}届かな', '重置[^。！？\\n]{0,10}(?:过期|失效|无效)', '找回不了', '无法找回', '登录不了', '无法登录', '登不上', '登不进', '进不去', '无法进入', '被锁', 'ログインできな', 'ログインできません', '入れない', '入れません', 'ロックされ', '登录不上', '进不了', '收不到验证码', '验证码收不到', '账号被锁', 'サインインできな', 'アクセスできな', 'ログイン画面に戻', '(?:跳回|回到|退回)登录', '账号(?:找不回|拿不回)', 'アカウントを(?:復旧|取り戻)', '恢复(?:账号|账户)', '(?:显示|提示)密码错误', 'パスワードが(?:違います|間違っています|正しくありません)と', '(?:账号|账户|帐号)被(?:封|停用|冻结|禁用)', 'アカウントが(?:停止|凍結|無効|ロック)'],
);

/** A payment that keeps being refused. */
export const PAYMENT_REFUSED = signal(
  ['declin', 'rejected', 'refused', "(?:carte|paiement|prélèvement)[^.!?\\n]{0,20}(?:ne )?passe (?:pas|plus|pu)(?![\\p{L}\\p{M}])", 'bounc', "won'?t go through", 'keeps failing', 'rechaz', 'no pasa', 'recusad', 'não passa', 'refus', 'rejet',
    String.raw`(?:pagamento|cartão|cobrança|boleto|pago|tarjeta|cobro|zahlung|оплата|платёж|платеж)[^.!?
]{0,20}(?:falh|fall|scheitert|fehlgeschlagen|не прош|не проход)`,
    'abgelehnt', 'geht .{0,20}zurück', 'rücklastschrift', 'zurückgewiesen', 'zurückgebucht', 'geplatzt', 'fehlgeschlagen', 'не проходит', 'отклон', 'يُرفض', 'يرفض', 'مرفوض', 'फेल', 'bị từ chối', 'không thanh toán được',
    'payment (?:keeps )?fail', 'échou', 'schlägt fehl', 'schlug fehl', 'payment fail', 'thất bại',
    'fail ho (?:raha|rahi|rahe|gaya|gayi)', 'decline ho',
  ],
  ['被拒', '(?:付款|支付|扣款|刷卡)[^，。！？]{0,4}失败', '卡[^。！？]{0,12}都(?:不行|失败|被拒)', '決済できな', '決済エラー', '拒否', '不成功', '通らない', 'رفض'],
);

/** Refused again and again, or with every card: the customer cannot pay at all (rubric: high). */
export const REFUSED_REPEATEDLY = signal(
  [
    String.raw`keeps? (?:on )?(?:getting |being )?(?:declin|reject|refus|bounc|fail)`, 'every (?:single )?time', 'each time', 'again and again', 'over and over', 'repeatedly',
    String.raw`(?:\d+|two|three|four|five|several|multiple) (?:times|different cards|cards)`, 'tried (?:two|three|\\d+|several|multiple) (?:different )?cards',
    'siempre', 'cada vez', 'una y otra vez', String.raw`(?:\d+|dos|tres|varias) veces`, 'sigue (?:siendo )?rechaz', 'toda vez', 'sempre', String.raw`(?:\d+|duas|três|várias) vezes`, 'de novo e de novo',
    'à chaque fois', 'chaque fois', 'systématiquement', String.raw`(?:\d+|deux|trois|plusieurs) fois`, 'jedes ?mal', 'immer wieder', String.raw`(?:\d+|zwei|drei|mehrere)(?: ?mal|fach)`,
    'каждый раз', 'постоянно', '(?:второй|третий|четв[её]ртый|пятый) раз', 'снова и снова', 'раз за разом', String.raw`(?:\d+|два|три|несколько) раз`, 'كل مرة', 'في كل مرة', 'كل ما', 'دايما', 'دائما', 'مرة بعد مرة',
    'har baar', 'baar baar', 'बार बार', 'बार-बार', 'हर बार', String.raw`\d+ baar`, 'lần nào cũng', 'liên tục', 'mấy lần', String.raw`\d+ lần`,
  ],
  ['每次', '一直', '总是', '反复', '多次', '好几次', '何度も', '毎回', '何回', '繰り返し', 'いつも'],
);

/** A control that does nothing when used: the feature is gone, with no other way in (rubric: high). */
export const DOES_NOTHING = signal(
  [
    "(?:does|do)(?:n['’]?t| not) do anything", String.raw`does nothing(?!\s+(?:get|gets|happen|change|go|\p{L}+ed)(?![\p{L}\p{M}]))`, 'nothing happens', 'nothing at all happens', "(?:won['’]?t|doesn['’]?t|does not|isn['’]?t) (?:respond|react)",
    'no hace nada', 'no pasa nada', 'no responde', 'no reacciona', 'não faz nada', 'nada acontece', 'não acontece nada', 'não reage', 'não responde',
    'ne fait rien', 'rien ne se passe', 'il ne se passe rien', 'ne réagit (?:pas|plus)', 'passiert (?:gar )?nichts', 'tut sich nichts', 'reagiert (?:gar )?nicht',
    'ничего не происходит', 'ничего не делает', 'не реагирует', 'не нажимается', 'ما يصير شي', 'ما يسوي شي', 'ما يستجيب', 'لا يحدث شيء', 'لا يستجيب', 'ما في (?:أي )?استجابة',
    'kuch nahi hota', 'kuch bhi nahi hota', 'कुछ नहीं होता', 'कुछ भी नहीं होता', 'không có gì xảy ra', 'không phản hồi', 'không phản ứng', 'bấm không ăn', 'không ăn',
  ],
  ['没反应', '没有反应', '无反应', '毫无反应', '点了没用', '什么都没发生', '何も起き(?:ない|ません|なかった)', '反応しな', '反応しません', '反応がな', '無反応'],
);

/** Something one presses: a button, a link, a click. */
export const CONTROL = signal(
  ['button', 'click', 'tap', 'press', 'link', 'botón', 'boton', 'clic', 'pulso', 'toco', 'botão', 'clico', 'aperto', 'bouton', 'clique', 'appuie', 'knopf', 'button', 'klick', 'tippe', 'drücke',
    'кнопк', 'нажима', 'нажим', 'жму', 'زر', 'الزر', 'الضغط', 'ضغط', 'أضغط', 'اضغط', 'بضغط', 'بطقطق', 'बटन', 'क्लिक', 'dabane', 'daba', 'nút', 'bấm', 'nhấn'],
  ['按钮', '点击', '点了', '按了', '按(?=[「『“"])', 'ボタン', '押して', '押しても', 'クリック', 'タップ'],
);

/** Records getting fewer while it runs: "the archive keeps shrinking", "どんどん減っています". */
export const SHRINKING = signal(
  ['keeps? (?:dropping|going down|shrinking|getting smaller|decreasing)', 'fewer and fewer', 'less and less', '(?:is|are) shrinking', 'cada vez (?:hay )?menos', 'van (?:disminuyendo|desapareciendo)', 'se van reduciendo',
    'diminuindo', 'vão sumindo', 'de moins en moins', 'diminue(?:nt)? sans cesse', 'immer weniger', 'werden (?:immer )?weniger', 'schrumpf', 'всё меньше', 'все меньше', 'уменьша', 'становится меньше',
    'تقل', 'يقل', 'تنقص', 'ينقص', 'عم (?:تقل|تنقص|يقل)', 'kam ho(?:te)? ja rahe', 'कम हो(?:ते)? जा रहे', 'घटते जा रहे', 'ít dần', 'giảm dần', 'ngày càng ít', 'cứ giảm'],
  ['越来越少', '(?:不停|不断|持续|一直|正在)(?:在)?(?:减少|变少)', '不断减少', '在减少', '一直在减少', '(?:一点点|慢慢|逐渐|不断|一直在?)变少', '变少了', 'どんどん減', '減り続け', '減っていき', '減っていっ', 'どんどん少なく'],
);

/** What comes in rather than what is kept: fewer orders or bookings is a slow week, not records vanishing. */
export const INCOMING = signal(
  ['orders?', 'sales', 'bookings?', 'appointments?', 'sign-?ups?', 'leads', 'visitors', 'revenue', 'pedidos', 'ventas', 'reservas', 'citas', 'vendas', 'agendamentos', 'commandes', 'ventes', 'réservations',
    'bestellungen', 'buchungen', 'umsatz', 'verkäufe', 'заказ', 'продаж', 'брон', 'записей', 'طلبات', 'الطلبات', 'مبيعات', 'حجوزات', 'ऑर्डर', 'बिक्री', 'bikri', 'đơn', 'doanh số', 'lượt đặt'],
  ['订单', '销量', '预约', '注文', '売上', '予約', '受注'],
);

/** The service about to be cut off. */
export const SERVICE_STOP = signal(
  ['suspend', 'cut off', 'shut (?:off|down)', 'deactivat', 'disabled', 'lose (?:the )?(?:service|access|account)', 'suspen', 'cortad', 'cortar', 'coupé', 'couper',
    'gesperrt', 'sperr', 'deaktiv', 'abgeschaltet', 'отключ', 'заблокир', 'замороз', 'ستتوقف', 'إيقاف', 'يوقف', 'سيتوقف', 'बंद हो', 'band ho', 'tạm ngưng', 'khóa', 'ngừng', 'dừng',
    'will (?:be )?(?:suspended|closed|deactivated|shut)', 'read-only', 'read only', 'restricted', 'solo lectura', 'somente leitura', 'lecture seule', 'schreibgeschützt', 'eingeschränkt', 'только (?:для )?чтени', 'ограничен', 'desactiv', 'désactiv', 'приостанов', 'تعليق', 'يتوقف',
    'clos(?:e|ed|ing) (?:my |our |the )?(?:account|access)', '(?:account|access) will be (?:closed|removed|blocked|cut)', 'cerrar(?:án|an)?', 'fechar(?:ão)?', 'bloquear(?:ão)?', 'fermer(?:ont|a)?', 'fermé',
    'geschlossen', 'schließen', 'закро', 'закрыт', 'يقفل', 'ينقفل', 'سيغلق', 'يتقفل', 'إغلاق', 'đóng (?:tài khoản|truy cập)', 'khóa (?:tài khoản|truy cập)',
  ],
  ['停用', '暂停', '冻结', '停止され', '利用停止', '停止', '关停', '停服', '关闭', '封号', '封禁', '閉鎖', '使えなくな', '利用できなくな'],
);

/** The user's own work at a standstill: nothing can be processed or answered. */
export const WORK_STOPPED = signal(
  [
    'completely (?:dead|broken|down|stopped)', "(?:can'?t|cannot|unable to) (?:process|do|use|answer|reply to|respond to|work)[^.!?\\n]{0,12}(?:anything|any|a single|at all)",
    'nothing works', 'not a single', 'no puedo trabajar', 'no puedo hacer nada', 'tengo todo el trabajo', 'não consigo trabalhar', 'não consigo fazer nada',
    'rien ne (?:marche|fonctionne)', "j'ai besoin de mes", 'geht gar nichts', 'nichts geht', 'hängen bei mir', 'ни одному клиенту', 'ничего не работает',
    'ما (?:أقدر|اقدر) أشتغل', 'पूरा काम बंद', 'पेंडिंग', 'कुछ नहीं कर', 'không (?:trả lời|làm)[^.!?\\n]{0,12}được',
      'losing (?:sales|orders|money|customers|revenue)', 'completely blocked', 'can\'?t do (?:my|our) (?:job|work)', 'no workaround', 'no (?:puedo|podemos) (?:trabajar|atender|vender)', 'não conseguimos (?:atender|trabalhar|vender)', 'не можем работать', 'работа стоит',
      "nothing (?:we|i)(?: have|'ve)? (?:tried|try|do) (?:fixes|works|helps)", "(?:we|i)(?: have|'ve)? tried everything", 'ya (?:probé|probamos|intenté) (?:de )?todo', 'nada (?:de lo que|que) (?:hago|hacemos|probamos) funciona', 'já tentei de tudo', 'já tentamos de tudo', "j['’]ai (?:tout essayé|déjà tout essayé)", 'nous avons tout essayé', 'alles (?:schon )?(?:versucht|probiert)', 'перепробовал', 'ничего не помогает', 'جربت كل', 'sab try kar', 'सब ट्राई', 'đã thử (?:hết|mọi cách)',
      "no other way", "there'?s no way (?:to|around)", 'no hay otra (?:forma|manera)', 'não (?:tem|há) outr[oa] (?:forma|jeito|maneira)', "(?:pas|aucun) d['’]autre (?:moyen|solution)", 'keine andere möglichkeit', 'другого способа нет', 'нет другого способа', 'không có cách nào khác', 'कोई और तरीका नहीं', 'koi aur tarika (?:bhi )?nahi', 'कोई और तरीका भी नहीं', 'no alternative', 'não há alternativa', 'no hay (?:otra )?alternativa', "(?:pas|aucune) d['’]alternative", 'keine alternative', 'нет альтернатив', 'không có cách khác',
    // The work done by hand because the product is gone: "running on paper", "back to pen and paper".
    '(?:working|running|writing[^.!?\\n]{0,20}) on paper', 'back to (?:pen and )?paper', 'alles steht', 'всё стоит', 'все стоит', 'todo (?:está )?parado', 'tudo parado', "tout est à l['’]arrêt", 'sab kaam ruk', 'sab ruka', 'mọi thứ đứng',
    'no (?:tengo|tenemos) otra (?:forma|manera)', 'não (?:tenho|temos) outr[oa] (?:forma|jeito|maneira)', 'aucun autre moyen', 'aucune autre solution',
    'другого способа[^.!?\\n]{0,12}нет',
  ],
  ['都试过', '试了各种', '何を試しても', '色々試しても', '什么都做不了', '完全用不了', '何もできな', '仕事になら', '対応できな', '没法工作', '无法工作', '业务停了', '業務が止ま', '没有别的办法', '(?:ほか|他)に[^。！？\\n]{0,15}方法が', '全部停工', '配送が止ま', '業務がストップ'],
);

/**
 * Every way round tried and it still fails: "no matter which browser", "egal ob Chrome oder
 * Edge", "期間を短くしても同じ". With a failure, that is a core feature broken with no
 * workaround (rubric: high); "the web version still works" is a workaround and says none of this.
 */
export const NO_WORKAROUND = signal(
  [
    'no matter (?:what|which|how|whether|if|the)', 'whatever (?:i|we) (?:do|try)', '(?:in|on|with|from) (?:every|all|any|each) (?:of (?:the|our) )?(?:browsers?|devices?|phones?|computers?|laptops?|networks?|machines?)',
    'da igual (?:si|el|la|qué|con|en)', 'no importa (?:si|el|la|qué|con|en)', 'sin importar', 'en (?:todos los|cualquier) (?:navegador|dispositivo|celular|móvil|equipo|ordenador)',
    'não importa (?:se|o|a|qual|com|em)', 'independente(?:mente)? d[oae]', 'em (?:todos os|qualquer) (?:navegador|dispositivo|celular|computador)',
    'peu importe', "quel(?:le)?s? que soi(?:en)?t", "(?:dans|sur) (?:tous les|n['’]importe quel) (?:navigateurs?|appareils?|téléphones?|ordinateurs?|postes?)",
    'egal (?:ob|welche[rsnm]?|mit|in|auf|wie|was)', '(?:in|auf|mit) (?:jedem|allen) (?:browsern?|geräten?|rechnern?|handys?|pcs?)',
    'неважно', 'независимо от', 'в любом браузере', 'во всех браузерах', 'на (?:всех|любом) (?:устройств|компьютер|телефон)', 'что бы (?:я|мы) ни',
    'مهما', 'بغض النظر', 'على (?:كل|أي) (?:المتصفحات|متصفح|الأجهزة|جهاز)', 'chahe', 'चाहे', '(?:kisi bhi|har) (?:browser|device|phone)', '(?:किसी भी|हर) (?:ब्राउज़र|डिवाइस|फ़ोन|फोन)',
    'bất kể', '(?:trên|ở) mọi (?:trình duyệt|thiết bị|máy)', '(?:trình duyệt|thiết bị|máy) nào cũng',
    // No other way to do the work: "sin eso no tengo cómo darlas".
    'no (?:tengo|tenemos) (?:cómo|forma de|manera de)', 'não (?:tenho|temos) como', "(?:je n['’]ai|on n['’]a|nous n['’]avons) aucun moyen", '(?:i|we) have no (?:other )?way to', "(?:i|we) (?:can['’]?t|cannot) (?:do|deliver|send|work) (?:it )?(?:any )?other way",
    // Tried on another device and it fails there too.
    String.raw`(?:tried|tentei|tentamos|probé|probamos|intenté|essayé|versucht|probiert|пробовал|thử)\p{L}*[^.!?
]{0,20}(?:another|other|different|outro|outra|otro|otra|autre|anderen?|друг|khác)[^.!?
]{0,60}(?:too|also|as well|também|tb|también|aussi|auch|тоже|cũng)(?![\p{L}\p{M}])`,
    // Doing it by hand is no way round: "вручную перебивать нереально".
    String.raw`(?:manually|by hand)[^.!?
]{0,40}(?:impossible|not an option|no way|not possible|can['’]?t)`, String.raw`(?:a mano|manualmente)[^.!?
]{0,40}(?:imposible|inviable|impossível|inviável|não dá)`,
    String.raw`à la main[^.!?
]{0,40}(?:impossible|pas possible)`, String.raw`(?:manuell|von hand)[^.!?
]{0,40}(?:unmöglich|nicht machbar|nicht möglich)`, String.raw`вручную[^.!?
]{0,40}(?:нереально|невозможно|не вариант)`,
    'لا (?:توجد|يوجد|في) (?:طريقة|حل) (?:أخرى|ثانية|تاني)', 'ما في (?:طريقة|حل) (?:ثانية|تانية|غير)',
    // Tried elsewhere, the same everywhere.
    'same (?:thing )?everywhere', 'everywhere the same', 'igual en todos (?:lados|lados)', 'igual en todas partes', 'igual em todo (?:lugar|lado)', 'pareil partout', 'überall (?:gleich|dasselbe|das gleiche|das selbe)', 'везде (?:то же|одинаково)', 'chỗ nào cũng (?:vậy|bị)', 'har jagah (?:same|yahi)',
    // Not even the manual way: "not even when I send them one by one", "auch nicht, wenn ich …".
    'not even (?:when|if|after|manually|by hand)', 'ni siquiera (?:cuando|si|a mano|manualmente)', 'nem mesmo (?:quando|se|manualmente)', "même pas (?:quand|en|si|à la main|manuellement)",
    'auch nicht,? wenn', 'auch nicht (?:manuell|von hand|einzeln)', 'даже (?:если|когда|вручную|по одному)', 'तब भी नहीं', 'tab bhi nahi', 'kể cả khi', 'ngay cả khi',
    '(?:dono|sab|har) (?:pe|par|mein) (?:try|check) kiya', 'दोनों पर (?:ट्राई|कोशिश)', String.raw`(?:đã )?thử[^.!?\n]{0,60}(?:cũng vậy|cũng không|cũng thế|vẫn thế)`,
    // The usual ways round tried, and it still fails: "restarted, reinstalled, still the same".
    String.raw`(?:restart|reboot|reinstall|clear|tried|switch|swapp|chang)\p{L}*[^.!?\n]{0,120}(?:still|same|no luck|nothing)`,
    String.raw`(?:reinici|reinstal|borr|prob|cambi)\p{L}*[^.!?\n]{0,80}(?:sigue|igual|nada)`, String.raw`(?:reinici|reinstal|limpei|tentei|troquei)\p{L}*[^.!?\n]{0,80}(?:continua|mesm|nada)`,
    String.raw`(?:redémarr|réinstall|vidé|essayé|changé)\p{L}*[^.!?\n]{0,80}(?:toujours|rien|pareil|même chose)`, String.raw`(?:neu gestartet|neu installiert|geleert|versucht|probiert|gewechselt)[^.!?\n]{0,80}(?:immer noch|weiterhin|nichts|gleich)`,
    String.raw`(?:перезагруж|переустанов|очистил|пробовал|поменял)\p{L}*[^.!?\n]{0,80}(?:вс[её] равно|по-прежнему|ничего|то же)`, String.raw`(?:أعدت|جربت|غيرت|عملت ريستارت|سويت)[^.!?\n]{0,80}(?:لسا|لسه|بعده|نفس|ما في فايدة|بدون فايدة)`,
    String.raw`(?:restart|reinstall|try|badal)\p{L}*[^.!?\n]{0,80}(?:phir bhi|fir bhi|abhi bhi|still)`, String.raw`(?:रीस्टार्ट|दोबारा इंस्टॉल|बदल)[^।.!?\n]{0,80}(?:फिर भी|अभी भी)`,
    String.raw`(?:khởi động lại|cài lại|thử|đổi)[^.!?\n]{0,80}(?:vẫn không|vẫn vậy|vẫn bị|vẫn lỗi)`,
  ],
  ['不管', '无论', '(?:换|清|试|重启|重装)(?:过|了)[^。！？]{0,30}(?:都|也|还是)(?:一样|不行|没用)', '(?:没有|没)(?:别的|其他)(?:办法|方法)', '(?:手动|一个一个)[^。！？]{0,10}也(?:不|没|发不)', '(?:手動|1件ずつ|一件ずつ)[^。！？]{0,10}でも(?:同じ|ダメ|駄目|でき)', '(?:重启|重装|清(?:了|除)?缓存|试了|换了)[^。！？]{0,30}(?:还是|仍然|依然)[^。！？]{0,4}(?:不|没|一样|报错|失败)', '(?:再起動|再インストール|キャッシュ|試し)[^。！？]{0,30}(?:変わらな|同じ|ダメ|駄目|直らな)', '换了[^。！？]{0,12}(?:浏览器|电脑|手机|设备|网络)[^。！？]{0,6}(?:也|还是)', '(?:所有|每个|哪个)浏览器', '(?:ても|でも)同じ', '(?:どの|別の)(?:ブラウザ|端末|パソコン|PC|スマホ)(?:で)?も'],
);

/** Not able to do it at all: "can't get to the timesheets at all", "kann gar nicht mehr drucken" (rubric: fully blocked). */
export const NOT_AT_ALL = signal(
  [
    String.raw`(?:can['’]?t|cannot|unable to|couldn['’]?t)[^.!?\n]{0,40}(?:at all|whatsoever)`, String.raw`no (?:puedo|podemos|se puede)[^.!?\n]{0,40}(?:para nada|de ninguna (?:forma|manera))`,
    String.raw`não (?:consigo|conseguimos|dá)[^.!?\n]{0,40}(?:de jeito nenhum|de forma nenhuma|de modo algum)`, String.raw`(?:ne|n['’])(?:peux|pouvons|arrive|arrivons)[^.!?\n]{0,10} (?:pas|plus)[^.!?\n]{0,40}du tout`,
    String.raw`(?:kann|können|konnte)[^.!?\n]{0,40}(?:gar|überhaupt) (?:nicht|keine)`, String.raw`(?:вообще|совсем) не (?:мог|може|работа|получа|откры|загруж)`, 'نهائيا', 'أبدا', 'bilkul (?:nahi|bhi nahi)', 'बिल्कुल (?:नहीं|भी नहीं)', String.raw`hoàn toàn không`,
  ],
  ['完全(?:无法|不能|用不了|打不开|进不去)', '根本(?:无法|不能|用不了|打不开|进不去)', '(?:まったく|全く|全然)[^。！？]{0,10}(?:できない|使えない|開けない|入れない)'],
);

/** The service itself down: the subject is the whole product, so everyone is affected without saying "all". */
export const SERVICE_DOWN = signal(
  [
    "(?:site|website|app|service|platform|api|server|servers|dashboard|widget|system|everything|checkout|chat)(?:['’]s| is| are| went| has gone| seems| has been| looks)? (?:completely |totally |still )?(?:down|offline|unreachable)(?![\\p{L}])",
    // A server error from the product itself: a 5xx comes before any one user's data is looked at.
    String.raw`(?:site|website|store|shop|app|checkout|api|dashboard|portal|server|boutique|tienda|sitio|loja|aplicativo|aplicación|caisse|plateforme|plataforma|webshop|сайт|магазин|приложени\p{L}*|الموقع|المتجر|التطبيق|साइट|ऐप|trang web|cửa hàng|ứng dụng)(?:['’]s)?[^.!?\n]{0,30}?(?:(?:error|erro|erreur|fehler|ошибк\p{L}*|خطأ|lỗi|एरर|http|code|status|(?:return|throw|giv|gett)(?:s|ing)?(?: an?| the)?)[ :-]*5\d\d(?![\d\p{L}])|5\d\d (?:error|erro|erreur|fehler)|internal server error|bad gateway|service unavailable|gateway time-?out)`,
    'outage', 'se cayó', 'está caído', 'fora do ar', 'en panne', 'hors service', 'ausgefallen', 'ausfall', 'server (?:ist )?down', 'лежит', 'سيرفر واقف', 'الموقع واقف', 'साइट डाउन', 'site down', 'sập',
  ],
  ['宕机', '挂了', '崩了', '瘫痪', '服务中断', 'サーバーダウン', 'システム障害', '障害が発生', '(?:网站|店铺|商城|系统|サイト|ストア|アプリ|システム)[^。！？\\n]{0,20}?(?:错误|エラー|报错|HTTP)[ :：-]*5\\d\\d(?!\\d)'],
);

// "No one can tell me why", "nadie me sabe explicar": a complaint about the answers, not an outage.
const ANSWERS = String.raw`(?!(?: \S+)? (?:tell|explain|answer|help|say|give|reach|figure|find|seem|decir|explicar|ayudar|responder|dizer|ajudar|expliquer|aider|dire|répondre|erklären|helfen|sagen|antworten|объяснить|помочь|сказать|ответить)(?![\p{L}\p{M}]))`;
const CLAUSE = String.raw`(?:[^.!?,;\n]|(?<=\d)[.,](?=\d)){0,40}?`;

/**
 * Nobody able to do what the product is for: "none of our customers can check out", "nadie
 * puede marcar entregas". The negative scope and the verb of ability say together what
 * a failure word would: it fails for everyone. Both in one clause (no comma between), and
 * not a question to us ("nobody knows, can you check?").
 */
export const NOBODY_ABLE = signal(
  [
    String.raw`(?:no ?one|nobody|none|not one of|not a single)${CLAUSE}(?:can|could|is able|are able|ha(?:ve|s) been able|manages?|receives?|gets?|sees?)(?![\p{L}\p{M}])(?! (?:you|u|we|i)(?![\p{L}\p{M}]))${ANSWERS}`,
    `(?:nadie|ningun[oa]|ningún)${CLAUSE}(?:puede|pueden|ha podido|han podido|pudo|pudieron|consigue|consiguen|logra|logró|recibe|reciben|ve|ven)(?![\\p{L}\\p{M}])${ANSWERS}`,
    `(?:ninguém|nenhum)${CLAUSE}(?:pode|podem|consegue|conseguem|recebe|recebem|vê|veem)(?![\\p{L}\\p{M}])${ANSWERS}`,
    `personne (?:ne |n['’])(?:peut|arrive|parvient|reçoit|voit)${ANSWERS}`,
    `aucun${CLAUSE}(?:ne |n['’])?(?:peut|peuvent|arrive|arrivent|parvient|réussit|est capable|sont capables|reçoi|voi)${ANSWERS}`,
    `niemand${CLAUSE}(?:kann|schafft|bekommt|erhält|sieht)${ANSWERS}`,
    `keine?r? (?:unserer|meiner|der|von)${CLAUSE}(?:kann|können|bekommt|erhält|sieht|kommt)${ANSWERS}`,
    `(?:kann|ko|können|konnte|sieht|sehen|bekommt|bekommen|kommt|kommen) (?:kein|keine|keiner|niemand|koana|koaner|neamd)(?![\p{L}\p{M}])${ANSWERS}`, `kein(?:e|er)? (?:einzige[rn]? )?(?:kunde|kundin|nutzer|benutzer|mitarbeiter|besucher|patient)${CLAUSE}(?:kann|kommt|bekommt|sieht)`,
    `ولا (?:عميل|زبون|واحد|أحد|موظف)${CLAUSE}(?:قادر|يقدر|يستطيع)`,
    `bei keinem${CLAUSE}(?:geht|funktioniert|klappt|lädt)`, `(?:geht|funktioniert|klappt|lädt)${CLAUSE}bei keinem`,
    `không (?:khách|người|ai|user)[^.!?,;\\n]{0,20}nào${CLAUSE}được`,
    String.raw`(?:никто|ни один|ни одна)${CLAUSE}(?:може|смог|получа|вид)\p{L}*${ANSWERS}`,
    `không ai${CLAUSE}(?:được|thể)`, `कोई भी${CLAUSE}नहीं`, `koi bhi${CLAUSE}nahi`,
    `لا أحد${CLAUSE}(?:يقدر|يستطيع|يمكن)`, `ما حدا${CLAUSE}(?:قادر|يقدر)`, `محد${CLAUSE}(?:يقدر|قادر)`,
  ],
  ['(?:誰も|誰一人)[^。！？\\n]{0,30}?(?:でき|られ|ません|ない|へん|ひん)', '没有人能', '没人能', '谁都(?:不能|没法|无法|进不)', '一个都(?:不能|没法|进不|用不)'],
);

/**
 * Nothing coming in that normally does: "zero orders since 9", "ni un solo pedido", "ни одного
 * заказа". A customer's own customers all failing, said by its effect on the business.
 */
export const NO_BUSINESS = signal(
  [
    String.raw`(?:zero|0|no|not (?:a )?single|not one)(?: new)? (?:orders?|sales?|bookings?|payments?|sign-?ups?|appointments?|transactions?|purchases?)(?![\p{L}\p{M}])`,
    'ni (?:un solo|una sola|un|una) (?:pedido|venta|reserva|pago|cita|compra|transacción)', '(?:cero|0) (?:pedidos|ventas|reservas|pagos)',
    'nenhum (?:pedido|pagamento|agendamento)', 'nenhuma (?:venda|reserva|compra)', 'nem (?:um|uma) (?:pedido|venda|reserva|compra)', '(?:zero|0) (?:pedidos|vendas|reservas|pagamentos)',
    'aucune? (?:commande|vente|réservation|paiement|inscription)', 'pas une? seule? (?:commande|vente|réservation)', '(?:zéro|0) (?:commande|vente|réservation)',
    'keine (?:einzige )?(?:bestellung|buchung|zahlung)', 'keine (?:bestellungen|buchungen|zahlungen|verkäufe)', '(?:null|0) (?:bestellungen|buchungen)',
    'ни одного (?:заказа|платежа|бронирования|покупателя)', 'ни одной (?:заявки|продажи|оплаты|записи|брони|покупки)', '(?:ноль|0) (?:заказов|продаж)',
    'ولا (?:طلب|حجز|دفعة|عملية)', 'صفر (?:طلبات|مبيعات)', 'ek bhi (?:order|sale|booking|payment)', 'एक भी (?:ऑर्डर|बुकिंग|पेमेंट|सेल)',
    'không có (?:một )?(?:đơn|đơn hàng|giao dịch|lượt đặt) nào', 'chưa có (?:một )?đơn nào', '0 đơn',
    'every (?:single )?(?:payment|order|checkout|booking|transaction)',
    // "0 of 84 attempts", "0 sur 96 transactions", "٠ من ٨٤": none of the attempts went through.
    String.raw`(?<![\d.,])0 (?:of|out of|من|sur|de|von|из|trên|में से) ?\d+ (?:payments?|transactions?|orders?|bookings?|attempts?|checkouts?|sales|محاولة|محاولات|عملية|عمليات|طلب|paiements?|commandes?|réservations?|pagos|pedidos|reservas|pagamentos|vendas|compras|zahlungen|bestellungen|buchungen|versuche\p{L}*|платеж\p{L}*|заказ\p{L}*|попыт\p{L}*|giao dịch|đơn|lượt)`, 'ningún (?:pedido|pago|cobro)', 'ninguna (?:venta|reserva|compra)',
  ],
  ['一个订单都没', '一单都没', '零订单', '没有一个订单', '一笔(?:订单|交易|付款)都没', '(?:注文|予約|決済)が?(?:[0０]件|[1１一]件も)', '売上が?ゼロ'],
);

/** Set against what normally happens, or dated from a moment: "normally 40 an hour", "since 9am". */
export const USUAL_OR_SINCE = signal(
  [
    'normally', 'usually', 'normalmente', 'por lo general', "d['’]habitude", 'normalement', 'normalerweise', 'sonst', 'обычно', 'عادة', 'عادةً', 'आमतौर', 'thường',
    String.raw`since (?:\d|this morning|the (?:update|release|deploy))`, String.raw`desde (?:las? \d|esta mañana|hoy|la actualización|a atualização|as? \d|cedo|hoje)`,
    String.raw`depuis (?:\d|ce matin|la mise à jour)`, String.raw`seit (?:\d|heute|dem update)`, String.raw`с \d`, 'с утра', 'после обновления',
    'منذ الساعة', 'من الصبح', 'من الساعة', 'بعد التحديث', String.raw`\d+ baje se`, 'subah se', 'सुबह से', 'update ke baad', String.raw`từ (?:\d|sáng)`,
    'since (?:noon|midday|lunch|this afternoon)', 'desde el mediodía', 'depuis midi', 'seit mittag', 'с обеда',
  ],
  ['平时', '通常', '平常', '从[^，。！？\\n]{0,6}(?:点|早上|上午|今天)', '(?:点|早上|上午)(?:开始|以来)', '更新后', '(?:時|朝|午前|午後)から', 'アップデート後', '普段', 'いつも'],
);

/**
 * Someone else's data in front of the wrong people: another customer's orders, names,
 * addresses. A leak of personal data is a security incident (rubric: urgent).
 */
export const OTHERS_DATA = signal(
  [
    "some(?:one|body) else['’]s", "other (?:customers|people|users|clients|patients|companies|members)(?:['’]s?)?(?![\\p{L}\\p{M}])", "another (?:customer|person|user|client|company|patient|member)['’]s",
    "strangers['’]", 'wrong (?:customers?|clients?|persons?|people|recipients?|companies|company|e-?mail address(?:es)?)',
    'de otr[oa]s? (?:clientes?|personas?|usuarios?|empresas?|pacientes?)', 'ajen[oa]s',
    'de outr[oa]s? (?:clientes?|pessoas?|usuários?|empresas?|pacientes?)', "d['’]autres (?:clients|personnes|utilisateurs|sociétés|patients)", "d['’]une? autre (?:client|utilisateur|personne|société|patient)",
    'anderer (?:kunden|personen|nutzer|firmen|patienten)', 'fremde[nr]? (?:bestellungen|daten|rechnungen|adressen|kunden)',
    'чуж', 'друг(?:ого|ой|их) (?:человек|люд|клиент|пользовател|покупател|компани|пациент)',
    'عملاء (?:ثانيين|آخرين|اخرين)', 'ناس (?:ثانية|غريبة)', 'أشخاص (?:آخرين|اخرين)', 'غيرهم', 'غيري(?![\\p{L}\\p{M}])',
    'dusr?e (?:logon|logo|log|customers?|clients?|users?)', 'दूसरे (?:लोगों|ग्राहकों|यूज़र्स|कस्टमर)', 'kisi aur (?:ka|ke|ki)', 'किसी और (?:का|की|के)',
    'của (?:một )?người khác', 'của khách (?:hàng )?khác',
  ],
  ['别人的', '他人的', '其他(?:客户|用户|人|顾客)的', '别的(?:客户|用户|顾客)', '他人の', '他の(?:方|お客様|ユーザー|顧客|人)', '別の(?:お客様|人|方|ユーザー)'],
);

/** What identifies a person or a business: names, addresses, phones, invoices, details. */
export const PERSONAL = signal(
  [
    'names?(?![\\p{L}\\p{M}])', 'address(?:es)?', 'phone', 'e-?mails?', 'details', 'invoices?', 'bank', 'card', 'information', 'info(?![\\p{L}\\p{M}])', 'receipts?', 'confirmations?', 'profiles?',
    'nombres?', 'direcci', 'teléfono', 'correos?', 'facturas?', 'nomes?', 'endereço', 'telefone', 'faturas?', 'perfis', 'perfil',
    'nom(?![\\p{L}\\p{M}])', 'adresses?', 'téléphone', 'factures?', 'coordonnées', 'telefon', 'rechnung', 'namen',
    'им(?:я|ен)', 'адрес', 'телефон', 'сч[её]т', 'письм', 'فواتير', 'فاتورة', 'اسم', 'أسماء', 'عنوان', 'عناوين', 'رقم', 'ايميل',
    'naam', 'नाम', 'पता', 'फ़ोन', 'फोन', 'tên', 'địa chỉ', 'số điện thoại', 'thông tin', 'hóa đơn', 'email',
  ],
  ['姓名', '名字', '地址', '电话', '手机号', '信息', '发票', '邮件', '氏名', '名前', '住所', '電話', '情報', '請求書', 'メール'],
);

/** Asking how to do something, or wishing for it: not a report of what is happening. */
export const ASKING = signal(
  [
    'how (?:do|can|to|would)', 'can (?:i|we|you)(?![\\p{L}\\p{M}])', 'is (?:it|there) (?:possible|a way)', 'be able to', "(?:i|we)(?:['’]d| would) like", 'wants? to', 'wish',
    '(?<!(?:tengo|tenemos|tienen|tiene) )cómo', '(?<!no )se puede', 'quiero', 'quisiera', 'como (?:posso|faço|podemos)', 'quero', 'gostaria', 'comment', 'peut-on', 'je voudrais', 'nous voudrions',
    'wie (?:kann|können)', 'kann man', 'möchte', 'как (?:можно|сделать)', 'можно ли', 'хочу', 'хотим', 'كيف', 'أبغى', 'ابغى', 'أريد', 'kaise', 'कैसे', 'chahte', 'chahiye', 'चाहिए',
    'làm sao', 'làm thế nào', 'muốn',
  ],
  ['怎么', '如何', '能不能', '可以吗', '想要', 'どうやって', 'したい', 'できますか'],
);

/** A leak named as one: these alone are evidence. */
export const LEAK = signal(
  [
    '(?:data|customer|personal|client)[^.!?\\n]{0,20}(?:leak|breach)', String.raw`leak(?:ed|ing)(?![\p{L}\p{M}])`, 'fuga de (?:datos|información)', 'vazamento de dados', 'vaz(?:ou|aram)',
    'fuite de données', 'datenleck', 'datenpanne', 'утечк', 'утекл', 'تسريب', 'تسربت', 'लीक', 'leak ho', 'rò rỉ', 'lộ (?:thông tin|dữ liệu)',
  ],
  ['泄露', '泄漏', '外泄', '漏洩', '漏えい', '情報流出'],
);

/** Someone who should no longer be inside: a former employee or partner. */
export const FORMER = signal(
  [
    'former (?:employee|staff|colleague|partner|contractor|admin|manager)', 'ex-?(?:employee|colleague|staff|partner)', 'ehemalige[rn]? (?:mitarbeiter|kolleg)', '(?:antiguo|ex) ?empleado', 'ex-?funcionári[oa]', 'antig[oa] funcionári[oa]',
    'ancien(?:ne)? (?:employé|salarié|collègue)', 'бывш\\p{L}* (?:сотрудни|менеджер|админ)', 'موظف سابق', 'purana employee', 'पुराना कर्मचारी', 'nhân viên cũ',
  ],
  ['前员工', '离职员工', '元社員', '元従業員', '退職した'],
);

/** Access to the product or its data: what a former employee must not still have. */
export const ACCESS = signal(
  ['access', 'download', 'export', 'acceso', 'acesso', 'accès', 'zugriff', 'zugang', 'доступ', 'выгруж', 'وصول', 'صلاحي', 'एक्सेस', 'quyền truy cập', 'tải xuống'],
  ['权限', '访问', '下载', 'アクセス', '権限', 'ダウンロード'],
);
