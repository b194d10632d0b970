import type { ToolName } from '../../tools/index.ts';
import { looksLikeInjection, type Intent } from './classify.ts';
import { plain } from './clean-text.ts';
import type { Reply } from './reply.ts';
import { LOCAL_RULES } from './rules/index.ts';

function capabilities(tools: Set<ToolName>): string {
  const items = (Object.keys(LOCAL_RULES) as ToolName[]).filter((t) => tools.has(t)).map((t) => LOCAL_RULES[t].capability);
  if (items.length === 0) return "I can't take any actions in this conversation.";
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
  return `I can ${list}.`;
}

const GREETING = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|hola|buenos dias|buenas|bonjour|salut|hallo|guten (tag|morgen|abend)|servus|moin)\b/i;
const THANKS = /^(thanks|thank you|thx|ty|cheers|gracias|merci|danke)\b/i;

/** The answer when no offered tool fits: say what the model can do, and why it did nothing. */
export function replyWithoutTool(own: string, intent: Intent, tools: Set<ToolName>): Reply {
  const can = capabilities(tools);
  const p = plain(own);
  let text: string;
  if (own === '') {
    text = `I only see quoted or pasted text, with no request of your own. ${can} What would you like me to do?`;
  } else if (THANKS.test(p)) {
    text = `You're welcome! ${can} Is there anything else?`;
  } else if (GREETING.test(p) && intent.confidence === 0) {
    text = `Hello! ${can} How can I help?`;
  } else if (looksLikeInjection(own)) {
    text = `I can't change how I work or act on instructions like that. ${can}`;
  } else if (intent.tool !== null) {
    text = `I can't do that in this conversation. ${can}`;
  } else if (intent.confidence > 0) {
    text = `Could you tell me a bit more about what you need? ${can}`;
  } else {
    text = `Sorry, I can't help with that here. ${can} What would you like to do?`;
  }
  return { type: 'text', text };
}
