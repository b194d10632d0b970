import type { LanguageModelV3 } from '@ai-sdk/provider';
import { streamText, type ModelMessage, type UIMessageStreamWriter } from 'ai';
import { enforce, type EnforceDeps, type ToolOutcome } from '../policy/enforce.ts';
import type { Redaction, TurnContext } from '../policy/output-gate/index.ts';
import { createOutputGateTransform } from '../policy/output-gate/index.ts';
import { EMAIL_IN_TEXT } from '../policy/email-in-text.ts';
import { mapStrings } from '../policy/strings.ts';
import type { PolicyContext } from '../policy/types.ts';
import { recordRedactions } from '../store/audit.ts';
import { takePendingConfirmation } from '../store/confirmations.ts';
import { appendMessages, loadHistory } from '../store/conversations.ts';
import { TOOL_REGISTRY, type ToolName } from '../tools/index.ts';
import type { Session } from '../tools/session.ts';
import { isAffirmative } from './affirmation.ts';
import { scoreIntent } from './confidence-estimate.ts';
import { MODEL_TOOLS } from './tool-definitions.ts';
import { userWords } from './user-words.ts';

/** A turn never runs away: at most this many model steps (the policy caps the calls). */
const MAX_STEPS = 3;

/** Output-gate findings that also bar a value from being written by a tool. */
const SENSITIVE_KINDS = new Set(['secret_value', 'secret_format', 'system_prompt']);

/** What a turn needs; it adds the tool registry and builds the policy's `scrub` from `redact` and the turn's context. */
export interface TurnDeps extends Omit<EnforceDeps, 'scrub' | 'tools'> {
  systemPrompt: string;
  redact: (text: string, ctx: TurnContext) => { text: string; redactions: Redaction[] };
  maxReplyChars: number;
  thresholds: Record<ToolName, number>;
  publicBaseUrl: string;
  vendors?: { crm: boolean; helpdesk: boolean };
  /** A model step that takes longer is abandoned: the turn ends with an error, not a hang. */
  modelTimeoutMs: number;
}

export interface TurnRequest {
  conversationId: string;
  /** Created by this request: there is no history or pending confirmation to read. */
  isNew: boolean;
  requestId: string;
  session: Session;
  userText: string;
  model: LanguageModelV3;
  /** Sees each decided call as the client does (JSON mode builds its `toolCalls` from this). */
  onToolCall?: (outcome: ToolOutcome) => void;
}

/**
 * One chat turn: the server-owned history plus the new user message go to the
 * model; every tool call it proposes is decided by the policy pipeline; every
 * word it says passes the output gate before it reaches `writer`.
 */
