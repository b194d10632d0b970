// In src/agent beside confirmations, not src/policy: the turn fills in a missing confidence before any gate runs, and it reads tool-level data (evidence, the email pattern) that policy may import only as types.
import { EMAIL_IN_TEXT } from '../policy/email-in-text.ts';
import type { ToolName } from '../tools/index.ts';
import { HEDGED, NOT_INTERESTED } from './intent-evidence/capture-lead.ts';
import { URGENCY, URGENCY_WEIGHT } from './intent-evidence/escalate-ticket.ts';
import { INTENT_EVIDENCE, type IntentRule } from './intent-evidence/index.ts';
import {
  ASKS_IF_BOT,
  ASKS_PAYMENT_STATUS,
  ASKS_OWN_FIGURE,
  asksHowTo,
  CAPABILITY_QUESTION,
  CORRECTS_OWN_DETAILS,
  DOCUMENT_ASKED,
  closesWithThanks,
  onlyPraises,
  FEATURE_TOPIC,
  GENERAL_QUESTION,
  INJECTION,
  NEED_GONE,
  NOT_OUR_DOING,
  OFF_TOPIC,
  OWN_ACCOUNT,
  POLICY_QUESTION,
  QUESTION,
  SETTLED,
  tellsSettled,
} from './intent-evidence/steering.ts';
import { awaitsRefund, ruleTriage } from '../tools/ticket-rules.ts';
import { splitSentences } from '../tools/triage-text.ts';
import { normalizeText } from './normalize-text.ts';
import { userWords } from './user-words.ts';

/**
 * The server's own estimate of how sure it is that a message asks for a tool, used
 * when a real model reports no confidence, and the scores the offline model picks
 * its tool from. A pure function of the user's own words.
 */

// Independent pieces of evidence combine like probabilities: each one closes part of
// the remaining gap to certainty, so two weak hints beat one but never reach 1.
function noisyOr(weights: Iterable<number>): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - w;
  return 1 - miss;
}

/**
 * "I'm scared the account gets locked", "Angst, dass das Konto gesperrt wird": what the caller fears, to the
 * end of its sentence. A feared lock-out is not one; left out of the triage's evidence. In each corpus language.
 */
const FEARED =
  /(?:\b(?:scared|afraid|worried|nervous|fear)\b|\bangst\b|\bsorgen?\b|\bmiedo\b|\bpeur\b|\bmedo\b|\bpreocupad[oa]\b|боюсь|переживаю|担心|擔心|心配|不安|خايف|خايفة|اخاف|أخاف|\bdar (?:hai|lag)|डर|\bsợ\b|lo lắng|\bdon'?t want\b|\bdo not want\b|no quiero que|não quero que|nao quero que|je ne veux pas que|nicht dass|не хочу, чтобы|не хочу чтобы|不想再|したくない|nahi chahta|nahi chahti|không muốn)[^.!?。！？\n]*/giu;

/** What a refund still awaited adds to the ticket (see `rawScores`): enough to make the billing words its context. */
const REFUND_OVERDUE = 0.7;

/** What the triage's evidence of a real problem adds to the ticket (see `rawScores`). */
const TRIAGE_EVIDENCE = 0.5;

// A screen or menu named in quotes ("the «Facturación» tab", 「請求」): a place in the product, not
// the caller's bill. Short labels only, without digits: a quoted invoice number stays.
const QUOTED_LABEL = /«[^»\d\n]{1,40}»|“[^”\d\n]{1,40}”|„[^“”\d\n]{1,40}[“”]|"[^"\d\n]{1,40}"|「[^」\d\n]{1,40}」|『[^』\d\n]{1,40}』|‹[^›\d\n]{1,40}›/g;

/**
 * The user's words from after the last sentence that tells a problem as settled ("I had a double
 * charge in March. It got sorted, thanks. When is the next one?"): what came before is background
 * to what is asked now, not a problem to hand to a person.
 */
export function withoutSettled(own: string, normalized = normalizeText(own)): string {
  // Most messages tell nothing as settled: only those are cut into sentences.
  if (!SETTLED.test(normalized)) return own;
  const parts = splitSentences(own);
  const last = parts.findLastIndex((s) => tellsSettled(normalizeText(s)));
  return last < 0 ? own : parts.slice(last + 1).join('\n');
}

