import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Gateway } from '../../gateway.ts';
import { isStorable } from '../../store/storable-text.ts';
import { Layout } from './layout.tsx';
import type { ConsoleEnv } from './session.ts';

export type ConsoleApp = Hono<ConsoleEnv>;
export type ConsoleContext = Context<ConsoleEnv>;
export type PageModule = (app: ConsoleApp, gateway: Gateway) => void;

/** The signed-in founder behind this request, as audit rows name them. */
export const operator = (c: ConsoleContext) => ({ requestId: c.get('requestId'), actor: c.get('console').actor });

/**
 * What an action reports after its redirect: a fixed code in the query, looked up here, so a
 * crafted link cannot make the console display text of someone else's choosing.
 */
const NOTICES: Record<string, { text: string; error?: boolean }> = {
  retried: { text: 'The job is queued again.' },
  resolved: { text: 'The job is resolved with your note.' },
  owned: { text: 'The owner is saved.' },
  reprocessed: { text: 'The Stripe event was applied again.' },
  reprocess_failed: { text: 'The Stripe event failed again; its error is shown below.', error: true },
  gone: { text: 'That job no longer needs a human (it was delivered, retried or resolved meanwhile).', error: true },
  taken_over: { text: 'You are answering this conversation; the assistant is paused.' },
  handed_back: { text: 'The assistant answers this conversation again, with your messages in its history.' },
  sent: { text: 'Your message is on its way to the visitor.' },
  not_taken_over: { text: 'Take the conversation over before replying.', error: true },
  invalid: { text: 'That input is not valid (empty, too long, or with characters that cannot be stored).', error: true },
  digest_sent: { text: "This week's digest is queued for the alert channel." },
  digest_already: { text: "This week's digest was already sent." },
  digest_no_channel: { text: 'No alert channel is configured (ALERT_WEBHOOK_URL or SMTP_URL); the digest is shown here only.', error: true },
};

export function render(c: ConsoleContext, title: string, body: Child, status: 200 | 400 | 404 = 200) {
  const code = c.req.query('notice');
  const notice = code ? (NOTICES[code] ?? null) : null;
  return c.html(
    <Layout title={title} path={c.req.path} csrf={c.get('console').csrfToken} notice={notice}>
      {body}
    </Layout>,
    status,
  );
}

export const notFoundPage = (c: ConsoleContext, what: string) => render(c, 'Not found', <p class="card">{`No ${what} with that id.`}</p>, 404);

/** Back to a console page with a notice code. */
export const back = (c: ConsoleContext, path: string, notice: keyof typeof NOTICES) => c.redirect(`${path}${path.includes('?') ? '&' : '?'}notice=${notice}`, 303);

/**
 * A text field of a submitted form: trimmed, within `max`, storable; null otherwise. U+FFFD
 * is refused too: it is what a lone surrogate becomes on its way through a form encoder, so
 * it marks text that was damaged before it arrived (the field schemas' rule).
 */
export async function formText(c: ConsoleContext, name: string, max: number): Promise<string | null> {
  const value = (await c.req.parseBody())[name];
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > max || !isStorable(text) || /[\u0000\ufffd]/.test(text)) return null;
  return text;
}

/** Ids as the console links them: conversation ids share the chat contract's charset. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,128}$/;
export const JOB_ID = /^[1-9][0-9]{0,15}$/;
