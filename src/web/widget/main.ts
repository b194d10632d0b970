import { createApi } from './api.ts';
import { createAuth, type AuthOptions } from './auth.ts';
import { createChat, type ConversationStore } from './chat.ts';
import { createView } from './view.ts';

/**
 * The embeddable chat widget: `<script src="https://<gateway>/widget.js" data-title="…" async></script>`.
 * The gateway is the script's own origin. Options come from the tag's data- attributes
 * (title, greeting, launcher label, position, theme, accent) and, for a signed-in host page,
 * from `toolgate.init({ supabase })` or `toolgate.init({ getToken })` (or `window.toolgateConfig`
 * set before the tag).
 */
interface Toolgate {
  init(options?: AuthOptions): void;
  open(): void;
  close(): void;
}

declare global {
  interface Window {
    toolgate?: Toolgate;
    toolgateConfig?: AuthOptions;
  }
}

const script = document.currentScript as HTMLScriptElement | null;

function start() {
  if (window.toolgate) return;
  const base = script?.src ? new URL(script.src).origin : location.origin;
  const data = script?.dataset ?? {};
  const host = document.createElement('toolgate-widget');
  for (const key of ['position', 'theme'] as const) if (data[key]) host.setAttribute(`data-${key}`, data[key]!);
  if (data.accent) host.style.setProperty('--tg-accent', data.accent);
  const view = createView(host, {
    title: data.title || 'Chat with us',
    greeting: data.greeting ?? 'Hi! Ask me anything, leave your details for a demo, or tell me what is not working.',
    launcherLabel: data.launcherLabel || 'Chat',
  });

  // The conversation id survives reloads in this page's storage; the visitor cookie (or the
  // signed-in user) is what makes it readable, so the id alone is worth nothing to anyone else.
  const key = `toolgate:${base}:conversation`;
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = (() => {
    try {
      localStorage.getItem(key);
      return localStorage;
    } catch {
      const memory = new Map<string, string>();
      return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
    }
  })();
  const conversations: ConversationStore = { get: () => storage.getItem(key), set: (id) => storage.setItem(key, id), clear: () => storage.removeItem(key) };

  let chat: ReturnType<typeof createChat> | null = null;
  const connect = (options: AuthOptions) => {
    const auth = createAuth(options, (signedIn) => void chat?.identityChanged(signedIn));
    chat = createChat(view, createApi(base, auth), conversations);
    void chat.restore();
  };

  const isOpen = () => !view.panel.hasAttribute('hidden');
  const setOpen = (open: boolean) => {
    if (open === isOpen()) return;
    view.panel.hidden = !open;
    view.launcher.setAttribute('aria-expanded', String(open));
    view.launcher.textContent = open ? 'Close chat' : data.launcherLabel || 'Chat';
    if (open) {
      view.panel.classList.add('opening');
      requestAnimationFrame(() => view.panel.classList.remove('opening'));
      view.input.focus();
      view.scroll();
    } else {
      view.launcher.focus();
    }
  };
  view.launcher.addEventListener('click', () => setOpen(!isOpen()));
  view.close.addEventListener('click', () => setOpen(false));
  view.panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false);
  });
  view.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = view.input.value.trim();
    if (!text || !chat || chat.isBusy()) return;
    view.input.value = '';
    void chat.send(text);
  });
  view.input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; an IME composition's Enter is not a send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      view.form.requestSubmit();
    }
  });

  let initialised = false;
  window.toolgate = {
    init(options = {}) {
      if (initialised) return;
      initialised = true;
      connect(options);
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
  };
  document.body.append(host);
  // A page with its own sign-in calls toolgate.init itself (or set toolgateConfig first); others get an anonymous visitor now.
  if (window.toolgateConfig || data.auth !== 'manual') window.toolgate.init(window.toolgateConfig ?? {});
  if (data.open === 'true') setOpen(true);
  window.dispatchEvent(new Event('toolgate:ready'));
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
