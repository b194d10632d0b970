import { randomUUID } from 'node:crypto';
import type {
  JSONValue,
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolResultOutput,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { TOOL_INPUTS, type ToolName } from '../tools/index.ts';
import {
  bareName,
  classifyIntent,
  extractContact,
  hasLeadContact,
  isAffirmative,
  looksLikeInjection,
  ticketCategory,
  userWords,
  type Contact,
  type Intent,
} from './intent.ts';

/**
 * The offline `local` model: a deterministic stand-in for an LLM, so the gateway runs
 * and its tests and evals pass with no network and no API key. It reads only what the
 * user typed (never the system prompt), picks at most one tool with the rules in
 * `intent.ts`, and always emits inputs that satisfy the tool schemas. It is just as
 * untrusted as any other model: the policy pipeline checks everything it emits.
 */

type Reply =
  | { type: 'text'; text: string }
  | { type: 'tool-call'; toolName: ToolName; input: Record<string, unknown>; confidence: number };

// ---------------------------------------------------------------------------
// Reading the prompt

function textOf(content: ReadonlyArray<{ type: string; text?: string }>): string {
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

function userTexts(prompt: LanguageModelV3Prompt): string[] {
  return prompt.flatMap((m) => (m.role === 'user' ? [textOf(m.content)] : []));
}

function availableTools(options: LanguageModelV3CallOptions): Set<ToolName> {
  const choice = options.toolChoice;
  if (choice?.type === 'none') return new Set();
  const names = new Set<ToolName>();
  for (const t of options.tools ?? []) {
    if (t.type !== 'function' || !(t.name in TOOL_INPUTS)) continue;
    if (choice?.type === 'tool' && choice.toolName !== t.name) continue;
    names.add(t.name as ToolName);
  }
  return names;
}

// ---------------------------------------------------------------------------
// Replies to tool results

type ToolResultBody = { status?: string; message?: string };

const STATUS_FALLBACK: Record<string, string> = {
  done: 'Done.',
  duplicate: 'That was already taken care of, so nothing new was created.',
  denied: "I wasn't able to do that.",
  needs_confirmation: "Please confirm you'd like me to go ahead.",
  error: 'Something went wrong on our side. Please try again in a moment.',
};

function parseBody(value: JSONValue | undefined): ToolResultBody | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const status = typeof value.status === 'string' ? value.status : undefined;
  const message = typeof value.message === 'string' && value.message.trim() !== '' ? value.message.trim() : undefined;
  return { ...(status !== undefined ? { status } : {}), ...(message !== undefined ? { message } : {}) };
}

function bodyFromText(text: string): ToolResultBody {
  try {
    const parsed = parseBody(JSON.parse(text) as JSONValue);
    if (parsed !== null) return parsed;
  } catch {
    // Plain text is the message itself.
  }
  return { message: text.trim() };
}

function resultBody(output: LanguageModelV3ToolResultOutput): ToolResultBody {
  switch (output.type) {
    case 'json':
      return parseBody(output.value) ?? {};
    case 'text':
      return bodyFromText(output.value);
    case 'content':
      return bodyFromText(textOf(output.value));
    case 'execution-denied':
      return { status: 'denied' };
    // A thrown tool error can carry internals (paths, SQL, stack fragments): never repeat it.
    case 'error-text':
    case 'error-json':
      return { status: 'error' };
  }
}

function replyToToolResults(prompt: LanguageModelV3Prompt): Reply {
  const last = prompt.at(-1);
  const bodies =
    last?.role === 'tool'
      ? last.content.flatMap((part) => (part.type === 'tool-result' ? [resultBody(part.output)] : []))
      : [];
  const sentences = bodies
    .map((b) => b.message ?? STATUS_FALLBACK[b.status ?? ''] ?? '')
    .filter((s) => s.length > 0);
  const allDone = bodies.length > 0 && bodies.every((b) => b.status === 'done' || b.status === 'duplicate');
  if (allDone) sentences.push('Is there anything else I can help with?');
  return { type: 'text', text: sentences.length > 0 ? sentences.join(' ') : 'Is there anything else I can help with?' };
}

// ---------------------------------------------------------------------------
// Replies to the user

const CAPABILITIES: Record<ToolName, string> = {
  capture_lead: 'put you in touch with our sales team (demos, pricing, quotes)',
  escalate_ticket: "open a support ticket when something isn't working",
  check_billing: 'answer questions about your billing, plan and invoices',
};

function capabilities(tools: Set<ToolName>): string {
  const items = (Object.keys(CAPABILITIES) as ToolName[]).filter((t) => tools.has(t)).map((t) => CAPABILITIES[t]);
  if (items.length === 0) return "I can't take any actions in this conversation.";
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
  return `I can ${list}.`;
}

const GREETING = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|hola|buenos dias|buenas|bonjour|salut|hallo|guten (tag|morgen|abend)|servus|moin)\b/i;
const THANKS = /^(thanks|thank you|thx|ty|cheers|gracias|merci|danke)\b/i;

