import { classifyIntent, lastRequest } from '../../src/agent/local/classify.ts';
import { extractContact, hasLeadContact } from '../../src/agent/local/contact.ts';
import type { CorpusLine } from './load.ts';

/**
 * The offline `local` model's own decision on one corpus line: which tool the last turn
 * asks for (or, for a reply that only supplies details, the earlier request it completes,
 * as the model continues it), and for a lead whether the name and email it needs were
 * found. The policy is not run, so a whole split takes milliseconds.
 */
export function decideLocal(line: CorpusLine): string | null {
  const last = line.turns.at(-1) ?? '';
  let tool = classifyIntent(last).tool;
  if (tool === null && line.turns.length > 1) {
    const typed = extractContact([last]);
    const earlier = lastRequest(line.turns.slice(0, -1));
    if (earlier?.intent.tool === 'capture_lead' && (typed.name !== undefined || typed.email !== undefined)) tool = 'capture_lead';
  }
  // A lead without a name and an email is a question back to the visitor, not a call.
  if (tool === 'capture_lead' && !hasLeadContact(extractContact(line.turns))) return null;
  return tool;
}
