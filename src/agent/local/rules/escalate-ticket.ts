import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { TICKET_CATEGORIES } from '../../../tools/escalate-ticket.ts';
import { normalizeText } from '../../normalize-text.ts';
import { userWords } from '../../user-words.ts';
import { lastRequest, looksLikeInjection } from '../classify.ts';
import { clean, plain, sentences, truncate } from '../clean-text.ts';
import { extractContact } from '../contact.ts';
import { lastAssistantTurn } from '../prompt.ts';
import type { LocalToolRules, Reply, ToolRequest } from '../reply.ts';

// The only import of the ticket categories in the local model: the queues it files under are the tool's own.
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

// Patterns over normalised text, tried in order.
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
  const t = normalizeText(userWords(text));
  for (const [category, re] of CATEGORY_RULES) if (re.test(t)) return category;
  return 'other';
}

const GREETING_ONLY = /^(hi|hello|hey|hiya|dear \w+|good (morning|afternoon|evening)|hola|buenos dias|buenas|bonjour|salut|hallo|guten (tag|morgen|abend))\b[\s\p{P}]*(team|there|all|support)?[\s\p{P}]*$/iu;

/** The first sentence that says something, as a ticket subject. */
function subjectOf(own: string): string {
  const said = sentences(own)
    .map((s) => clean(s, { multiline: false }))
    .filter((s) => s.length > 0);
  const first = said.find((s) => !GREETING_ONLY.test(plain(s))) ?? said[0] ?? '';
  return truncate(first, 150);
}

/** Whether, since the user's previous message, a ticket was refused because no email was known. */
function refusedForContact(prompt: LanguageModelV3Prompt): boolean {
  return lastAssistantTurn(prompt).some(
    (m) =>
      m.role === 'tool' &&
      m.content.some((part) => {
        if (part.type !== 'tool-result' || part.toolName !== 'escalate_ticket') return false;
        const out = part.output;
        if (out.type !== 'json' || out.value === null || typeof out.value !== 'object' || Array.isArray(out.value)) return false;
        return out.value.status === 'denied' && out.value.reason === 'contact_required';
      }),
  );
}

/** escalate_ticket: opens a ticket in the user's own words; no priority, because server rules decide it. */
export const escalateTicketRules: LocalToolRules = {
  capability: "open a support ticket when something isn't working",

  /**
   * "it's lena@corp.example" has no intent of its own either; it answers the gateway's
   * request for an email after a ticket was refused for want of one (`contact_required`).
   * Only that case reopens the earlier problem, described in the user's own earlier words.
   */
  continues({ prompt, userTexts, latest }): ToolRequest | null {
    if (extractContact([latest]).email === undefined || looksLikeInjection(latest)) return null;
    if (!refusedForContact(prompt)) return null;
    const earlier = lastRequest(userTexts.slice(0, -1));
    return earlier?.intent.tool === 'escalate_ticket' ? { text: earlier.text, confidence: earlier.intent.confidence } : null;
  },

  reply(_conversation, { text, confidence }): Reply {
    const subject = subjectOf(text) || 'Support request';
    const summary = truncate(clean(text, { multiline: true }), 4000) || subject;
    return { type: 'tool-call', toolName: 'escalate_ticket', confidence, input: { subject, summary, category: ticketCategory(text) } };
  },
};
