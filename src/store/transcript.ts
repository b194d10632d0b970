import type { Queryable } from './database.ts';

/** The most rows one transcript read returns; conversations are capped well below it (MAX_MESSAGES_PER_CONVERSATION). */
const TRANSCRIPT_ROW_LIMIT = 1000;

export interface TranscriptRow {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  content: unknown;
  /** Who wrote an assistant message when it was not the model (an operator); null otherwise. */
  author: string | null;
  createdAt: Date;
}

export interface Transcript {
  handledBy: 'assistant' | 'human';
  rows: TranscriptRow[];
}

/**
 * A conversation's messages for its owner, in one round trip. Another owner's conversation
 * reads exactly like a missing one (null), so knowing an id reveals nothing.
 */
export async function readTranscript(db: Queryable, conversationId: string, owner: string): Promise<Transcript | null> {
  const rows = await db.query<{ handledBy: 'assistant' | 'human'; id: number | null; role: TranscriptRow['role'] | null; content: unknown; author: string | null; createdAt: Date | null }>(
    `select c.handled_by as "handledBy", m.id, m.role, m.content, m.author, m.created_at as "createdAt"
       from conversations c
       left join messages m on m.conversation_id = c.id
      where c.id = $1 and c.owner = $2
      order by m.id
      limit $3`,
    [conversationId, owner, TRANSCRIPT_ROW_LIMIT],
  );
  const first = rows[0];
  if (!first) return null;
  return {
    handledBy: first.handledBy,
    rows: rows.flatMap((r) => (r.id === null || r.role === null || r.createdAt === null ? [] : [{ id: r.id, role: r.role, content: r.content, author: r.author, createdAt: r.createdAt }])),
  };
}