function plain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim();
}

function replyWithoutTool(own: string, intent: Intent, tools: Set<ToolName>): Reply {
  const can = capabilities(tools);
  const p = plain(own);
  let text: string;
  if (own === '') {
    text = `I only see quoted or pasted text, with no request of your own. ${can} What would you like me to do?`;
  } else if (THANKS.test(p)) {
    text = `You're welcome! ${can} Is there anything else?`;
  } else if (GREETING.test(p) && intent.confidence === 0) {
    text = `Hello! ${can} How can I help?`;
  } else if (looksLikeInjection(own)) {
    text = `I can't change how I work or act on instructions like that. ${can}`;
  } else if (intent.tool !== null) {
    text = `I can't do that in this conversation. ${can}`;
  } else if (intent.confidence > 0) {
    text = `Could you tell me a bit more about what you need? ${can}`;
  } else {
    text = `Sorry, I can't help with that here. ${can} What would you like to do?`;
  }
  return { type: 'text', text };
}

// ---------------------------------------------------------------------------
// Tool inputs

// Mirrors of the field rules in src/tools/fields.ts, used to repair free text before
// it is emitted. The schemas reject; the model cleans, so what it sends is valid.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/gu;
const HTML_TAG = /<\s*[a-zA-Z!/?][^<>]*>/g;
const TAG_START = /<(?=\s*[a-zA-Z!/?])/g;
const FORMULA_START = /^[\s=+\-@]+/;

function clean(text: string, { multiline }: { multiline: boolean }): string {
  let s = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(HTML_TAG, ' ').replace(TAG_START, '');
  s = multiline
    ? s.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n')
    : s.replace(/\s+/g, ' ');
  return s.replace(FORMULA_START, '').trim();
}

/** Shorten to at most `max` UTF-16 units, at a word boundary when one is near, marking the cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

const GREETING_ONLY = /^(hi|hello|hey|hiya|dear \w+|good (morning|afternoon|evening)|hola|buenos dias|buenas|bonjour|salut|hallo|guten (tag|morgen|abend))\b[\s\p{P}]*(team|there|all|support)?[\s\p{P}]*$/iu;

/** The first sentence that says something, as a ticket subject. */
function subjectOf(own: string): string {
  const sentences = own
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => clean(s, { multiline: false }))
    .filter((s) => s.length > 0);
  const first = sentences.find((s) => !GREETING_ONLY.test(plain(s))) ?? sentences[0] ?? '';
  return truncate(first, 150);
}

function ticketInput(own: string): Record<string, unknown> {
  const subject = subjectOf(own) || 'Support request';
  const summary = truncate(clean(own, { multiline: true }), 4000) || subject;
  return { subject, summary, category: ticketCategory(own) };
}

function billingInput(own: string): Record<string, unknown> {
  const t = plain(own).toLowerCase();
  const topic = /invoice|invoce|factur|rechnung|receipt|recibo|quittung/.test(t)
    ? 'invoices'
    : /payment|charged|charge\b|paid|owe\b|balance|card|pago|paiement|zahlung|cobr|abgebucht/.test(t)
      ? 'payment_status'
      : /\bplan\b|subscription|tier\b|forfait|abonnement|\babo\b|suscripcion|tarif|renew/.test(t)
        ? 'plan'
        : 'general';
  const invoiceId = /(?<![A-Za-z0-9_])in_[A-Za-z0-9]{1,64}(?![A-Za-z0-9_])/.exec(own)?.[0];
  return { topic, ...(invoiceId !== undefined ? { invoice_id: invoiceId } : {}) };
}

