import type { TurnContext } from '../policy/output-gate/index.ts';
import { EMAIL_IN_TEXT } from '../policy/email-in-text.ts';
import { mapStrings } from '../policy/strings.ts';
import type { TranscriptRow } from '../store/transcript.ts';
import type { ToolResult } from '../tools/tool-result.ts';

export interface VisibleToolOutcome {
  toolCallId: string;
  tool: string;
  output: ToolResult;
}

export interface VisibleMessage {
  id: number;
  role: 'user' | 'assistant';
  /** `assistant` for the model, `human` for an operator answering in its place, null for the caller. */
  author: 'assistant' | 'human' | null;
  text: string;
  toolOutcomes: VisibleToolOutcome[];
  createdAt: string;
}

type Part = { type?: unknown; text?: unknown; toolCallId?: unknown; toolName?: unknown; output?: unknown };

const partsOf = (content: unknown): Part[] =>
  typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? (content as Part[]) : [];

const textOf = (content: unknown) =>
  partsOf(content)
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join('\n');

/** A stored tool result's value: the JSON output the policy produced, or an error text. */
function resultValue(output: unknown): ToolResult {
  const o = output as { type?: unknown; value?: unknown } | null;
  if (o && (o.type === 'json' || o.type === 'error-json') && o.value && typeof o.value === 'object') return o.value as ToolResult;
  return { status: 'error', message: 'This action could not be shown.' };
}

/**
 * What the caller saw during the turns, rebuilt from the stored messages: user and assistant
 * text, and each tool call's result paired with its call (tool results are stored as their
 * own `tool` messages). The model's words and every tool result pass the output gate again
 * with the same context a turn uses (the emails the caller typed and their own), because the
 * stored results are what the model saw, before the gate; an operator's words are shown as written.
 */
export function visibleTranscript(
  rows: TranscriptRow[],
  sessionEmail: string | null,
  redact: (text: string, ctx: TurnContext) => { text: string },
): VisibleMessage[] {
  const typed = rows
    .filter((r) => r.role === 'user')
    .flatMap((r) => textOf(r.content).match(EMAIL_IN_TEXT) ?? [])
    .map((e) => e.toLowerCase());
  const ctx: TurnContext = { allowedEmails: [...new Set([...typed, ...(sessionEmail ? [sessionEmail.toLowerCase()] : [])])] };
  const gate = (text: string) => redact(text, ctx).text;

  const results = new Map<string, ToolResult>();
  for (const row of rows) {
    if (row.role !== 'tool') continue;
    for (const part of partsOf(row.content)) {
      if (part.type === 'tool-result' && typeof part.toolCallId === 'string') results.set(part.toolCallId, resultValue(part.output));
    }
  }

  const out: VisibleMessage[] = [];
  for (const row of rows) {
    if (row.role === 'tool') continue;
    const createdAt = new Date(row.createdAt).toISOString();
    if (row.role === 'user') {
      out.push({ id: row.id, role: 'user', author: null, text: textOf(row.content), toolOutcomes: [], createdAt });
      continue;
    }
    const human = row.author !== null;
    const toolOutcomes = partsOf(row.content).flatMap((p) => {
      if (p.type !== 'tool-call' || typeof p.toolCallId !== 'string') return [];
      const result = results.get(p.toolCallId);
      if (!result) return [];
      return [{ toolCallId: p.toolCallId, tool: gate(String(p.toolName)), output: mapStrings(result, gate) as ToolResult }];
    });
    const text = textOf(row.content);
    out.push({ id: row.id, role: 'assistant', author: human ? 'human' : 'assistant', text: human ? text : gate(text), toolOutcomes, createdAt });
  }
  return out;
}
