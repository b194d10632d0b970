import type { BillingServices } from '../billing/services.ts';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { stepCountIs, streamText, type ModelMessage } from 'ai';
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
import { proposedCall, type Decided, type ProposedToolCall } from './proposed-calls.ts';
import { MODEL_TOOLS } from './tool-definitions.ts';
import { uiChunkOf, type ChunkWriter } from './ui-chunks.ts';
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
export async function runTurn(deps: TurnDeps, turn: TurnRequest, writer: ChunkWriter): Promise<void> {
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
  // Until a call is allowed, a conversation this request created holds no write to repeat.
  let allowedThisTurn = false;

  const runCall = async (call: ProposedToolCall, confirmed: boolean): Promise<Decided> => {
    const outcome = await enforce(
      { tool: call.toolName, args: call.input, confidence: call.confidence },
      {
        ...policy,
        confirmed,
        callsThisTurn: ++callsThisTurn,
        noPriorWrites: turn.isNew && !allowedThisTurn,
        requestId: turn.requestId,
        publicBaseUrl: deps.publicBaseUrl,
        billing: deps.billing,
        ...(deps.vendors ? { vendors: deps.vendors } : {}),
      },
      enforceDeps,
    );
    if (outcome.decision === 'allowed') allowedThisTurn = true;
    countDecision(outcome, TOOL_REGISTRY);
    const shownOutput = mapStrings(outcome.output, gate) as ToolOutcome['output'];
    turn.onToolCall?.({ ...outcome, output: shownOutput });
    return { call, outcome, shownOutput };
  };
  // The client sees a decided call with its redacted arguments and the policy's result.
  const show = ({ call, outcome, shownOutput }: Decided) => {
    writer.write({ type: 'tool-input-available', toolCallId: call.toolCallId, toolName: outcome.tool, input: outcome.args });
    writer.write({ type: 'tool-output-available', toolCallId: call.toolCallId, output: shownOutput });
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
    const decided = await tryCall({ toolCallId, toolName: pending.tool, input: pending.args, confidence: pending.confidence }, true);
    if (decided) {
      show(decided);
      const exchange = stepExchange('', [decided]);
      messages.push(...exchange);
      newMessages.push(...exchange);
    }
  }

  // All model steps run in one streamText. The SDK neither validates nor executes a call (every
  // one fails its validation on purpose, tool-definitions.ts): when a step has ended, onStepFinish
  // takes its calls through the policy one at a time in the model's order, exactly as a separate
  // streamText per step did, and the next step's prompt is the history as the gateway recorded it.
  const decisions: Array<Deferred<Decided[]>> = [];
  const decisionsOf = (step: number) => (decisions[step] ??= deferred<Decided[]>());
  let stepsFinished = 0;
  let stepFailed = false;
  // Set when the turn must end after this step: it failed, the database was lost, or no call was decided.
  let stop = false;

  const decideStep = async (text: string, calls: ProposedToolCall[]): Promise<Decided[]> => {
    // A failed step has no trustworthy tool calls: none of them runs, and the turn ends here.
    if (stepFailed) {
      stop = true;
      return [];
    }
    const decided: Decided[] = [];
    for (const call of calls) {
      const outcome = await tryCall(call, false);
      if (!outcome) break;
      decided.push(outcome);
    }
    const stepMessages = stepExchange(text, decided);
    messages.push(...stepMessages);
    newMessages.push(...stepMessages);
    if (decided.length === 0 || lost) stop = true;
    return decided;
  };

  // A confirmed call that found the database gone has ended the turn already: the model is not asked.
  if (!lost) {
    const result = streamText({
      model: turn.model,
      system: deps.systemPrompt,
      messages,
      tools: MODEL_TOOLS,
      stopWhen: [stepCountIs(MAX_STEPS), () => stop],
      // The first step's prompt is the one above; every later one the history as the gateway recorded it.
      prepareStep: ({ stepNumber }) => (stepNumber === 0 ? undefined : { messages: [...messages] }),
      experimental_transform: createOutputGateTransform(deps.redact, gateContext, deps.maxReplyChars, (r) => redactions.push(...r), shared),
      timeout: { stepMs: deps.modelTimeoutMs },
      maxRetries: 1,
      // The SDK's own spans when tracing is on; prompts and replies stay out of them (user data).
      experimental_telemetry: { isEnabled: tracingEnabled(), functionId: 'toolgate.turn', recordInputs: false, recordOutputs: false },
      // Routed to the scrubbed logger: the SDK's default prints upstream bodies to stderr.
      onError: ({ error }) => {
        stepFailed = true;
        deps.logError?.(error, { step: stepsFinished });
      },
      // Awaited by the SDK before it decides on another step. It swallows a callback's error, so an
      // unexpected one ends the turn here and is rethrown where the stream is read.
      onStepFinish: (step) => {
        const decided = decisionsOf(stepsFinished++);
        const calls = step.toolCalls.map((call) => proposedCall(call, (toolName) => estimateConfidence(userTexts, toolName)));
        return decideStep(step.text, calls).then(decided.resolve, (error: unknown) => {
          stop = true;
          decided.reject(error);
        });
      },
    });
    let step = 0;
    for await (const part of result.fullStream) {
      const chunk = uiChunkOf(part, () => 'The assistant is unavailable right now.');
      if (!chunk) continue;
      writer.write(chunk);
      // The step's calls are shown after it, once decided, as when each step was a call of its own.
      if (chunk.type === 'finish-step') for (const decided of await decisionsOf(step++).promise) show(decided);
    }
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

/** The assistant's text and the calls the gateway decided, then their results: what the model sees next. */
function stepExchange(text: string, decided: Decided[]): ModelMessage[] {
  const assistant: ModelMessage = {
    role: 'assistant',
    content: [
      ...(text ? [{ type: 'text' as const, text }] : []),
      ...decided.map(({ call }) => ({ type: 'tool-call' as const, toolCallId: call.toolCallId, toolName: call.toolName, input: call.input })),
    ],
  };
  const exchange: ModelMessage[] = assistant.content.length ? [assistant] : [];
  if (decided.length) exchange.push(toolResults(decided.map(({ call, outcome }) => ({ id: call.toolCallId, name: call.toolName, outcome }))));
  return exchange;
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

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** A promise settled from outside (Node 20 has no Promise.withResolvers). Its rejection is handled where it is awaited. */
function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => Object.assign(d, { resolve, reject }));
  d.promise.catch(() => {});
  return d;
}