/** The sentences of a lead request that say what the visitor wants, without repeating their contact details. */
function requestSummary(text: string, contact: Contact): string {
  const details = [contact.name, contact.email, contact.phone].filter((d): d is string => d !== undefined).map((d) => d.toLowerCase());
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => clean(s, { multiline: false }))
    .filter((s) => s.length > 0 && !/@/.test(s) && !details.some((d) => s.toLowerCase().includes(d)))
    .join(' ');
}

const ASK_PREFIX = "I'd be happy to have our sales team get in touch.";

function leadReply(contact: Contact, requestText: string, confidence: number): Reply {
  if (!hasLeadContact(contact)) {
    const missing =
      contact.name === undefined && contact.email === undefined
        ? 'your name and email address'
        : contact.email === undefined
          ? 'the email address they should use'
          : 'your name';
    return { type: 'text', text: `${ASK_PREFIX} Could you tell me ${missing}?` };
  }
  const notes = truncate(requestSummary(requestText, contact), 300);
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
}

/**
 * "Maria, maria@acme.com" has no intent of its own; it answers the question the model
 * asked after an earlier request for sales contact. Only that case continues a lead.
 */
function pendingLead(history: string[], latestOwn: string, askedName: boolean): { text: string; intent: Intent } | null {
  const latest = extractContact([latestOwn]);
  const answersName = bareName(latestOwn, { answersNameQuestion: askedName }) !== undefined;
  if (latest.name === undefined && latest.email === undefined && !answersName) return null;
  if (looksLikeInjection(latestOwn)) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const own = userWords(history[i] ?? '');
    const intent = classifyIntent(own);
    if (intent.tool === null) continue;
    return intent.tool === 'capture_lead' ? { text: own, intent } : null;
  }
  return null;
}

/**
 * "it's lena@corp.example" has no intent of its own either; it answers the gateway's
 * request for an email after a ticket was refused for want of one (`contact_required`).
 * Only that case reopens the earlier problem, described in the user's own earlier words.
 */
function pendingTicket(prompt: LanguageModelV3Prompt, history: string[], latestOwn: string): { text: string; intent: Intent } | null {
  if (extractContact([latestOwn]).email === undefined || looksLikeInjection(latestOwn)) return null;
  if (!ticketRefusedForContact(prompt)) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const own = userWords(history[i] ?? '');
    const intent = classifyIntent(own);
    if (intent.tool === null) continue;
    return intent.tool === 'escalate_ticket' ? { text: own, intent } : null;
  }
  return null;
}

/** The messages between the user's previous message and their latest one: the assistant's last turn. */
function lastAssistantTurn(prompt: LanguageModelV3Prompt): LanguageModelV3Prompt {
  const userIndexes = prompt.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const latest = userIndexes.at(-1);
  const previous = userIndexes.at(-2);
  return latest === undefined || previous === undefined ? [] : prompt.slice(previous + 1, latest);
}

