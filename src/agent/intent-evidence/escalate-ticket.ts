import { anyPhrase } from './cues.ts';
import type { IntentRule } from './index.ts';

/** Words that describe a problem a human should look at: access, money gone wrong, malfunction, complaints. */
export const ESCALATE_TICKET_EVIDENCE: readonly IntentRule[] = [
  [/\b(can ?not|can't|cant|unable to|could ?n't|couldnt|can't seem to) (log ?in|login|sign ?in|access|get into|connect)\b/, 0.95],
  [/\b(no puedo|no consigo) (entrar|iniciar sesion|acceder|conectarme)\b/, 0.95],
  [/\b(n'arrive pas a|impossible de) (me connecter|se connecter|acceder)\b/, 0.95],
  [/\bkann mich nicht (anmelden|einloggen)\b|\blogin funktioniert nicht\b/, 0.95],
  [/\b(charged|billed) (me )?(twice|double)\b|\bdouble[- ](charged|billed|charge)\b|\bcobraron dos veces\b|\bcobro doble\b|\bdebite deux fois\b|\bdoppelt (belastet|abgebucht|berechnet)\b/, 0.95],
  // A refund alone is as often a status question (check_billing) as a complaint; the
  // complaint says it has not arrived (see the cue phrases per language).
  [/\brefund(s|ed)?\b|\breembols|\brembours|\bruckerstattung|\berstatt/, 0.5],
  [/\bbroken\b|\bkaputt\b|\bcasse\b|\broto\b/, 0.85],
  [/\berrors?\b|\berreur\b|\bfehler\b/, 0.8],
  [/\bbugs?\b|\bbuggy\b/, 0.85],
  [/\boutage\b|\bpanne\b|\bausfall\b|\bcaida\b/, 0.9],
  [/\b(is|are|been|went|goes|was) down\b|\bdown (again|for)\b/, 0.85],
  [/\bnot working\b|\b(does ?n't|doesnt|does not|do ?n't|dont|is ?n't|isnt|won't|wont|will not) (work|load|open|start|sync|save)\b|\bstopped working\b|\bnothing (works|loads|happens)\b|\bno funciona\b|\bne (fonctionne|marche) (pas|plus)\b|\bfunktioniert nicht\b|\bgeht nicht\b/, 0.9],
  [/\bcrash(es|ed|ing)?\b|\bfreez(es|ing)\b|\bhangs\b/, 0.85],
  // "I get a 403", "it returns 502": an HTTP error status someone ran into.
  [/\b(get|gets|got|getting|see|shows?|returns?|returning|throws?) (a |an )?[45]\d\d\b/, 0.85],
  // Russian "не" before a verb in the present or past ("не видят", "не падают", "не пришло"): a
  // function that does not happen. Endings, not a word list, since every verb inflects.
  [/(?<![\p{L}])не \p{Script=Cyrillic}+(ет|ют|ит|ят|ется|ются|ится|ятся|ут|ал|ала|ало|али|ло|лись)(?![\p{L}])/u, 0.7],
  // "It keeps replying in Spanish", "keeps logging me out": the product repeating something unwanted.
  [/\b(it|that|this|the \w+|which) keeps (on )?[a-z]+ing\b/, 0.75],
  [/\bcomplain(t|ts|ing)?\b|\bqueja\b|\breclamacion\b|\bplainte\b|\breclamation\b|\bbeschwerde\b/, 0.85],
  [/\bproblems?\b|\bproblemas?\b|\bprobleme\b/, 0.7],
  [/\bissues?\b|\btrouble\b/, 0.6],
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

/**
 * "URGENT", "СРОЧНО", "至急": how the writer feels, not what is wrong. It adds to a request the other
 * words already make (`URGENCY_WEIGHT`), never makes one out of a topic word ("URGENT!!! what time
 * does support open?" is a question). In each corpus language.
 */
export const URGENCY = anyPhrase(['urgent', 'urgente', 'urgently', 'asap', 'dringend', 'срочно', '紧急', '緊急', '至急', 'عاجل', 'ضروري', 'gấp']);
export const URGENCY_WEIGHT = 0.35;
