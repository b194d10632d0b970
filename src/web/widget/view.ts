import { CSS } from './styles.ts';
import type { Outcome } from './outcomes.ts';

/** A DOM element with attributes and children; text is always set as text, never parsed as HTML. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

export interface ViewOptions {
  title: string;
  greeting: string;
  launcherLabel: string;
}

/**
 * The launcher and the panel inside a shadow root (open, so tests and assistive tools can reach it; the page's CSS still cannot). Styles are adopted as a constructed
 * sheet where the browser supports it, so a host page whose CSP forbids inline styles still
 * styles the widget; older browsers get a <style> element.
 */
export function createView(host: HTMLElement, options: ViewOptions) {
  const shadow = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(h('style', {}, CSS));
  }

  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'tg-panel' }, options.launcherLabel);
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '\u00d7');
  const handoff = h('div', { class: 'handoff', role: 'status', hidden: '' }, 'A person is replying');
  // role=log is a polite live region: each new message is read out once, without interrupting.
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Messages', tabindex: '0' });
  const input = h('textarea', { id: 'tg-input', rows: '1', placeholder: 'Type a message', autocomplete: 'off', maxlength: '4000' }) as HTMLTextAreaElement;
  const send = h('button', { type: 'submit', class: 'send' }, 'Send') as HTMLButtonElement;
  const form = h('form', {}, h('label', { class: 'sr', for: 'tg-input' }, 'Message'), input, send) as HTMLFormElement;
  const panel = h(
    'div',
    { id: 'tg-panel', class: 'panel', role: 'dialog', 'aria-label': options.title, hidden: '' },
    h('header', {}, h('h2', {}, options.title), close),
    handoff,
    log,
    form,
  );
  const root = h('div', { class: 'root' }, panel, launcher);
  shadow.append(root);
  if (options.greeting) log.append(h('div', { class: 'msg assistant' }, options.greeting));

  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };

  return {
    shadow,
    launcher,
    close,
    panel,
    handoff,
    log,
    input,
    send,
    form,
    /** A message bubble; `who` labels a person answering in the assistant's place. */
    addMessage(role: 'user' | 'assistant' | 'human', text: string): HTMLElement {
      const bubble = h('div', { class: `msg ${role}` });
      if (role === 'human') bubble.append(h('span', { class: 'who' }, 'Support team'));
      const body = h('span', { class: 'text' }, text);
      bubble.append(body);
      log.append(bubble);
      scroll();
      return body;
    },
    addNote(text: string, actions: HTMLElement[] = []): HTMLElement {
      const note = h('div', { class: 'note' }, text);
      if (actions.length) note.append(h('div', { class: 'actions' }, ...actions));
      log.append(note);
      scroll();
      return note;
    },
    /** A tool outcome card; the returned function redraws it when the outcome changes (a sync completing). */
    addOutcome(outcome: Outcome, actions: HTMLElement[] = []): (next: Outcome) => void {
      const card = h('div', { class: `outcome k-${outcome.kind}`, 'data-kind': outcome.kind });
      const draw = (o: Outcome) => {
        card.className = `outcome k-${o.kind}`;
        card.setAttribute('data-kind', o.kind);
        card.replaceChildren(h('strong', {}, o.title), ...(o.detail ? [h('p', {}, o.detail)] : []), ...(actions.length ? [h('div', { class: 'actions' }, ...actions)] : []));
      };
      draw(outcome);
      log.append(card);
      scroll();
      return draw;
    },
    typing(): () => void {
      const el = h('div', { class: 'typing', role: 'status' }, 'Assistant is typing', h('i'), h('i'), h('i'));
      log.append(el);
      scroll();
      return () => el.remove();
    },
    scroll,
  };
}

export type View = ReturnType<typeof createView>;