/** Whether, since the user's previous message, a ticket was refused because no email was known. */
function ticketRefusedForContact(prompt: LanguageModelV3Prompt): boolean {
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

/** Whether the assistant's turn just before the latest user message was this model asking for a name. */
function askedForName(prompt: LanguageModelV3Prompt): boolean {
  const said = lastAssistantTurn(prompt).findLast((m) => m.role === 'assistant');
  if (said?.role !== 'assistant') return false;
  const text = textOf(said.content);
  return text.includes(ASK_PREFIX) && text.includes('your name');
}

function leadContact(options: LanguageModelV3CallOptions, texts: string[], latestOwn: string): Contact {
  const contact = extractContact(texts);
  const name = bareName(latestOwn, { answersNameQuestion: askedForName(options.prompt) });
  if (name !== undefined) contact.name = name;
  return contact;
}

function replyToUser(options: LanguageModelV3CallOptions): Reply {
  const tools = availableTools(options);
  const texts = userTexts(options.prompt);
  const latest = texts.at(-1) ?? '';
  const own = userWords(latest);

  // Confirmations are the server's business: it holds the pending action and runs it
  // before the model is asked, so a "yes" that reaches the model has nothing to confirm.
  if (isAffirmative(own)) return { type: 'text', text: 'Okay. Is there anything else I can help with?' };

  let intent = classifyIntent(own);
  let requestText = own;
  if (intent.tool === null) {
    const pending = pendingLead(texts.slice(0, -1), own, askedForName(options.prompt)) ?? pendingTicket(options.prompt, texts.slice(0, -1), own);
    if (pending !== null) ({ intent, text: requestText } = pending);
  }
  if (intent.tool === null || !tools.has(intent.tool)) return replyWithoutTool(own, intent, tools);

  const reply: Reply =
    intent.tool === 'capture_lead'
      ? leadReply(leadContact(options, texts, own), requestText, intent.confidence)
      : {
          type: 'tool-call',
          toolName: intent.tool,
          confidence: intent.confidence,
          input: intent.tool === 'escalate_ticket' ? ticketInput(requestText) : billingInput(own),
        };

  if (reply.type === 'tool-call' && !TOOL_INPUTS[reply.toolName].safeParse(reply.input).success) {
    return { type: 'text', text: "I couldn't put that request together. Could you rephrase it in a sentence or two?" };
  }
  return reply;
}

function reply(options: LanguageModelV3CallOptions): Reply {
  return options.prompt.at(-1)?.role === 'tool' ? replyToToolResults(options.prompt) : replyToUser(options);
}

// ---------------------------------------------------------------------------
// The LanguageModelV3 surface

// There is no tokenizer offline; four characters a token is the usual rule of thumb.
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

function usage(options: LanguageModelV3CallOptions, out: Reply): LanguageModelV3Usage {
  const input = estimateTokens(promptText(options.prompt));
  const output = estimateTokens(out.type === 'text' ? out.text : JSON.stringify(out.input));
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: out.type === 'text' ? output : 0, reasoning: 0 },
  };
}

function finishReason(out: Reply): LanguageModelV3FinishReason {
  return out.type === 'text' ? { unified: 'stop', raw: 'stop' } : { unified: 'tool-calls', raw: 'tool_calls' };
}

function toolCall(out: Extract<Reply, { type: 'tool-call' }>): Extract<LanguageModelV3Content, { type: 'tool-call' }> {
  return {
    type: 'tool-call',
    toolCallId: `call_${randomUUID()}`,
    toolName: out.toolName,
    input: JSON.stringify(out.input),
    providerMetadata: { toolgate: { confidence: out.confidence } },
  };
}

function checkAborted(options: LanguageModelV3CallOptions): void {
  const signal = options.abortSignal;
  if (signal?.aborted) throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export function createLocalModel(): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'toolgate',
    modelId: 'local',
    supportedUrls: {},

    async doGenerate(options) {
      checkAborted(options);
      const out = reply(options);
      return {
        content: out.type === 'text' ? [{ type: 'text', text: out.text }] : [toolCall(out)],
        finishReason: finishReason(out),
        usage: usage(options, out),
        warnings: [],
      };
    },

    async doStream(options) {
      checkAborted(options);
      const out = reply(options);
      const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      if (out.type === 'text') {
        const id = `text_${randomUUID()}`;
        parts.push({ type: 'text-start', id });
        // Word-sized deltas, so clients exercise the same incremental path as with a real model.
        for (const delta of out.text.match(/\S+\s*|\s+/g) ?? []) parts.push({ type: 'text-delta', id, delta });
        parts.push({ type: 'text-end', id });
      } else {
        parts.push(toolCall(out));
      }
      parts.push({ type: 'finish', finishReason: finishReason(out), usage: usage(options, out) });
      return { stream: simulateReadableStream({ chunks: parts, initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  };
}
