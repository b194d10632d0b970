import type { BillingServices } from '../billing/services.ts';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { streamText, type ModelMessage, type StepResult, type ToolSet, type UIMessageStreamWriter } from 'ai';
import { countDecision } from '../observability/decisions.ts';
import { tracingEnabled } from '../observability/tracing.ts';
import { enforce, type EnforceDeps, type ToolOutcome } from '../policy/enforce.ts';
import type { Redaction, TurnContext } from '../policy/output-gate/index.ts';
import { createOutputGateTransform } from '../policy/output-gate/index.ts';
import { EMAIL_IN_TEXT } from '../policy/email-in-text.ts';
import { mapStrings } from '../policy/strings.ts';
import type { PolicyContext } from '../policy/types.ts';
import { recordRedactions } from '../store/audit.ts';
import { classifyDatabaseError } from '../store/classify-database-error.ts';
import type { DatabaseError } from '../store/database-error.ts';
import { takePendingConfirmation } from '../store/confirmations.ts';
import { appendMessages, loadHistory } from '../store/conversations.ts';
import { TOOL_REGISTRY, type ToolName } from '../tools/index.ts';
import type { Session } from '../tools/session.ts';
import { isAffirmative } from './affirmation.ts';
import { scoreConversation } from './confidence-estimate.ts';
import { MODEL_TOOLS } from './tool-definitions.ts';
import { carriesForeignText, userWords } from './user-words.ts';

/** A turn never runs away: at most this many model steps (the policy caps the calls). */
const MAX_STEPS = 3;

/**
 * What the user is told when the database fails during the turn. A call runs only with its
 * audit row, so once the database is gone no further call may run: the turn stops here.
 */
export const DATABASE_LOST_MESSAGE =
  'I had to stop: our database is not answering, so I could not record or carry out anything further. ' +
  'Nothing else was done. Please try again in a moment.';

/** Output-gate findings that also bar a value from being written by a tool. */
const SENSITIVE_KINDS = new Set(['secret_value', 'secret_format', 'system_prompt']);

/** What a turn needs; it adds the tool registry and builds the policy's `scrub` from `redact` and the turn's context. */
export interface TurnDeps extends Omit<EnforceDeps, 'scrub' | 'tools'> {
  systemPrompt: string;
  redact: (text: string, ctx: TurnContext) => { text: string; redactions: Redaction[] };
  maxReplyChars: number;
  thresholds: Record<ToolName, number>;
  publicBaseUrl: string;
  billing?: BillingServices;
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
  /** The client address (TRUST_PROXY resolved): tools limit abuse per address. */
  clientAddress: string;
  userText: string;
  model: LanguageModelV3;
  /** Sees each decided call as the client does (JSON mode builds its `toolCalls` from this). */
  onToolCall?: (outcome: ToolOutcome) => void;
  /** Called when the database failed mid-turn and the turn stopped (after the user was told). */
  onDatabaseLost?: (error: DatabaseError) => void;
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

