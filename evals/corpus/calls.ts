import { SUBJECT_MAX } from '../../src/tools/escalate-ticket.ts';
import type { CorpusLine } from './load.ts';

/**
 * The right tool call for a line's last turn, derived from its expectation alone: what
 * a competent model would propose. The `puppet` and `openai-scripted` runs propose it,
 * so whatever goes wrong afterwards is the gateway's doing, not the model's.
 */
export interface RightCall {
  tool: string;
  args: Record<string, unknown>;
}

const BILLING_TOPIC_BY_TAG: Array<[string, string]> = [
  ['invoice_number', 'invoices'],
  ['invoice_id', 'invoices'],
  ['receipt', 'invoices'],
  ['vat', 'invoices'],
  ['gst', 'invoices'],
  ['closing_documents', 'invoices'],
  ['payment_status', 'payment_status'],
  ['payments', 'payment_status'],
  ['refund_status', 'payment_status'],
  ['next_charge', 'payment_status'],
  ['plan', 'plan'],
  ['status', 'plan'],
];

/** A topic from the line's tags ("invoices" when an invoice is named); "general" when none fits. */
export function billingTopic(line: CorpusLine): string {
  if (line.expect.fields.invoice) return 'invoices';
  for (const [tag, topic] of BILLING_TOPIC_BY_TAG) if (line.tags.includes(tag)) return topic;
  return 'general';
}

/**
 * The ticket subject: the first line of the user's last message, as typed. A one-paragraph
 * message has no subject line, and the tool declares the subject's maximum length to the model,
 * so a right call titles it with its first sentence (cut at a word if even that is too long).
 */
export function ticketSubject(line: CorpusLine): string {
  const last = line.turns.at(-1)!;
  const first = (last.split('\n').find((l) => l.trim() !== '') ?? last).trim();
  if (first.length <= SUBJECT_MAX) return first;
  const sentence = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(first)][0]!.segment.trim();
  if (sentence.length <= SUBJECT_MAX) return sentence;
  const cut = sentence.slice(0, SUBJECT_MAX);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}

/** The ticket summary: everything the user wrote in the conversation, in order. */
export function ticketSummary(line: CorpusLine): string {
  return line.turns.map((t) => t.trim()).join('\n');
}

export function rightCall(line: CorpusLine): RightCall | null {
  const e = line.expect;
  switch (e.tool) {
    case null:
      return null;
    case 'capture_lead': {
      const args: Record<string, unknown> = { name: e.fields.name, email: e.fields.email };
      if (e.fields.company) args.company = e.fields.company;
      if (e.fields.phone) args.phone = e.fields.phone;
      return { tool: 'capture_lead', args };
    }
    case 'escalate_ticket':
      return { tool: 'escalate_ticket', args: { subject: ticketSubject(line), summary: ticketSummary(line), category: e.category, priority: e.priority } };
    case 'check_billing': {
      const args: Record<string, unknown> = { topic: billingTopic(line) };
      if (e.fields.invoice) args.invoice_id = e.fields.invoice;
      return { tool: 'check_billing', args };
    }
  }
}
