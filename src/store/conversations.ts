import type { ModelMessage } from 'ai';
import type { Database, Queryable } from './database.ts';

export type ConversationAccess = { ok: true; created: boolean } | { ok: false };

/**
 * Opens the conversation for `owner`, creating it on first use. Someone else's
 * conversation looks exactly like a missing one would to the caller: not found.
 */
export async function openConversation(db: Queryable, id: string, owner: string): Promise<ConversationAccess> {
  const inserted = await db.query('insert into conversations (id, owner) values ($1, $2) on conflict (id) do nothing returning id', [id, owner]);
  if (inserted.length) return { ok: true, created: true };
  const [row] = await db.query<{ owner: string }>('select owner from conversations where id = $1', [id]);
  return row?.owner === owner ? { ok: true, created: false } : { ok: false };
}

export async function countMessages(db: Queryable, conversationId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from messages where conversation_id = $1', [conversationId]);
  return row?.n ?? 0;
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

export async function appendMessages(db: Database, conversationId: string, messages: ModelMessage[], requestId: string): Promise<void> {
  if (messages.length === 0) return;
  await db.transaction(async (tx) => {
    for (const m of messages) {
      await tx.query('insert into messages (conversation_id, role, content, request_id) values ($1, $2, $3::jsonb, $4)', [
        conversationId,
        m.role,
        JSON.stringify(m.content),
        requestId,
      ]);
    }
    await tx.query('update conversations set updated_at = now() where id = $1', [conversationId]);
  });
}