  const typed = [...history, userMessage].filter((m) => m.role === 'user').map(textOf);
  const userTexts = typed.map(userWords);
  const typedEmails = [...new Set(userTexts.flatMap((t) => t.match(EMAIL_IN_TEXT) ?? []).map((e) => e.toLowerCase()))];
  // Per call, runCall adds whether it was confirmed and its place in the turn's budget.
  const policy: Omit<PolicyContext, 'confirmed' | 'callsThisTurn'> = {
    session: turn.session,
    conversationId: turn.conversationId,
    clientAddress: turn.clientAddress,
    userTexts,
    foreignText: typed.some(carriesForeignText),
    typedEmails,
    ownWordsAsk: (tool) => Math.max(0, ...userTexts.map((text) => estimateConfidence([text], tool) ?? 0)),
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
      {
        ...policy,
        confirmed,
        callsThisTurn: ++callsThisTurn,
        requestId: turn.requestId,
        publicBaseUrl: deps.publicBaseUrl,
        billing: deps.billing,
        ...(deps.vendors ? { vendors: deps.vendors } : {}),
      },
      enforceDeps,
    );
    countDecision(outcome, TOOL_REGISTRY);
    const output = mapStrings(outcome.output, gate) as ToolOutcome['output'];
    writer.write({ type: 'tool-input-available', toolCallId: call.toolCallId, toolName: outcome.tool, input: outcome.args });
    writer.write({ type: 'tool-output-available', toolCallId: call.toolCallId, output });
    turn.onToolCall?.({ ...outcome, output });
    return outcome;
  };

  // enforce() throws only when the database failed (an audit row or a lookup could not be
  // made); the call then did not run. Every later call would fail the same way: stop the turn.
  let lost: DatabaseError | null = null;
  const tryCall = async (...args: Parameters<typeof runCall>) => {
    try {
      return await runCall(...args);
    } catch (error) {
      lost = classifyDatabaseError(error);
      if (!lost) throw error;
      return null;
    }
  };

  writer.write({ type: 'start' });

  // A pending low-confidence call runs only on the user's very next message, and only if it is a "yes".
  const pending = turn.isNew ? null : await takePendingConfirmation(db, turn.conversationId);
  if (pending && isAffirmative(userWords(turn.userText))) {
    const toolCallId = `confirmed-${turn.requestId}`;
    const outcome = await tryCall({ toolCallId, toolName: pending.tool, input: pending.args, confidence: pending.confidence }, true);
    if (outcome) {
      const exchange = toolExchange(toolCallId, pending.tool, pending.args, outcome);
      messages.push(...exchange);
      newMessages.push(...exchange);
    }
  }

  for (let step = 0; step < MAX_STEPS && !lost; step++) {
    // The step's text and tool calls arrive through onStepFinish: reading `result.text` or
    // `result.toolCalls` instead would tee the stream once more and replay it (a third of a
    // turn's CPU in the throughput benchmark).
    const finished: { step?: StepResult<ToolSet> } = {};
    const result = streamText({
      model: turn.model,
      system: deps.systemPrompt,
      messages,
      tools: MODEL_TOOLS,
      experimental_transform: createOutputGateTransform(deps.redact, gateContext, deps.maxReplyChars, (r) => redactions.push(...r), shared),
      abortSignal: AbortSignal.timeout(deps.modelTimeoutMs),
      maxRetries: 1,
      // The SDK's own spans when tracing is on; prompts and replies stay out of them (user data).
      experimental_telemetry: { isEnabled: tracingEnabled(), functionId: 'toolgate.turn', recordInputs: false, recordOutputs: false },
      // Routed to the scrubbed logger: the SDK's default prints upstream bodies to stderr.
      onError: ({ error }) => deps.logError?.(error, { step }),
      onStepFinish: (stepResult) => {
        finished.step = stepResult;
      },
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
    const { text, toolCalls } = finished.step ?? { text: await result.text, toolCalls: await result.toolCalls };
    const outcomes: Array<{ id: string; name: string; input: unknown; outcome: ToolOutcome }> = [];
    for (const call of toolCalls) {
      const reported = (call.providerMetadata?.toolgate as { confidence?: unknown } | undefined)?.confidence;
      const confidence = typeof reported === 'number' ? reported : estimateConfidence(userTexts, call.toolName);
      const outcome = await tryCall({ toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, confidence }, false);
      if (!outcome) break;
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

  // What happened is stored if the database answers again; what ran is audited either way.
  try {
    await appendMessages(db, turn.conversationId, newMessages, turn.requestId);
    await recordRedactions(db, { requestId: turn.requestId, conversationId: turn.conversationId, actor: turn.session.actor, policyVersion: deps.policyVersion ?? null }, redactions);
  } catch (error) {
    const failure = classifyDatabaseError(error);
    if (!failure) throw error;
    lost ??= failure;
  }
  if (lost) {
    deps.logError?.(lost, { stage: 'turn stopped: database failed' });
    const id = `stopped-${turn.requestId}`;
    writer.write({ type: 'text-start', id });
    writer.write({ type: 'text-delta', id, delta: DATABASE_LOST_MESSAGE });
    writer.write({ type: 'text-end', id });
    turn.onDatabaseLost?.(lost);
  }
  writer.write({ type: 'finish' });
}

/** The local intent scorer's estimate, for a known tool whose model reported no confidence; the user's own words, oldest first. */
function estimateConfidence(userTexts: readonly string[], toolName: string): number | null {
  const tool = TOOL_REGISTRY.find(toolName);
  return tool ? scoreConversation(userTexts, tool.name) : null;
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
