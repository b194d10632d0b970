import { createUIMessageStream, createUIMessageStreamResponse } from 'ai';
import type { Context } from 'hono';
import type { GatewayEnv } from '../http/router.ts';

/**
 * The answer to a message on a conversation the founder has taken over. The message is
 * already stored (the founder reads it in the console); the model is not called. The
 * stream says so with one `data-handoff` part, JSON mode with `"handoff": "human"`, and the
 * widget then shows that a person is replying and polls for their messages.
 */
export function answerHandedOff(c: Context<GatewayEnv>, conversationId: string, wantsJson: boolean) {
  if (wantsJson) return c.json({ conversationId, text: '', toolCalls: [], handoff: 'human' as const }, 200);
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: 'start' });
      writer.write({ type: 'data-handoff', data: { handledBy: 'human' } });
      writer.write({ type: 'finish' });
    },
  });
  return createUIMessageStreamResponse({ stream, headers: { 'x-request-id': c.get('requestId'), 'x-conversation-id': conversationId } });
}
