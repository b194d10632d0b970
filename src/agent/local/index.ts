import { randomUUID } from 'node:crypto';
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Content, LanguageModelV3Usage } from '@ai-sdk/provider';
import { findTool, type ToolName } from '../../tools/index.ts';
import { isAffirmative } from '../affirmation.ts';
import { afterToolResults, scriptedModel } from '../scripted-model.ts';
import { userWords } from '../user-words.ts';
import { classifyOwnWords, type Intent } from './classify.ts';
import { availableTools, userTexts } from './prompt.ts';
import type { Conversation, Reply, ToolRequest } from './reply.ts';
import { LOCAL_RULES } from './rules/index.ts';
import { replyWithoutTool } from './text-replies.ts';
import { replyToToolResults } from './tool-results.ts';

/**
 * The offline `local` model: a deterministic stand-in for an LLM, so the gateway runs
 * and its tests and evals pass with no network and no API key. It reads only what the
 * user typed (never the system prompt), picks at most one tool with the same estimate
 * the server trusts (`confidence-estimate.ts`), or where that finds nothing, a learned
 * guess it reports as unsure (`classify.ts`), and builds that tool's input with its
 * rules (`rules/`), always in a shape the tool schemas accept. It is just as untrusted
 * as any other model: the policy pipeline checks everything it emits.
 */

/** An earlier request the latest message completes, tried tool by tool in the rules' order. */
function continuation(conversation: Conversation): { intent: Intent; request: ToolRequest } | null {
  for (const tool of Object.keys(LOCAL_RULES) as ToolName[]) {
    const request = LOCAL_RULES[tool].continues?.(conversation) ?? null;
    if (request !== null) return { intent: { tool, confidence: request.confidence }, request };
  }
  return null;
}

function replyToUser(options: LanguageModelV3CallOptions): Reply {
  const tools = availableTools(options);
  const texts = userTexts(options.prompt);
  const conversation: Conversation = { prompt: options.prompt, userTexts: texts, latest: userWords(texts.at(-1) ?? '') };
  const own = conversation.latest;

  // Confirmations are the server's business: it holds the pending action and runs it
  // before the model is asked, so a "yes" that reaches the model has nothing to confirm.
  if (isAffirmative(own)) return { type: 'text', text: 'Okay. Is there anything else I can help with?' };

  const classified = classifyOwnWords(own);
  let intent = classified.intent;
  let request: ToolRequest = { text: own, confidence: intent.confidence };
  // A message the rules find no request in may answer a question about an earlier one
  // ("Maria, maria@acme.com"): that continuation comes before any learned guess about it.
  if (classified.rules.tool === null) {
    const continued = continuation(conversation);
    if (continued !== null) ({ intent, request } = continued);
  }
  if (intent.tool === null || !tools.has(intent.tool)) return replyWithoutTool(own, intent, tools);

  const reply = LOCAL_RULES[intent.tool].reply(conversation, request);
  if (reply.type === 'tool-call' && findTool(reply.toolName)?.input.safeParse(reply.input).success !== true) {
    return { type: 'text', text: "I couldn't put that request together. Could you rephrase it in a sentence or two?" };
  }
  return reply;
}

function content(reply: Reply): LanguageModelV3Content[] {
  if (reply.type === 'text') return [{ type: 'text', text: reply.text }];
  return [
    {
      type: 'tool-call',
      toolCallId: `call_${randomUUID()}`,
      toolName: reply.toolName,
      input: JSON.stringify(reply.input),
      providerMetadata: { toolgate: { confidence: reply.confidence } },
    },
  ];
}

// There is no tokenizer offline; four characters a token is the usual rule of thumb.
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function usage(options: LanguageModelV3CallOptions, answer: LanguageModelV3Content[]): LanguageModelV3Usage {
  const input = estimateTokens(options.prompt.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n'));
  const text = answer.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const calls = answer.flatMap((part) => (part.type === 'tool-call' ? [part.input] : [])).join('');
  const output = estimateTokens(text + calls);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: text === '' ? 0 : output, reasoning: 0 },
  };
}

export function createLocalModel(): LanguageModelV3 {
  return scriptedModel(
    'local',
    (options) => {
      const signal = options.abortSignal;
      if (signal?.aborted) throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
      return content(afterToolResults(options) ? replyToToolResults(options.prompt) : replyToUser(options));
    },
    {
      usage,
      // Word-sized deltas, so clients exercise the same incremental path as with a real model.
      textDeltas: (text) => text.match(/\S+\s*|\s+/g) ?? [],
    },
  );
}
