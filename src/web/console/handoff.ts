import { appendAudit, operatorAudit, type AuditEntry } from '../../store/audit.ts';
import type { Database } from '../../store/database.ts';
import { appendHumanMessage, setHandledBy, type HandledBy } from '../../store/handoff.ts';

/** The largest reply the founder may send, matching what a visitor may send. */
export const MAX_HUMAN_MESSAGE_CHARS = 4000;

const entry = (who: { requestId: string; actor: string; conversationId: string }, decision: string, args: unknown): AuditEntry =>
  operatorAudit({ ...who, kind: 'handoff', decision, args });

/**
 * Takes a conversation over ('human') or hands it back ('assistant'); the change and its
 * audit row commit together. A repeat (already so) changes and audits nothing.
 */
export async function changeHandler(
  db: Database,
  who: { requestId: string; actor: string; conversationId: string },
  to: HandledBy,
): Promise<'changed' | 'unchanged' | 'missing'> {
  return db.transaction(async (tx) => {
    const result = await setHandledBy(tx, who.conversationId, to);
    if (result === 'changed') await appendAudit(tx, entry(who, to === 'human' ? 'taken_over' : 'handed_back', { handledBy: to }));
    return result;
  });
}

/**
 * The founder's reply, stored for the visitor's widget and the model's later history, with an
 * audit row that records who wrote and how much (the text is in the transcript, not the log).
 * False when the conversation is not (or no longer) taken over.
 */
export async function sendHumanMessage(
  db: Database,
  who: { requestId: string; actor: string; conversationId: string },
  text: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stored = await appendHumanMessage(tx, who.conversationId, text, who.requestId);
    if (stored) await appendAudit(tx, entry(who, 'human_replied', { chars: text.length }));
    return stored;
  });
}
