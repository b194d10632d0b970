import type { Gateway } from '../../../gateway.ts';
import { AUTH_FAILURES_PER_ADDRESS_RULE, RateLimitUnavailableError } from '../../../policy/rate-limit/index.ts';
import { createConsoleSession, revokeConsoleSession } from '../../../store/console-sessions.ts';
import { Layout } from '../layout.tsx';
import type { ConsoleApp, ConsoleContext } from '../page.tsx';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../session.ts';

function SignInForm({ error }: { error?: string }) {
  return (
    <Layout title="Sign in" path="/admin/sign-in" notice={error ? { text: error, error: true } : null}>
      <form method="post" action="/admin/sign-in" class="card">
        <p>
          <label for="token">Admin token or admin access token</label>
        </p>
        <p>
          <input type="password" id="token" name="token" required autocomplete="current-password" maxlength={8192} />
        </p>
        <button type="submit">Sign in</button>
      </form>
      <p class="muted">The token is exchanged for a session cookie and is not kept in the browser.</p>
    </Layout>
  );
}

/**
 * Sign-in with ADMIN_TOKEN or a Supabase JWT whose app_metadata.role is admin, checked by the
 * same authenticator as the admin API. Failures count towards the per-address limit the API
 * uses for bad tokens, so the form is no faster a way to guess.
 */
export function signInPages(app: ConsoleApp, gateway: Gateway) {
  const { db, config, limiter, logger } = gateway;

  app.get('/admin/sign-in', (c) => c.html(<SignInForm />));

  const refuse = async (c: ConsoleContext) => {
    try {
      const hit = await limiter.limit(`auth_failed:address:${c.get('clientAddress')}`, AUTH_FAILURES_PER_ADDRESS_RULE);
      if (!hit.success) return c.html(<SignInForm error="Too many failed sign-in attempts; try again later." />, 429);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      logger.warn({ requestId: c.get('requestId') }, 'console sign-in failure limit unavailable');
    }
    return c.html(<SignInForm error="That token is not an admin token." />, 401);
  };

  app.post('/admin/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    if (!token || token.length > 8192 || /\s/.test(token)) return refuse(c);
    const auth = await gateway.authenticate(`Bearer ${token}`);
    if (!auth.ok || !auth.session.isAdmin) return refuse(c);
    const session = await createConsoleSession(db, auth.session.actor, config.CONSOLE_SESSION_HOURS);
    writeSessionCookie(c, config.PUBLIC_BASE_URL, session.sessionId, config.CONSOLE_SESSION_HOURS * 3600);
    logger.info({ requestId: c.get('requestId'), actor: auth.session.actor }, 'console sign-in');
    return c.redirect('/admin/exceptions', 303);
  });

  app.post('/admin/sign-out', async (c) => {
    await revokeConsoleSession(db, readSessionCookie(c, config.PUBLIC_BASE_URL));
    clearSessionCookie(c, config.PUBLIC_BASE_URL);
    return c.redirect('/admin/sign-in', 303);
  });
}
