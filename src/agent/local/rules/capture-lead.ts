import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { lastRequest, looksLikeInjection } from '../classify.ts';
import { clean, sentences, truncate } from '../clean-text.ts';
import { bareName, extractContact, hasLeadContact, type Contact } from '../contact.ts';
import { lastAssistantTurn, textOf } from '../prompt.ts';
import type { Conversation, LocalToolRules, Reply, ToolRequest } from '../reply.ts';

const ASK_PREFIX = "I'd be happy to have our sales team get in touch.";

/** The sentences of a lead request that say what the visitor wants, without repeating their contact details. */
function requestSummary(text: string, contact: Contact): string {
  const details = [contact.name, contact.email, contact.phone].filter((d): d is string => d !== undefined).map((d) => d.toLowerCase());
  return sentences(text)
    .map((s) => clean(s, { multiline: false }))
    .filter((s) => s.length > 0 && !/@/.test(s) && !details.some((d) => s.toLowerCase().includes(d)))
    .join(' ');
}

/** Whether the assistant's turn just before the latest user message was this model asking for a name. */
function askedForName(prompt: LanguageModelV3Prompt): boolean {
  const said = lastAssistantTurn(prompt).findLast((m) => m.role === 'assistant');
  if (said?.role !== 'assistant') return false;
  const text = textOf(said.content);
  return text.includes(ASK_PREFIX) && text.includes('your name');
}

function leadContact({ prompt, userTexts, latest }: Conversation): Contact {
  const contact = extractContact(userTexts);
  // A reply that is only a name answers the question asked; otherwise it fills a gap and never
  // replaces an introduced name ("Guten Tag, …" would be read as one).
  const asked = askedForName(prompt);
  const name = bareName(latest, { answersNameQuestion: asked });
  if (name !== undefined && (asked || contact.name === undefined)) contact.name = name;
  return contact;
}

/** capture_lead: saves a visitor who asks for sales contact, once their name and email are known. */
export const captureLeadRules: LocalToolRules = {
  capability: 'put you in touch with our sales team (demos, pricing, quotes)',

  /**
   * "Maria, maria@acme.com" has no intent of its own; it answers the question the model
   * asked after an earlier request for sales contact. Only that case continues a lead.
   */
  continues({ prompt, userTexts, latest }): ToolRequest | null {
    const typed = extractContact([latest]);
    const answersName = bareName(latest, { answersNameQuestion: askedForName(prompt) }) !== undefined;
    if (typed.name === undefined && typed.email === undefined && !answersName) return null;
    if (looksLikeInjection(latest)) return null;
    const earlier = lastRequest(userTexts.slice(0, -1));
    return earlier?.intent.tool === 'capture_lead' ? { text: earlier.text, confidence: earlier.intent.confidence } : null;
  },

  reply(conversation, { text, confidence }): Reply {
    const contact = leadContact(conversation);
    if (!hasLeadContact(contact)) {
      const missing =
        contact.name === undefined && contact.email === undefined
          ? 'your name and email address'
          : contact.email === undefined
            ? 'the email address they should use'
            : 'your name';
      return { type: 'text', text: `${ASK_PREFIX} Could you tell me ${missing}?` };
    }
    const notes = truncate(requestSummary(text, contact), 300);
    return {
      type: 'tool-call',
      toolName: 'capture_lead',
      confidence,
      input: {
        name: contact.name,
        email: contact.email,
        ...(contact.company !== undefined ? { company: contact.company } : {}),
        ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
        source: 'chat',
        ...(notes !== '' ? { notes } : {}),
      },
    };
  },
};
