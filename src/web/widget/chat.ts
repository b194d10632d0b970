import type { Api, Transcript } from './api.ts';
import { describeOutcome, followedOutcome, type Outcome, type ToolOutput } from './outcomes.ts';
import { uiChunks } from './sse.ts';
import { h, type View } from './view.ts';

/** How often the widget asks for new messages while a person answers. */
const HUMAN_POLL_MS = 3000;
/** How often and how long a syncing lead or ticket is followed until it is synced. */
const SYNC_POLL_MS = 4000;
const SYNC_FOLLOW_MS = 3 * 60 * 1000;

export interface ConversationStore {
  get(): string | null;
  set(id: string): void;
  clear(): void;
}

/** A conversation id the client chooses, within the gateway's id contract: it names the chat, the visitor or user owns it. */
export const newConversationId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `w_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

/**
 * One chat in the panel: sending, streaming, outcomes, restoring after a reload, retrying
 * after a network failure without sending a message twice, and following a person's answers.
 */
export function createChat(view: View, api: Api, conversations: ConversationStore) {
  let busy = false;
  /** User messages the server is known to have stored: a retry compares against it. */
  let storedUserMessages = 0;
  let humanPoll: ReturnType<typeof setInterval> | null = null;
  const shownHumanMessages = new Set<number>();

  const conversationId = () => conversations.get() ?? (conversations.set(newConversationId()), conversations.get()!);

  const setBusy = (value: boolean) => {
    busy = value;
    view.send.disabled = value;
    view.send.setAttribute('aria-busy', String(value));
  };

  /** Follows a syncing lead or ticket until its sync settles, then redraws its card. */
  const follow = (outcome: Outcome, draw: (o: Outcome) => void) => {
    if (!outcome.requestId) return;
    const started = Date.now();
    const timer = setInterval(async () => {
      if (Date.now() - started > SYNC_FOLLOW_MS) return clearInterval(timer);
      const request = await api.request(outcome.requestId!).catch(() => null);
      if (!request || request.state === 'syncing') return;
      clearInterval(timer);
      draw(followedOutcome(outcome, request.state, request.message));
    }, SYNC_POLL_MS);
  };

  const showOutcome = (tool: string, output: ToolOutput, live: boolean) => {
    const outcome = describeOutcome(tool, output);
    const actions: HTMLButtonElement[] = [];
    if (outcome.kind === 'confirm' && live) {
      const answer = (text: string) => () => {
        actions.forEach((b) => (b.disabled = true));
        void send(text);
      };
      const yes = h('button', { type: 'button', class: 'primary' }, 'Yes') as HTMLButtonElement;
      const no = h('button', { type: 'button' }, 'No') as HTMLButtonElement;
      yes.addEventListener('click', answer('Yes'));
      no.addEventListener('click', answer('No'));
      actions.push(yes, no);
    }
    const draw = view.addOutcome(outcome, actions);
    if (live) follow(outcome, draw);
    return actions;
  };

  const setHandledBy = (who: 'assistant' | 'human') => {
    view.handoff.hidden = who !== 'human';
    if (who === 'human' && !humanPoll) humanPoll = setInterval(() => void poll(), HUMAN_POLL_MS);
    if (who === 'assistant' && humanPoll) {
      clearInterval(humanPoll);
      humanPoll = null;
    }
  };

  /** While a person answers: show what they wrote since the last look. */
  const poll = async () => {
    const id = conversations.get();
    if (!id) return;
    const transcript = await api.transcript(id).catch(() => undefined);
    if (transcript === undefined) return;
    if (transcript === null) return setHandledBy('assistant');
    for (const m of transcript.items) {
      if (m.author === 'human' && !shownHumanMessages.has(m.id)) {
        shownHumanMessages.add(m.id);
        view.addMessage('human', m.text);
      }
    }
    setHandledBy(transcript.handledBy);
  };

  const render = (transcript: Transcript) => {
    for (const m of transcript.items) {
      if (m.role === 'user') {
        view.addMessage('user', m.text);
        continue;
      }
      if (m.author === 'human') shownHumanMessages.add(m.id);
      if (m.text) view.addMessage(m.author === 'human' ? 'human' : 'assistant', m.text);
      const last = m === transcript.items.at(-1);
      // Only the newest question can still be answered: an older one has expired or was answered.
      for (const o of m.toolOutcomes) showOutcome(o.tool, o.output, last && o.output.status === 'needs_confirmation');
    }
    storedUserMessages = transcript.items.filter((m) => m.role === 'user').length;
    setHandledBy(transcript.handledBy);
  };

  /** Restores the stored conversation (after a reload or a sign-in); a conversation that is not ours any more is forgotten. */
  const restore = async () => {
    const id = conversations.get();
    if (!id) return;
    const transcript = await api.transcript(id).catch(() => undefined);
    if (transcript === null) return conversations.clear();
    if (transcript) render(transcript);
  };

  const networkError = (text: string, bubble: HTMLElement) => {
    const retry = h('button', { type: 'button', class: 'primary' }, 'Retry') as HTMLButtonElement;
    const note = view.addNote('The connection failed. Your message may not have arrived.', [retry]);
    retry.addEventListener('click', async () => {
      retry.disabled = true;
      // The message may have reached the server before the connection broke: ask before sending it again.
      const transcript = await api.transcript(conversationId()).catch(() => undefined);
      if (transcript === undefined) {
        retry.disabled = false;
        return;
      }
      note.remove();
      const arrived = transcript !== null && transcript.items.filter((m) => m.role === 'user').length > storedUserMessages;
      if (arrived) {
        view.log.replaceChildren();
        render(transcript);
      } else {
        void send(text, { bubble });
      }
    });
    retry.focus();
  };

  const refused = async (res: Response, text: string, bubble: HTMLElement) => {
    const problem = await api.problemOf(res);
    if (problem.status === 404) {
      // The stored conversation is no longer this caller's (signed out): nothing was stored; start a new one.
      conversations.clear();
      bubble.parentElement?.remove();
      return send(text);
    }
    bubble.parentElement?.remove();
    view.input.value = text;
    if (problem.status === 429) {
      const wait = problem.retryAfterSeconds;
      view.addOutcome({ kind: 'rate_limited', title: `Too many messages: try again ${wait ? `in ${wait} seconds` : 'shortly'}`, detail: 'Your message was not sent; it is still in the box.' });
      return;
    }
    view.addOutcome({ kind: 'failed', title: 'Not sent', detail: problem.detail || 'Please try again.' });
  };

  /** `bubble`: a retry reuses the bubble of the message it sends again. */
  async function send(text: string, options: { bubble?: HTMLElement } = {}): Promise<void> {
    if (busy || !text.trim()) return;
    setBusy(true);
    const bubble = options.bubble ?? view.addMessage('user', text);
    const stopTyping = view.typing();
    const id = conversationId();
    let res: Response;
    try {
      res = await api.send(id, text);
    } catch {
      stopTyping();
      setBusy(false);
      return networkError(text, bubble);
    }
    if (!res.ok || !res.body) {
      stopTyping();
      setBusy(false);
      return refused(res, text, bubble);
    }
    storedUserMessages++;
    const texts = new Map<string, HTMLElement>();
    const tools = new Map<string, string>();
    try {
      for await (const chunk of uiChunks(res.body)) {
        if (chunk.type === 'text-delta' && chunk.id && chunk.delta) {
          stopTyping();
          const el = texts.get(chunk.id) ?? texts.set(chunk.id, view.addMessage('assistant', '')).get(chunk.id)!;
          el.textContent += chunk.delta;
          view.scroll();
        } else if (chunk.type === 'tool-input-available' && chunk.toolCallId && chunk.toolName) {
          tools.set(chunk.toolCallId, chunk.toolName);
        } else if (chunk.type === 'tool-output-available' && chunk.toolCallId) {
          stopTyping();
          const [yes] = showOutcome(tools.get(chunk.toolCallId) ?? '', (chunk.output ?? {}) as ToolOutput, true);
          yes?.focus();
        } else if (chunk.type === 'data-handoff') {
          setHandledBy((chunk.data as { handledBy?: string } | undefined)?.handledBy === 'human' ? 'human' : 'assistant');
        } else if (chunk.type === 'error') {
          view.addOutcome({ kind: 'failed', title: 'Something went wrong', detail: chunk.errorText ?? 'Please try again.' });
        }
      }
    } catch {
      // The turn was stored; only its answer was lost. A retry reloads it instead of sending again.
      stopTyping();
      setBusy(false);
      storedUserMessages--;
      return networkError(text, bubble);
    }
    stopTyping();
    setBusy(false);
  }

  /** Signed in or out on the host page: the panel shows the conversation of whoever is now chatting. */
  const identityChanged = async (signedIn: boolean) => {
    if (!signedIn) conversations.clear();
    view.log.replaceChildren();
    setHandledBy('assistant');
    await restore();
  };

  return { send, restore, identityChanged, isBusy: () => busy };
}
