import { z } from 'zod';

/** Conversation ids are chosen by the client; for visitors the id is the only key, so keep it opaque. */
export const conversationId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, - or _');

const uiMessage = z.looseObject({
  role: z.string(),
  parts: z.array(z.looseObject({ type: z.string(), text: z.unknown().optional() })).max(100),
});

/**
 * `{id, message}` as the gateway's own clients send it, or the AI SDK `useChat`
 * body `{id, messages}`. Either way only one user message is taken: history,
 * system prompts, assistant turns and approvals sent by a client are ignored.
 */
export const chatBody = z.union([
  z.looseObject({ id: conversationId, message: uiMessage }),
  z.looseObject({ id: conversationId, messages: z.array(uiMessage).min(1).max(1000) }),
]);

export type ChatBody = z.infer<typeof chatBody>;
type UIMessageBody = z.infer<typeof uiMessage>;

export function userTextOf(body: ChatBody): string | null {
  const message: UIMessageBody | undefined =
    'message' in body ? (body.message as UIMessageBody) : (body.messages as UIMessageBody[]).findLast((m) => m.role === 'user');
  if (!message || message.role !== 'user') return null;
  const text = message.parts
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join('\n')
    .trim();
  return text || null;
}
