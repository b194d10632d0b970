import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ToolName } from '../../tools/index.ts';

/** One step's answer from the local model: a text, or one tool call with its confidence. */
export type Reply =
  | { type: 'text'; text: string }
  | { type: 'tool-call'; toolName: ToolName; input: Record<string, unknown>; confidence: number };

/** What the local model knows when it answers the user. */
export interface Conversation {
  prompt: LanguageModelV3Prompt;
  /** Every user message so far, oldest first, as typed. */
  userTexts: string[];
  /** The user's own words (`userWords`) in their latest message. */
  latest: string;
}

/** The words that asked for a tool (the latest message, or the earlier one it completes) and how sure the rules are. */
export interface ToolRequest {
  text: string;
  confidence: number;
}

/** What the local model knows about one tool: every tool the gateway offers has one. */
export interface LocalToolRules {
  /** What the model tells the user it can do with the tool. */
  capability: string;
  /**
   * A latest message with no intent of its own may answer a question this tool's
   * request raised (a missing name or email); then it continues that earlier request.
   */
  continues?(conversation: Conversation): ToolRequest | null;
  /** The call that does what was asked, with inputs from the user's words, or a question when something is missing. */
  reply(conversation: Conversation, request: ToolRequest): Reply;
}
