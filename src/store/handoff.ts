import type { Queryable } from './database.ts';

export type HandledBy = 'assistant' | 'human';

/**
 * Sets who answers a conversation. 'changed' when it moved, 'unchanged' when it already was
 * so (a double click, two tabs), 'missing' when there is no such conversation. Runs in the
 * caller's transaction, beside the audit row that records the change.
 */
export async function setHandledBy(tx: Queryable, conversationId: string, handledBy: HandledBy): Promise<'changed' | 'unchanged' | 'missing'> {
  const [row] = await tx.query<{ changed: boolean }>(
    `with target as (select id, handled_by from conversations where id = $1 for update),
     moved as (update conversations c set handled_by = $2 from target where c.id = target.id and target.handled_by <> $2 returning c.id)
     select exists (select 1 from moved) as changed from target`,
    [conversationId, handledBy],
  );
  if (!row) return 'missing';
  return row.changed ? 'changed' : 'unchanged';
}

/**
 * Stores the founder's reply as an assistant message with author 'human': the visitor's
 * widget shows it as a person's, and after a hand-back the model reads it in its history
 * like any earlier answer. Only while the conversation is handled by a human; false otherwise.
 */
export async function appendHumanMessage(tx: Queryable, conversationId: string, text: string, requestId: string): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(
    `insert into messages (conversation_id, role, content, request_id, author)
     select id, 'assistant', $2::jsonb, $3, 'human' from conversations where id = $1 and handled_by = 'human'
     returning id`,
    [conversationId, JSON.stringify([{ type: 'text', text }]), requestId],
  );
  return rows.length === 1;
}
