import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Gateway } from '../../gateway.ts';
import { problem } from '../../http/problem.ts';
import type { GatewayEnv } from '../../http/router.ts';
import { findConsoleSession } from '../../store/console-sessions.ts';

/** What a console page handler gets beside the gateway's own variables. */
export type ConsoleEnv = { Variables: GatewayEnv['Variables'] & { console: { actor: string; csrfToken: string } } };

/** Paths under /admin that answer without a console session: signing in, and the page assets. */
const OPEN_PATHS = new Set(['/admin/sign-in', '/admin/assets/console.css', '/admin/assets/console.js']);

/** The admin API under /admin/v1 has its own bearer authentication; the console leaves it alone. */
export const isApiPath = (path: string) => path === '/admin/v1' || path.startsWith('/admin/v1/');

/**
 * The session cookie. Over https it carries the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain (RFC 6265bis §4.1.3.2), so no sibling subdomain can set or
 * shadow it. HttpOnly keeps it from scripts; SameSite=Strict keeps it off cross-site requests.
 */
export function consoleCookie(publicBaseUrl: string) {
  const secure = publicBaseUrl.startsWith('https://');
  return {
    name: secure ? '__Host-tg_console' : 'tg_console',
    options: { path: '/', httpOnly: true, secure, sameSite: 'Strict' as const },
  };
}

export function readSessionCookie(c: Context, publicBaseUrl: string): string | undefined {
  return getCookie(c, consoleCookie(publicBaseUrl).name);
}

export function writeSessionCookie(c: Context, publicBaseUrl: string, sessionId: string, maxAgeSeconds: number) {
  const cookie = consoleCookie(publicBaseUrl);
  setCookie(c, cookie.name, sessionId, { ...cookie.options, maxAge: Math.floor(maxAgeSeconds) });
}

export function clearSessionCookie(c: Context, publicBaseUrl: string) {
  const cookie = consoleCookie(publicBaseUrl);
  deleteCookie(c, cookie.name, cookie.options);
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins the console's forms may come from: PUBLIC_BASE_URL's. When that is a loopback
 * address (the embedded default, `http://localhost:3000`), the other loopback names for the
 * same scheme and port are the same server on the same machine, so a founder who opens
 * `http://127.0.0.1:3000/admin` can sign in too. A public base URL accepts only itself.
 */
export function consoleOrigins(publicBaseUrl: string): string[] {
  const base = new URL(publicBaseUrl);
  if (!LOOPBACK_HOSTS.includes(base.hostname)) return [base.origin];
  return LOOPBACK_HOSTS.map((host) => {
    const alias = new URL(base.origin);
    alias.hostname = host;
    return alias.origin;
  });
}

/**
 * Every state-changing console request must come from the console's own origin (the Origin
 * header, or Sec-Fetch-Site: same-origin where a browser omits Origin): hono/csrf, answered
 * as a problem instead of its bare 403.
 */
export function sameOriginForms(publicBaseUrl: string): MiddlewareHandler<GatewayEnv> {
  const check = csrf({ origin: consoleOrigins(publicBaseUrl) });
  return async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    try {
      return await check(c, next);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return problem(c, 403, 'forbidden', 'The form was not sent from the console.');
      throw error;
    }
  };
}

const sameToken = (a: string, b: string) => {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
};

/**
 * The console's authentication: a live session row for the cookie, or no page. A page request
 * without one is sent to the sign-in form; an action without one is 401. Every action must
 * also carry the session's CSRF token in its form (`_csrf`), checked in constant time, so a
 * forged form from a page that somehow passed the origin check still changes nothing.
 */
export function consoleSession({ db, config }: Pick<Gateway, 'db' | 'config'>): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (isApiPath(c.req.path) || OPEN_PATHS.has(c.req.path)) return next();
    const session = await findConsoleSession(db, readSessionCookie(c, config.PUBLIC_BASE_URL));
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!session) {
      if (safe) return c.redirect('/admin/sign-in', 303);
      return problem(c, 401, 'unauthorized', 'Sign in to the console first.');
    }
    if (!safe) {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = form._csrf;
      if (typeof token !== 'string' || !sameToken(token, session.csrfToken)) {
        return problem(c, 403, 'forbidden', 'The form is missing its console token; reload the page and try again.');
      }
    }
    c.set('session', { actor: session.actor, userId: null, email: null, name: null, isAdmin: true });
    c.set('console', { actor: session.actor, csrfToken: session.csrfToken });
    // Pages show customer data: never cached, never framed.
    c.header('cache-control', 'no-store');
    await next();
  };
}
