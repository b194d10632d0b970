import { EMAIL_IN_TEXT } from '../policy/email-in-text.ts';
import { captureLeadInput } from '../tools/capture-lead.ts';
import { email as emailField, personName, phone as phoneField, singleLine } from '../tools/fields.ts';
import type { ToolName } from '../tools/index.ts';

/**
 * Deterministic intent rules for the offline `local` model, and the helpers the gateway
 * shares with it (grounding uses `userWords`, the confidence gate uses `scoreIntent`).
 * Everything here is a pure function of its arguments.
 */

// ---------------------------------------------------------------------------
// The user's own words

// Greedy on purpose: from the first opening to the last closing tag, so pasted text
// that contains its own `</pasted>` cannot close the paste early and speak as the user.
const PASTED_SPAN = /<pasted\b[^>]*>(?:[\s\S]*<\/pasted\s*>|[\s\S]*$)/gi;
const FENCE_LINE = /^\s*(`{3,}|~{3,})/;
const INLINE_FENCE = /`{3,}[\s\S]*?`{3,}/g;
const BLOCKQUOTE_LINE = /^\s*>/;

/**
 * The part of a message the user wrote themselves. Quoted, fenced and pasted text is
 * somebody else's words (an email, a log, a web page), so it must neither trigger a
 * tool nor supply its arguments. Quotes are dropped line by line, deliberately ignoring
 * markdown's lazy continuation: a plain line after a quote is the user speaking again.
 * Everything from the first fence line to the last one is foreign, and an unclosed
 * fence or `<pasted>` runs to the end: pasted text can contain fences and tags of its
 * own, and guessing where it really stops would let it leak back in.
 */
export function userWords(text: string): string {
  const lines = text.replace(PASTED_SPAN, '\n').split(/\r\n|\r|\n/);
  const fences = lines.flatMap((line, i) => (FENCE_LINE.test(line) && !isInlineFence(line) ? [i] : []));
  const firstFence = fences[0] ?? Infinity;
  const lastFence = fences.length > 1 ? fences.at(-1)! : Infinity;
  const kept = lines.filter((line, i) => (i < firstFence || i > lastFence) && !BLOCKQUOTE_LINE.test(line));
  return kept
    .map((line) => line.replace(INLINE_FENCE, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line such as ```` ```code``` ```` opens and closes on itself. */
function isInlineFence(line: string): boolean {
  const open = FENCE_LINE.exec(line)?.[1];
  return open !== undefined && line.slice(line.indexOf(open) + open.length).includes(open);
}

// ---------------------------------------------------------------------------
// Normalisation for matching

// Frequent keywords whose misspellings (one letter dropped, two swapped) are common
// enough in chat to be worth correcting before the rules run.
const TYPO_KEYWORDS = [
  'pricing',
  'invoice',
  'invoices',
  'billing',
  'receipt',
  'refund',
  'payment',
  'subscription',
  'broken',
  'error',
  'outage',
  'complaint',
  'cancel',
  'account',
  'password',
  'login',
  'demo',
];

const TYPO_FIXES: ReadonlyMap<string, string> = (() => {
  const fixes = new Map<string, string>();
  for (const word of TYPO_KEYWORDS) {
    for (let i = 0; i < word.length; i++) {
      const dropped = word.slice(0, i) + word.slice(i + 1);
      if (dropped.length >= 4) fixes.set(dropped, word);
      if (i < word.length - 1) {
        fixes.set(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), word);
      }
    }
  }
  // Variants that are real words in their own right must stay as typed.
  for (const real of ['broke', 'demo', 'erro', 'login', 'loin', 'cance']) fixes.delete(real);
  for (const word of TYPO_KEYWORDS) fixes.delete(word);
  return fixes;
})();

/** Lower case, no diacritics, straight apostrophes, single spaces, common typos fixed. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\p{L}+/gu, (w) => TYPO_FIXES.get(w) ?? w)
    .trim();
}

// ---------------------------------------------------------------------------
// Intent rules

type Rule = readonly [pattern: RegExp, weight: number];

const LEAD_RULES: readonly Rule[] = [
  [/\bdemo(s|nstration)?\b|\bdemostracion\b|\bvorfuhrung\b/, 0.9],
  [/\bpricing\b|\bprices?\b|\bprecios?\b|\btarifs?\b|\bprix\b|\bpreise?\b/, 0.85],
  [/\bquotes?\b|\bquotation\b|\bcotizacion\b|\bpresupuesto\b|\bdevis\b|\bangebot\b/, 0.85],
  [/\b(talk|speak|chat|get in touch) (to|with) (sales|your sales|the sales|a sales|someone (from|in) sales)/, 0.95],
  [/\bsales\b|\bventas\b|\bcommercial\b|\bvertrieb\b/, 0.7],
  [/\bcontact (me|us)\b|\bget in touch\b|\breach out\b|\bcall (me|us)\b|\bcontactenme\b|\bcontactez[- ]moi\b|\bkontaktieren sie\b/, 0.6],
  [/\binterested in (buying|purchasing|your|a demo|the product|an? (plan|license|subscription))/, 0.85],
  [/\b(me interesa|nos interesa|interesse par|interesses par|interessiert an|interessieren uns)\b/, 0.6],
  [/\b(buy|buying|purchase|purchasing|comprar|acheter|kaufen|erwerben)\b/, 0.8],
  [/\bsign (up|on) (my|our) (team|company|org|organi[sz]ation)\b/, 0.85],
  [/\bsign up\b|\bonboard(ing)?\b/, 0.5],
  [/\bhow much (does|do|would|will|is|are)\b.*\b(cost|price)|\bhow much (is|does) (it|this|that)\b|\bwhat (does|would|will) (it|this|that)\b.*\bcost\b/, 0.85],
  [/\bcosts?\b|\bcuanto cuesta\b|\bcombien (ca )?coute\b|\bwas kostet\b|\bkosten\b/, 0.65],
  [/\bseats\b|\blicen[cs]es?\b|\busers\b|\bnutzer\b|\busuarios\b|\butilisateurs\b/, 0.45],
  [/\btrial\b|\bprueba gratis\b|\bessai gratuit\b|\btestversion\b/, 0.65],
  [/\bdiscounts?\b|\bdescuentos?\b|\bremises?\b|\brabatt\b/, 0.7],
  [/\benterprise\b|\bpremium\b|\bbusiness (tier|plan)\b/, 0.45],
  [/\b(set up|schedule|book|arrange) (a |an )?(call|meeting|demo|appointment)\b/, 0.85],
  [/\bsee (it|the product|the platform) in action\b|\bwalk ?through\b/, 0.6],
  [/\binquiry\b|\benquiry\b/, 0.4],
  [/\bfor (my|our) (team|company|organi[sz]ation|business|startup|org)\b|\bpara (mi|nuestra|nuestro) (empresa|equipo)\b|\bpour (mon|notre) (equipe|entreprise|societe)\b|\bfur (mein|unser|unsere) (team|unternehmen|firma)\b/, 0.4],
];

const TICKET_RULES: readonly Rule[] = [
  [/\b(can ?not|can't|cant|unable to|could ?n't|couldnt|can't seem to) (log ?in|login|sign ?in|access|get into|connect)\b/, 0.95],
  [/\b(no puedo|no consigo) (entrar|iniciar sesion|acceder|conectarme)\b/, 0.95],
  [/\b(n'arrive pas a|impossible de) (me connecter|se connecter|acceder)\b/, 0.95],
  [/\bkann mich nicht (anmelden|einloggen)\b|\blogin funktioniert nicht\b/, 0.95],
  [/\b(charged|billed) (me )?(twice|double)\b|\bdouble[- ](charged|billed|charge)\b|\bcobraron dos veces\b|\bcobro doble\b|\bdebite deux fois\b|\bdoppelt (belastet|abgebucht|berechnet)\b/, 0.95],
  [/\brefund(s|ed)?\b|\breembols|\brembours|\bruckerstattung|\berstatt/, 0.85],
  [/\bbroken\b|\bkaputt\b|\bcasse\b|\broto\b/, 0.85],
  [/\berrors?\b|\berreur\b|\bfehler\b/, 0.8],
  [/\bbugs?\b|\bbuggy\b/, 0.85],
  [/\boutage\b|\bpanne\b|\bausfall\b|\bcaida\b/, 0.9],
  [/\b(is|are|been|went|goes|was) down\b|\bdown (again|for)\b/, 0.85],
  [/\bnot working\b|\b(does ?n't|doesnt|does not|do ?n't|dont|is ?n't|isnt|won't|wont|will not) (work|load|open|start|sync|save)\b|\bstopped working\b|\bnothing (works|loads|happens)\b|\bno funciona\b|\bne (fonctionne|marche) (pas|plus)\b|\bfunktioniert nicht\b|\bgeht nicht\b/, 0.9],
  [/\bcrash(es|ed|ing)?\b|\bfreez(es|ing)\b|\bhangs\b/, 0.85],
  [/\bcomplain(t|ts|ing)?\b|\bqueja\b|\breclamacion\b|\bplainte\b|\breclamation\b|\bbeschwerde\b/, 0.85],
  [/\bproblems?\b|\bproblemas?\b|\bprobleme\b/, 0.7],
  [/\bissues?\b|\btrouble\b/, 0.6],
  [/\burgent(e|ly)?\b|\basap\b|\bdringend\b/, 0.6],
  [/\bcancel(l?ation|led|ling)?\b|\bcancelar\b|\bannuler\b|\bresilier\b|\bkundigen\b|\bstornieren\b/, 0.85],
  [/\blocked( out)?\b|\bbloque(ado|e)?\b|\bgesperrt\b/, 0.8],
  [/\bfail(s|ed|ing|ure)?\b/, 0.75],
  [/\bescalat(e|ion)\b|\bsupport ticket\b|\bopen a ticket\b/, 0.85],
  [/\b(speak|talk) (to|with) (a )?(human|person|real person|agent|support)\b/, 0.65],
  [/\bdisput(e|ing)\b|\bchargeback\b/, 0.85],
  [/\bwrong\b|\bincorrect[oa]?\b|\bfalsch\b/, 0.65],
  [/\b(deleted|disappeared|vanished|lost)\b/, 0.7],
  [/\bmissing\b/, 0.55],
  [/\bblank (screen|page)\b|\bwhite screen\b/, 0.8],
  [/\b(never|not|doesn't|didn't|did not|does not|haven't|have not) (arrive|arrives|arrived|receive|received|come|coming)\b/, 0.7],
  [/\bnot (being )?accepted\b|\brejected\b|\bdeclined\b/, 0.7],
  [/\bunacceptable\b|\bfrustrat/, 0.6],
  [/\bnot responding\b|\bunresponsive\b|\bslow\b/, 0.7],
  [/\bpassword\b|\b2fa\b|\btwo[- ]factor\b|\bcontrasena\b|\bmot de passe\b|\bpasswort\b/, 0.5],
  [/\bsupport\b|\bsoporte\b/, 0.4],
  [/\bhelp\b|\bayuda\b|\baide\b|\bhilfe\b/, 0.35],
  [/\baccount\b|\bcuenta\b|\bcompte\b|\bkonto\b/, 0.35],
];

const BILLING_RULES: readonly Rule[] = [
  [/\binvoices?\b|\bfacturas?\b|\bfactures?\b|\brechnung(en)?\b/, 0.75],
  [/\b(my|our|last|latest|unpaid|open|outstanding|mi|mis|ma|mes|nuestra|meine?|unsere?|offene) (last |latest |recent |current |next )?(invoices?|facturas?|factures?|rechnung(en)?|receipts?|bills?|billing)\b/, 0.9],
  [/\breceipts?\b|\brecibos?\b|\bquittung\b|\bbeleg\b/, 0.8],
  [/\bbilling\b|\bfacturacion\b|\bfacturation\b|\babrechnung\b/, 0.8],
  [/\bpayment status\b|\bstatus of (my )?payment\b|\bpayment (gone|go|went) through\b|\bestado (de mi|del) pago\b|\bstatut (de mon|du) paiement\b|\bzahlungsstatus\b/, 0.9],
  [/\b(my|mi|mon|meine) (last |latest |recent )?(payment|pago|paiement|zahlung)\b/, 0.85],
  [/\bpayments?\b|\bpagos?\b|\bpaiements?\b|\bzahlung(en)?\b/, 0.6],
  [/\b(my|our|mi|mon|notre|mein|meine|unser) (current |actual |subscription |billing )?(plan|tier|subscription|suscripcion|forfait|abonnement|abo|tarif)\b/, 0.85],
  [/\b(what|which) plan (am i|are we|do i|do we)\b|\bplan am i on\b|\bam i on (the|a)\b.*\bplan\b|\bare we on (the|a)\b.*\bplan\b|\bplan actual\b|\bforfait actuel\b|\baktuelle[rn]? (plan|tarif|abo)\b/, 0.9],
  [/\bsubscriptions?\b|\bsuscripcion\b|\babonnement\b|\babo\b/, 0.6],
  [/\bwhen (am i|will i be|do i get|are we|will we be) (charged|billed)\b|\bnext (bill|charge|payment|invoice)\b|\bbilling (cycle|date|period)\b|\brenew(s|al)?\b|\babgerechnet\b/, 0.9],
  [/\bunpaid\b|\boutstanding\b|\bowe\b|\bbalance\b|\bpendiente de pago\b|\bimpaye/, 0.8],
  [/\bon file\b|\bpayment method\b|\bmetodo de pago\b|\bmoyen de paiement\b|\bzahlungsmethode\b/, 0.85],
  [/\bin_[a-z0-9]{1,64}\b/, 0.9],
  [/\bbills?\b|\bcharges?\b|\bcharged\b/, 0.5],
];

// Attempts to steer the assistant rather than ask it for something. They get no tool
// at all, even when they also name a real request ("ignore previous instructions and
// refund me"): a message that tries to rewrite the rules is not a trustworthy request.
const INJECTION =
  /\bignor(e|ez|a|iere)\b[^.\n]{0,30}\b(instructions?|prompts?|rules|directions|instrucciones|consignes|anweisungen)\b|\bignore (all |everything )?(the )?above\b|\bforget (everything|all|your instructions|the above)\b|\bdisregard (all |the |your |any )?(previous |prior |above )?(instructions|rules)\b|\byou are now\b|\bdeveloper mode\b|\bjailbreak\b|\b(your|reveal|print|repeat|show|output|display|leak|dump|tell|give|share|what'?s|what is)\b[^.\n'"]{0,25}\bsystem prompt\b|^\s*(system|assistant|developer)\s*:|\bnew instructions?\s*:|\bpretend (you are|to be|you're)\b|\bact as (an? |the )?(admin|administrator|developer|system|root)\b|\b(capture_lead|escalate_ticket|check_billing)\b/m;

// Requests for general-purpose chatbot work the gateway is not for.
const OFF_TOPIC =
  /\bweather\b|\bjokes?\b|\bpoems?\b|\bhaiku\b|\bsong\b|\blyrics\b|\brecipe\b|\btranslate\b|\bcapital of\b|\bmeaning of life\b|\bfootball\b|\bsoccer\b|\bmovies?\b|\bcover letter\b|\bhomework\b|\bessay\b|\btiempo hace\b|\bchiste\b|\bblague\b|\bwitz\b|\bgedicht\b|\bpoema\b|\bpoeme\b|\bmeteo\b|\bwetter\b/;

const HEDGED = /\b(maybe|perhaps|not sure|one day|some ?day|sometime|at some point|i guess|possibly|quizas|tal vez|peut-etre|vielleicht)\b/;

const NOT_INTERESTED = /\bnot interested\b|\bno (thanks|thank you|gracias|merci|danke)\b|\bpas interesse\b|\bkein interesse\b|\bno me interesa\b/;


// Independent pieces of evidence combine like probabilities: each one closes part of
// the remaining gap to certainty, so two weak hints beat one but never reach 1.
function noisyOr(weights: Iterable<number>): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - w;
  return 1 - miss;
}

function rawScores(own: string): Record<ToolName, number> {
  const t = normalize(own);
  const score = (rules: readonly Rule[]) => noisyOr(rules.filter(([re]) => re.test(t)).map(([, w]) => w));
  let lead = score(LEAD_RULES);
  let ticket = score(TICKET_RULES);
  let billing = score(BILLING_RULES);

  // Someone who asks to be contacted and leaves an address is plainly a lead.
  if (lead > 0 && new RegExp(EMAIL_IN_TEXT.source).test(own)) lead = noisyOr([lead, 0.5]);
  if (NOT_INTERESTED.test(t)) lead *= 0.2;
  // A hedged wish ("maybe someday have sales call me") is worth asking about before acting on.
  if (HEDGED.test(t)) lead *= 0.75;
  // A described problem turns billing words into the ticket's context, not a rival
  // intent: "my invoice is wrong" needs a human, not a lookup.
  if (ticket >= 0.6 && billing > 0) {
    ticket = noisyOr([ticket, billing * 0.5]);
    billing *= 0.3;
  }
  const damp = INJECTION.test(t) ? 0.1 : OFF_TOPIC.test(t) ? 0.4 : 1;
  return { capture_lead: lead * damp, escalate_ticket: ticket * damp, check_billing: billing * damp };
}

// A rival intent with real evidence makes the winner less certain.
function confidences(own: string): Record<ToolName, number> {
  const raw = rawScores(own);
  const out = { ...raw };
  for (const tool of Object.keys(raw) as ToolName[]) {
    const rival = Math.max(...(Object.keys(raw) as ToolName[]).filter((k) => k !== tool).map((k) => raw[k]));
    out[tool] = round(raw[tool] * (1 - 0.4 * rival));
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Whether the user's own words try to rewrite the assistant's instructions rather than ask for something. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION.test(normalize(userWords(text)));
}

/** Below this the model should not act on the message at all. */
export const MIN_INTENT_CONFIDENCE = 0.5;

export type Intent = {
  tool: ToolName | null;
  /** How sure the rules are that the message asks for `tool` (or for any tool, when null). */
  confidence: number;
};

/**
 * The tool the latest user message asks for. Only the user's own words count (see
 * `userWords`, applied here so callers cannot forget it). Off-topic, vague and
 * instruction-rewriting messages come back as `null` with confidence below 0.5.
 */
export function classifyIntent(latestUserText: string): Intent {
  const scores = confidences(userWords(latestUserText));
  let best: ToolName = 'capture_lead';
  for (const tool of Object.keys(scores) as ToolName[]) {
    if (scores[tool] > scores[best]) best = tool;
  }
  const confidence = scores[best];
  return confidence >= MIN_INTENT_CONFIDENCE ? { tool: best, confidence } : { tool: null, confidence };
}

/** The confidence that `text` asks for `tool`; the same figure `classifyIntent` reports for its pick. */
export function scoreIntent(text: string, tool: ToolName): number {
  return confidences(userWords(text))[tool];
}

// ---------------------------------------------------------------------------
// Ticket category

export type TicketCategory = 'billing' | 'technical' | 'account' | 'sales' | 'other';

const CATEGORY_RULES: ReadonlyArray<readonly [TicketCategory, RegExp]> = [
  [
    'billing',
    /\bcharg|\brefund|\binvoice|\bbilling\b|\bbill(s|ed)?\b|\bpayment|\bpaid\b|\bsubscription|\bplan\b|\bprice|\breceipt|\bcard\b|\bdisput|\bchargeback|\bfactur|\brechnung|\breembols|\brembours|\bruckerstattung|\bcobr|\bbelastet|\babonnement|\babo\b|\bpaiement|\bpago|\bzahlung/,
  ],
  [
    'account',
    /\blog ?in\b|\bsign ?in\b|\bpassword|\b2fa\b|\btwo[- ]factor|\bmfa\b|\blocked\b|\baccount\b|\busername|\bcuenta\b|\bcompte\b|\bkonto\b|\biniciar sesion|\bconnecter\b|\banmelden|\bcontrasena|\bmot de passe|\bpasswort|\bbloque|\bgesperrt/,
  ],
  [
    'technical',
    /\berror|\bbug|\bbroken|\bcrash|\boutage|\bdown\b|\bnot working|\b(does ?n't|doesnt|does not|won't|wont) (work|load)|\bfail|\bslow\b|\bsync|\bintegration|\bapi\b|\bupload|\bexport|\bimport|\bblank|\bload|\bfehler|\berreur|\bfunktioniert nicht|\bno funciona|\bfonctionne pas|\bpanne|\bausfall|\bkaputt|\bdeleted|\bdisappeared|\bfreez/,
  ],
  ['sales', /\bdemo|\bpricing|\bquote|\bpurchase|\bbuy\b|\bsales\b|\btrial\b|\bdiscount|\blicen[cs]e/],
];

/** The helpdesk queue a problem belongs to. Money beats access beats malfunction. */
export function ticketCategory(text: string): TicketCategory {
  const t = normalize(userWords(text));
  for (const [category, re] of CATEGORY_RULES) if (re.test(t)) return category;
  return 'other';
}

// ---------------------------------------------------------------------------
// Confirmation replies

const AFFIRMATIVE_PHRASES = [
  'yes', 'yep', 'yeah', 'yup', 'ya', 'yea', 'sure', 'ok', 'okay', 'k', 'kk', 'alright', 'all right',
  'confirm', 'confirmed', 'i confirm', 'go ahead', 'go for it', 'please do', 'do it', 'do that',
  'correct', "that's correct", 'that is correct', "that's right", 'that is right', 'right',
  'exactly', 'absolutely', 'definitely', 'of course', 'sounds good', 'looks good', 'perfect',
  "that's fine", 'fine', 'yes please', '👍',
  'si', 'claro', 'vale', 'de acuerdo', 'adelante', 'por supuesto', 'correcto', 'confirmo', 'hazlo',
  'oui', "d'accord", 'bien sur', 'vas-y', 'allez-y', 'parfait', "c'est ca", 'exact', 'exactement', 'je confirme',
  'ja', 'genau', 'klar', 'gerne', 'mach das', 'jawohl', 'passt', 'richtig', 'einverstanden', 'ich bestatige',
];
const FILLER_PHRASES = [
  'please', 'pls', 'plz', 'thanks', 'thank you', 'thx', 'ty', 'por favor', 'gracias',
  "s'il vous plait", 'svp', 'merci', 'bitte', 'danke',
];
const PHRASES: ReadonlyArray<{ words: string[]; affirms: boolean }> = [
  ...AFFIRMATIVE_PHRASES.map((p) => ({ words: p.split(' '), affirms: true })),
  ...FILLER_PHRASES.map((p) => ({ words: p.split(' '), affirms: false })),
].sort((a, b) => b.words.length - a.words.length);

/**
 * Whether a message is nothing but a short "yes". Anything more ("yes but change the
 * email"), a question, or a long message is not a confirmation, because confirming a
 * write on a reply that also asks for something else would act on half of it.
 */
export function isAffirmative(text: string): boolean {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > 60 || /[?？¿]/.test(raw)) return false;
  const words = normalize(raw)
    .replace(/[.,;:!¡…]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let affirmed = false;
  let i = 0;
  while (i < words.length) {
    const match = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (match === undefined) return false;
    affirmed ||= match.affirms;
    i += match.words.length;
  }
  return affirmed;
}

// ---------------------------------------------------------------------------
// Contact details

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
   y de del para con und von bei aus mit fur et chez pour avec`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function isStopWord(word: string, first: boolean): boolean {
  const w = normalize(word).replace(/[.'’]+$/, '');
  return (first ? NOT_A_NAME : ENDS_A_NAME).has(w);
}

const NAME_PARTICLES = /^(?:(?:van|der|den|ter|ten|da|dos|das|di|du|bin|ibn)[ \t]+)+/u;

/** Leading name words of `rest`: capitalized unless the user explicitly labelled it a name. */
function takeName(rest: string, allowLowercase: boolean): { name: string; length: number } | null {
  const word = new RegExp(`^${allowLowercase ? `(?:${NAME_WORD}|${ANY_WORD})` : NAME_WORD}`, 'u');
  const words: string[] = [];
  let consumed = 0;
  let remaining = rest;
  while (words.length < 4) {
    const gap = words.length === 0 ? /^[ \t]*/.exec(remaining) : /^[ \t]+/.exec(remaining);
    if (gap === null) break;
    const after = remaining.slice(gap[0].length);
    const particles = words.length > 0 && !allowLowercase ? NAME_PARTICLES.exec(after) : null;
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

const EXPLICIT_NAME =
  /\b(?:my name is|my name's|mi nombre es|me llamo|je m['’]appelle|mon nom est|ich hei(?:ß|ss)e|mein name ist)\b[ \t]*:?/giu;
const LABELLED_NAME = /^[ \t]*(?:full[ \t]+)?(?:name|nombre|nom)[ \t]*:/gimu;
const CASUAL_NAME = /(?<![\p{L}])(?:i['’]m|i am|this is|soy|je suis|ich bin)(?![\p{L}])/giu;
const HERE_NAME = new RegExp(
  String.raw`(?:^|\n|(?:hi|hello|hey|hola|bonjour|salut|hallo)[ \t]*[,!]?[ \t]+)(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})[ \t]+here(?=[ \t]*(?:[,.!:;—–-]|\n|$))`,
  'giu',
);
const SIGNATURE = new RegExp(String.raw`^[ \t]*(?:—|–|--)[ \t]*(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})[ \t]*$`, 'gmu');
const AFTER_NAME_COMPANY = /^[ \t]*,?[ \t]*(?:here[ \t]*,?[ \t]*)?(?:from|at|of|with|von|de|del|chez|bei|aus)[ \t]+/iu;
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
];
const PHONE_CANDIDATE = /\+?\(?\d[\d ().-]{5,24}\d/g;
const PHONE_CONTEXT =
  /\b(phone|tel|telephone|call|mobile|cell|whatsapp|telefono|movil|portable|telefon|handy|rufnummer)\b/;

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
  for (const re of [HERE_NAME, SIGNATURE]) {
    for (const m of text.matchAll(re)) {
      const captured = m[1];
      if (captured === undefined) continue;
      const name = takeName(captured, false);
      if (name === null || name.length !== captured.length) continue;
      found.name = later(found.name, { at: m.index, value: name.name });
      found.company = later(found.company, companyAfter(text, m.index + m[0].length));
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
    const line = normalize(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
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

/** Whether `extractContact` found enough to save a lead. */
export function hasLeadContact(contact: Contact): contact is Contact & { name: string; email: string } {
  return captureLeadInput.safeParse({ name: contact.name, email: contact.email }).success;
}
