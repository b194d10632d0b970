import { plain } from '../clean-text.ts';
import type { LocalToolRules, Reply } from '../reply.ts';

// Topic words, tried in order, over the message without accents.
const TOPICS: ReadonlyArray<readonly [topic: string, pattern: RegExp]> = [
  ['invoices', /invoice|invoce|factur|rechnung|receipt|recibo|quittung/],
  ['payment_status', /payment|charged|charge\b|paid|owe\b|balance|card|pago|paiement|zahlung|cobr|abgebucht/],
  ['plan', /\bplan\b|subscription|tier\b|forfait|abonnement|\babo\b|suscripcion|tarif|renew/],
];

const INVOICE_ID = /(?<![A-Za-z0-9_])in_[A-Za-z0-9]{1,64}(?![A-Za-z0-9_])/;

/** check_billing: a lookup of the caller's own billing; identity comes from the session, so the input is only a topic. */
export const checkBillingRules: LocalToolRules = {
  capability: 'answer questions about your billing, plan and invoices',

  reply({ latest }, { confidence }): Reply {
    const t = plain(latest).toLowerCase();
    const topic = TOPICS.find(([, re]) => re.test(t))?.[0] ?? 'general';
    // Only an id the user typed: the model never guesses one.
    const invoiceId = INVOICE_ID.exec(latest)?.[0];
    return {
      type: 'tool-call',
      toolName: 'check_billing',
      confidence,
      input: { topic, ...(invoiceId !== undefined ? { invoice_id: invoiceId } : {}) },
    };
  },
};
