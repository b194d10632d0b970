import type { Reason } from './reasons.ts';

/** What the model (and the JSON-mode client) sees as the result of one tool call. */
export type ToolResult = {
  status: 'done' | 'duplicate' | 'denied' | 'needs_confirmation' | 'error';
  reason?: Reason;
  message: string;
  [detail: string]: unknown;
};
