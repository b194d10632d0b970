import type { ModelMessage } from 'ai';
import type { Queryable } from './database.ts';

/** `stored` is false only when the conversation is full; `handledBy` is 'human' while the founder has taken the conversation over: the model must not answer. */
export type ConversationAccess = { ok: true; created: boolean; stored: boolean; handledBy: 'assistant' | 'human' } | { ok: false };

/**
 * Opens the conversation for `owner` (creating it on first use) and stores the new
 * user message unless the conversation is full, in one round trip: this runs on
 * every chat turn. Someone else's conversation looks exactly like a missing one.
 */
export async function openConversation(
  db: Queryable,
  turn: { id: string; owner: string; userText: string; requestId: string; maxMessages: number },
): Promise<ConversationAccess> {
  const [row] = await db.query<{ owner: string; created: boolean; stored: boolean; handled_by: 'assistant' | 'human' }>(
    `with created as (
       insert into conversations (id, owner) values ($1, $2) on conflict (id) do nothing returning owner
     ), conversation as (
       select owner, true as created, 'assistant' as handled_by from created
       union all
       select owner, false as created, handled_by from conversations where id = $1 and not exists (select 1 from created)
     ), stored as (
       insert into messages (conversation_id, role, content, request_id)
       select $1, 'user', $3::jsonb, $4 from conversation
        where conversation.owner = $2
          and (conversation.created or (select count(*) from messages where conversation_id = $1) < $5)
       returning id
     )
     select owner, created, handled_by, exists (select 1 from stored) as stored from conversation`,
    [turn.id, turn.owner, JSON.stringify(turn.userText), turn.requestId, turn.maxMessages],
  );
  if (!row || row.owner !== turn.owner) return { ok: false };
  return { ok: true, created: row.created, stored: row.stored, handledBy: row.handled_by };
}

/**
 * Hands every conversation of `from` (a visitor) to `to` (the user who just signed in with
 * that visitor's token), so a chat started before signing in continues after it.
 * Returns how many conversations moved.
 */
export async function adoptConversations(db: Queryable, from: string, to: string): Promise<number> {
  const rows = await db.query<{ id: string }>('update conversations set owner = $2 where owner = $1 returning id', [from, to]);
  return rows.length;
}

export async function loadHistory(db: Queryable, conversationId: string, limit = 200): Promise<ModelMessage[]> {
  const rows = await db.query<{ role: 'user' | 'assistant' | 'tool'; content: unknown }>(
    `select role, content from (
       select id, role, content from messages where conversation_id = $1 order by id desc limit $2
     ) recent order by id`,
    [conversationId, limit],
  );
  return rows.map((r) => ({ role: r.role, content: r.content }) as ModelMessage);
}

/** One multi-row insert: atomic without a transaction, one round trip however many messages. */
export async function appendMessages(db: Queryable, conversationId: string, messages: ModelMessage[], requestId: string): Promise<void> {
  if (messages.length === 0) return;
  const values = messages.map((_, i) => `($1, $${i * 2 + 3}, $${i * 2 + 4}::jsonb, $2)`).join(', ');
  await db.query(
    `insert into messages (conversation_id, role, content, request_id) values ${values}`,
    [conversationId, requestId, ...messages.flatMap((m) => [m.role, JSON.stringify(m.content)])],
  );
}

export interface StoredMessage {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  content: unknown;
  requestId: string | null;
  createdAt: Date;
}

/** Every stored message of a conversation, oldest first, whoever owns it: for the operator, not for callers. */
export function listMessages(db: Queryable, conversationId: string): Promise<StoredMessage[]> {
  return db.query<StoredMessage>(
    'select id, role, content, request_id as "requestId", created_at as "createdAt" from messages where conversation_id = $1 order by id',
    [conversationId],
  );
}