export async function runTurn(deps: TurnDeps, turn: TurnRequest, writer: UIMessageStreamWriter): Promise<void> {
  const { db } = deps;
  // The route stored the user message already (openConversation), so a failed turn still shows it.
  const userMessage: ModelMessage = { role: 'user', content: turn.userText };
  const stored = turn.isNew ? [] : await loadHistory(db, turn.conversationId);
  const last = stored.at(-1);
  const history = last?.role === 'user' && last.content === turn.userText ? stored.slice(0, -1) : stored;

  const userTexts = [...history, userMessage].filter((m) => m.role === 'user').map((m) => userWords(textOf(m)));
  const typedEmails = [...new Set(userTexts.flatMap((t) => t.match(EMAIL_IN_TEXT) ?? []).map((e) => e.toLowerCase()))];
  // Per call, runCall adds whether it was confirmed and its place in the turn's budget.
  const policy: Omit<PolicyContext, 'confirmed' | 'callsThisTurn'> = {
    session: turn.session,
    conversationId: turn.conversationId,
    userTexts,
    typedEmails,
    thresholds: deps.thresholds,
    findSensitive: (text) =>
      deps
        .redact(text, { allowedEmails: [] })
        .redactions.filter((r) => SENSITIVE_KINDS.has(r.kind))
        .map((r) => r.kind),
  };
  const gateContext: TurnContext = {
    allowedEmails: [...typedEmails, ...(turn.session.email ? [turn.session.email.toLowerCase()] : [])],
  };
  const redactions: Redaction[] = [];
  // Tool names, arguments and results reach the client and the audit log: the model could smuggle a secret through any.
  const gate = (text: string) => {
    const shown = deps.redact(text, gateContext);
    redactions.push(...shown.redactions);
    return shown.text;
  };
  const enforceDeps: EnforceDeps = { ...deps, tools: TOOL_REGISTRY, scrub: gate };
  const newMessages: ModelMessage[] = [];
  const messages: ModelMessage[] = [...history, userMessage];
  const shared = { emitted: 0 };
  let callsThisTurn = 0;

  const runCall = async (call: { toolCallId: string; toolName: string; input: unknown; confidence: number | null }, confirmed: boolean) => {
    const outcome = await enforce(
      { tool: call.toolName, args: call.input, confidence: call.confidence },
      { ...policy, confirmed, callsThisTurn: ++callsThisTurn, requestId: turn.requestId, publicBaseUrl: deps.publicBaseUrl, ...(deps.vendors ? { vendors: deps.vendors } : {}) },
      enforceDeps,
    );
    const output = mapStrings(outcome.output, gate) as ToolOutcome['output'];
    writer.write({ type: 'tool-input-available', toolCallId: call.toolCallId, toolName: outcome.tool, input: outcome.args });
    writer.write({ type: 'tool-output-available', toolCallId: call.toolCallId, output });
    turn.onToolCall?.({ ...outcome, output });
    return outcome;
  };

  writer.write({ type: 'start' });

  // A pending low-confidence call runs only on the user's very next message, and only if it is a "yes".
  const pending = turn.isNew ? null : await takePendingConfirmation(db, turn.conversationId);
  if (pending && isAffirmative(userWords(turn.userText))) {
    const toolCallId = `confirmed-${turn.requestId}`;
    const outcome = await runCall({ toolCallId, toolName: pending.tool, input: pending.args, confidence: pending.confidence }, true);
    const exchange = toolExchange(toolCallId, pending.tool, pending.args, outcome);
    messages.push(...exchange);
    newMessages.push(...exchange);
  }

  for (let step = 0; step < MAX_STEPS; step++) {
    const result = streamText({
      model: turn.model,
      system: deps.systemPrompt,
      messages,
      tools: MODEL_TOOLS,
      experimental_transform: createOutputGateTransform(deps.redact, gateContext, deps.maxReplyChars, (r) => redactions.push(...r), shared),
      abortSignal: AbortSignal.timeout(deps.modelTimeoutMs),
      maxRetries: 1,
      // Routed to the scrubbed logger: the SDK's default prints upstream bodies to stderr.
      onError: ({ error }) => deps.logError?.(error, { step }),
    });
    let failed = false;
    for await (const chunk of result.toUIMessageStream({ sendStart: false, sendFinish: false, onError: () => 'The assistant is unavailable right now.' })) {
      // Tool parts are written by the gateway itself, with redacted arguments and the policy's result.
      if (chunk.type.startsWith('tool-')) continue;
      if (chunk.type === 'error') failed = true;
      writer.write(chunk);
    }
    // A failed step has no trustworthy tool calls: none of them runs, and the turn ends here.
    if (failed) break;
    const [text, toolCalls] = await Promise.all([result.text, result.toolCalls]);
    const outcomes: Array<{ id: string; name: string; input: unknown; outcome: ToolOutcome }> = [];
    const latest = userWords(turn.userText);
    for (const call of toolCalls) {
      const reported = (call.providerMetadata?.toolgate as { confidence?: unknown } | undefined)?.confidence;
      const confidence = typeof reported === 'number' ? reported : estimateConfidence(latest, call.toolName);
      const outcome = await runCall({ toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, confidence }, false);
      outcomes.push({ id: call.toolCallId, name: call.toolName, input: call.input, outcome });
    }
    const assistant: ModelMessage = {
      role: 'assistant',
      content: [
        ...(text ? [{ type: 'text' as const, text }] : []),
        ...outcomes.map((o) => ({ type: 'tool-call' as const, toolCallId: o.id, toolName: o.name, input: o.input })),
      ],
    };
    const stepMessages: ModelMessage[] = assistant.content.length ? [assistant] : [];
    if (outcomes.length) stepMessages.push(toolResults(outcomes.map((o) => ({ id: o.id, name: o.name, outcome: o.outcome }))));
    messages.push(...stepMessages);
    newMessages.push(...stepMessages);
    if (outcomes.length === 0) break;
  }

  writer.write({ type: 'finish' });
  await appendMessages(db, turn.conversationId, newMessages, turn.requestId);
  await recordRedactions(db, { requestId: turn.requestId, conversationId: turn.conversationId, actor: turn.session.actor }, redactions);
}

/** The local intent scorer's estimate, for a known tool whose model reported no confidence. */
function estimateConfidence(latestUserWords: string, toolName: string): number | null {
  const tool = TOOL_REGISTRY.find(toolName);
  return tool ? scoreIntent(latestUserWords, tool.name) : null;
}

function textOf(message: ModelMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
}

function toolResults(items: Array<{ id: string; name: string; outcome: ToolOutcome }>): ModelMessage {
  return {
    role: 'tool',
    content: items.map((i) => ({
      type: 'tool-result' as const,
      toolCallId: i.id,
      toolName: i.name,
      output: { type: 'json' as const, value: i.outcome.output as never },
    })),
  };
}

function toolExchange(toolCallId: string, toolName: string, input: unknown, outcome: ToolOutcome): ModelMessage[] {
  return [
    { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input }] },
    toolResults([{ id: toolCallId, name: toolName, outcome }]),
  ];
}