function rawScores(own: string): Record<ToolName, number> {
  const t = normalizeText(own);
  const score = (rules: readonly IntentRule[], text = t) => noisyOr(rules.filter(([re]) => re.test(text)).map(([, w]) => w));
  // Problem evidence is read from the sentences that do not tell it as settled.
  const unsettled = withoutSettled(own, t);
  let lead = score(INTENT_EVIDENCE.capture_lead);
  let ticket = score(INTENT_EVIDENCE.escalate_ticket, unsettled === own ? t : normalizeText(unsettled));
  // Billing words inside a quoted label name a screen (see QUOTED_LABEL).
  let billing = score(INTENT_EVIDENCE.check_billing, t.replace(QUOTED_LABEL, ' '));
  // Urgency strengthens a request the other words make; alone or beside a topic word it is none.
  if (URGENCY.test(t) && ticket >= 0.5) ticket = noisyOr([ticket, URGENCY_WEIGHT]);

  // Someone who asks to be contacted and leaves an address is plainly a lead.
  const leavesAddress = new RegExp(EMAIL_IN_TEXT.source).test(own);
  if (lead > 0 && leavesAddress) lead = noisyOr([lead, 0.5]);
  // Without an address, sales words in a described problem are where it happens ("the demo
  // account is broken", "a typo on your pricing page"), not a wish to be contacted.
  if (ticket >= 0.6 && lead > 0 && !leavesAddress) lead *= 0.5;
  if (NOT_INTERESTED.test(t)) lead *= 0.2;
  if (HEDGED.test(t)) lead *= 0.75;
  // Asking whether a payment arrived or a refund went out is a status question, though it may
  // say "still" ("has it reached you, or is the account still showing as owing?").
  // Evidence of a real problem in the user's words (a duplicate or incorrect charge, an outage, a
  // lock-out, data lost, a takeover: the ticket triage's ceiling above normal) asks for a person,
  // even phrased as a question ("why have you taken £79 twice this month??").
  // A charge or fault put on someone else ("not your fault, but the bank charged me a fee again") is told in passing.
  const othersDoing = NOT_OUR_DOING.test(t);
  // The rules only: the learned severity reading was trained on tickets, so it says how serious
  // a ticket is, not whether a message asks for one.
  const ceiling = ruleTriage(unsettled.replace(FEARED, ' ')).ceiling;
  const problemShown = !othersDoing && (ceiling === 'high' || ceiling === 'urgent');
  if (problemShown) ticket = noisyOr([ticket, TRIAGE_EVIDENCE]);
  if (othersDoing && ticket < 0.9) {
    ticket *= 0.4;
    billing *= 0.5;
  }
  // A real problem beside the question ("did it go through? also I was charged twice") keeps its weight.
  // Without it, worry beside the question ("I'm scared the account gets paused") is how the caller
  // feels: the question is the status lookup.
  const asksStatus = ASKS_PAYMENT_STATUS.test(t) && QUESTION.test(t);
  // So is a copy of a receipt or an invoice asked for, though the caller complains about having to ask.
  if ((asksStatus || DOCUMENT_ASKED.test(t)) && !problemShown) {
    ticket *= 0.3;
    billing = noisyOr([billing, 0.7]);
  }
  // "Are you a bot or a person?" asks who answers; only a plain request for a person outweighs it.
  if (ASKS_IF_BOT.test(t) && ticket < 0.9) ticket *= 0.5;
  // A refund that has not come after it was promised needs a person to chase it ("ya pasaron
  // 3 semanas y nada en mi tarjeta"); asking whether it went out is the status lookup (above).
  if (awaitsRefund(unsettled) && !asksStatus) ticket = noisyOr([ticket, REFUND_OVERDUE]);
  // A described problem turns billing words into the ticket's context, not a rival
  // intent: "my invoice is wrong" needs a human, not a lookup.
  if (ticket >= 0.6 && billing > 0) {
    ticket = noisyOr([ticket, billing * 0.5]);
    billing *= 0.3;
  }
  // Asking how to do something yourself is a question for the reply, not a ticket or a lookup.
  if (asksHowTo(t)) {
    ticket *= 0.5;
    billing *= 0.4;
  }
  // What the product accepts or offers in general, unless it is about the caller's own account, and a question
  // asked in general or of a case that has not happened, with no problem told beside it, are for the reply.
  if ((POLICY_QUESTION.test(t) && !OWN_ACCOUNT.test(t)) || (GENERAL_QUESTION.test(t) && !problemShown)) {
    ticket *= 0.5;
    billing *= 0.3;
  }
  // Invoices an API or an integration would move are the feature asked about, not the caller's bill.
  if (FEATURE_TOPIC.test(t)) billing *= 0.3;
  // Whether the product can do something ("can your system send payment reminders to my customers?"):
  // the billing words are what the feature handles, the caller's own or not.
  if (CAPABILITY_QUESTION.test(t) && QUESTION.test(t) && !problemShown && !ASKS_OWN_FIGURE.test(t)) {
    ticket *= 0.5;
    billing *= 0.3;
  }
  // Saying the need is gone ("no longer needed, thanks") leaves nothing to act on.
  if (NEED_GONE.test(t)) {
    ticket *= 0.3;
    billing *= 0.3;
  }
  // "Thanks, the invoice arrived" closes the matter, and praise for a screen asks nothing of it: no request, unless a problem is told beside it.
  if ((closesWithThanks(t) || onlyPraises(t)) && ticket < 0.6) {
    ticket *= 0.3;
    billing *= 0.3;
  }
  // Correcting an address or a number the caller typed ("typo in my signature, the correct address is …")
  // answers the request before it; "wrong", "typo" there are about the details.
  if (CORRECTS_OWN_DETAILS.test(t) && (leavesAddress || /\d[\d ().-]{6,}\d/.test(t))) {
    ticket *= 0.3;
    billing *= 0.3;
  }
  const damp = INJECTION.test(t) ? 0.1 : OFF_TOPIC.test(t) ? 0.4 : 1;
  return { capture_lead: lead * damp, escalate_ticket: ticket * damp, check_billing: billing * damp };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * How sure the rules are that `own` (the user's own words, see `userWords`) asks for
 * each tool. A rival intent with real evidence makes the winner less certain.
 */
export function intentScores(own: string): Record<ToolName, number> {
  const raw = rawScores(own);
  const out = { ...raw };
  for (const tool of Object.keys(raw) as ToolName[]) {
    const rival = Math.max(...(Object.keys(raw) as ToolName[]).filter((k) => k !== tool).map((k) => raw[k]));
    out[tool] = round(raw[tool] * (1 - 0.4 * rival));
  }
  return out;
}

/** The confidence that `text` asks for `tool`; quoted and pasted text is dropped first, so it cannot raise it. */
export function scoreIntent(text: string, tool: ToolName): number {
  return intentScores(userWords(text))[tool];
}

// A reply that supplies details rather than a request: an address, a phone number, or a
// few words ("Chloé Lefèvre, Les Petits Pois").
const PHONE_LIKE = /\+?\d[\d ().-]{6,}\d/;
function suppliesDetails(own: string): boolean {
  return new RegExp(EMAIL_IN_TEXT.source).test(own) || PHONE_LIKE.test(own) || (own.length <= 80 && !QUESTION.test(own));
}

/** How many earlier messages an answer may reach back over (the request, then up to two answers). */
const ANSWER_REACH = 3;

/**
 * The estimate for a call proposed after the user's latest message, reading the
 * conversation (each text already the user's own words). A message that asks for
 * nothing itself but supplies details ("Li.Ting@…" after "please have sales call me")
 * answers the assistant's question about the request before it: that request's
 * estimate carries over, as the offline model's continuation does. It carries over
 * only to the same tool, only through messages that themselves ask for nothing, and
 * never from a message that tries to rewrite the rules.
 */
export function scoreConversation(userTexts: readonly string[], tool: ToolName): number {
  const own = userTexts.at(-1) ?? '';
  const latest = intentScores(own);
  const asksForSomething = Math.max(...Object.values(latest)) >= 0.5;
  if (asksForSomething || !suppliesDetails(own) || INJECTION.test(normalizeText(own))) return latest[tool];
  for (let i = userTexts.length - 2; i >= Math.max(0, userTexts.length - 1 - ANSWER_REACH); i--) {
    const earlier = userTexts[i] ?? '';
    if (INJECTION.test(normalizeText(earlier))) return latest[tool];
    const scores = intentScores(earlier);
    const best = (Object.keys(scores) as ToolName[]).reduce((a, b) => (scores[b] > scores[a] ? b : a));
    if (scores[best] >= 0.5) return best === tool ? Math.max(scores[tool], latest[tool]) : latest[tool];
    if (!suppliesDetails(earlier)) return latest[tool];
  }
  return latest[tool];
}
