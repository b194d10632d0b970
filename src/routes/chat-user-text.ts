import type { ChatBody, UIMessageBody } from './chat-contract.ts';

/** The text of the one user message a chat request carries (the last user message of a useChat body), or null. */
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
