import type { Child } from 'hono/jsx';

export const NAV = [
  ['/admin/exceptions', 'Exceptions'],
  ['/admin/conversations', 'Conversations'],
  ['/admin/requests', 'Leads & tickets'],
  ['/admin/billing', 'Billing'],
  ['/admin/audit', 'Audit'],
  ['/admin/workflows', 'Workflows'],
  ['/admin/policy-shadow', 'Policy'],
  ['/admin/digest', 'Digest'],
] as const;

/** Every state-changing form carries the session's CSRF token. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The page frame: navigation, a notice from the last action, the page. */
export function Layout(props: { title: string; path: string; csrf?: string; notice?: { text: string; error?: boolean } | null; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · toolgate console`}</title>
        <link rel="stylesheet" href="/admin/assets/console.css" />
      </head>
      <body>
        <header>
          <a class="brand" href="/admin">toolgate</a>
          {props.csrf ? (
            <>
              <nav aria-label="Console">
                {NAV.map(([href, label]) => (
                  <a href={href} aria-current={props.path.startsWith(href) ? 'page' : undefined}>
                    {label}
                  </a>
                ))}
              </nav>
              <form method="post" action="/admin/sign-out">
                <Csrf token={props.csrf} />
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.notice ? (
            <p class={`card flash${props.notice.error ? ' error' : ''}`} role="status">
              {props.notice.text}
            </p>
          ) : null}
          {props.children}
        </main>
        <script src="/admin/assets/console.js" defer></script>
      </body>
    </html>
  );
}

export const when = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace('T', ' ').slice(0, 16) + 'Z' : '—');

const STATE_CLASS: Record<string, string> = {
  synced: 'good', completed: 'good', processed: 'good', paid: 'good', done: 'good', allowed: 'good', assistant: 'good',
  failed: 'bad', dead: 'bad', denied: 'bad', error: 'bad', disputed: 'bad', refunded: 'warn',
  pending: 'warn', unknown: 'warn', received: 'warn', needs_confirmation: 'warn', human: 'warn',
};

export function Badge({ value }: { value: string | null | undefined }) {
  const v = value ?? '—';
  return <span class={`badge ${STATE_CLASS[v] ?? 'muted'}`}>{v}</span>;
}

/** A table of rows under column headings; it scrolls sideways on its own (keyboard-focusable) at 390 px instead of the page. */
export function DataTable({ head, children }: { head: string[]; children?: Child }) {
  return (
    <div class="scroll" tabindex={0}>
      <table>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
