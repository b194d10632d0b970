import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, generateCookie, getCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { AUTH_FAILURES_PER_ADDRESS_RULE, RateLimitUnavailableError, type RateLimiter } from '../policy/rate-limit/index.ts';
import { adoptConversations } from '../store/conversations.ts';
import type { Database } from '../store/database.ts';
import type { Session } from '../tools/session.ts';
import type { Authenticate } from './auth.ts';
import type { Logger } from './logger.ts';
import { problem } from './problem.ts';
import type { GatewayEnv } from './router.ts';
import { newVisitorId, VISITOR_COOKIE, VISITOR_HEADER, VISITOR_TOKEN_TTL_SECONDS, type VisitorTokens } from './visitor.ts';

const BEARER_CHALLENGE = { 'www-authenticate': 'Bearer' };

/** What the session middleware needs from the gateway. */
export interface SessionDeps {
  authenticate: Authenticate;
  visitors: VisitorTokens;
  limiter: RateLimiter;
  db: Database;
  logger: Logger;
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'VISITOR_COOKIE_SAMESITE'>;
}

/**
 * A bearer token that does not verify: 401, or 429 once this address has sent
 * AUTH_FAILURES_PER_ADDRESS_RULE.limit of them in the window. Valid tokens are never counted
 * or refused, so a shared address full of guessers does not lock real users out.
 */
async function refuseBadToken(c: Context<GatewayEnv>, deps: Pick<SessionDeps, 'limiter' | 'logger'>, message: string) {
  try {
    const hit = await deps.limiter.limit(`auth_failed:address:${c.get('clientAddress')}`, AUTH_FAILURES_PER_ADDRESS_RULE);
    if (!hit.success) {
      const retryAfter = Math.max(1, Math.ceil((hit.resetAt - Date.now()) / 1000));
      return problem(c, 429, 'rate_limited', 'Too many failed sign-in attempts; try again later.', { 'retry-after': String(retryAfter) });
    }
  } catch (error) {
    // The answer is a refusal either way; an unreachable limiter only loses the count.
    if (!(error instanceof RateLimitUnavailableError)) throw error;
    deps.logger.warn({ requestId: c.get('requestId') }, 'auth failure limit unavailable');
  }
  return problem(c, 401, 'unauthorized', message, BEARER_CHALLENGE);
}

const visitorSession = (visitorId: string): Session => ({ actor: `visitor:${visitorId}`, userId: null, email: null, name: null, isAdmin: false });

/**
 * Routes open to visitors and users. A bearer token that does not verify is 401, never a
 * silent downgrade to anonymous. Without one the caller is a visitor: the visitor token they
 * sent back (header or cookie) names them, and anyone without a valid one (none, expired,
 * forged) becomes a new visitor; every such answer carries a renewed token. A signed-in
 * caller who still carries a valid visitor token adopts that visitor's conversations, so a
 * chat begun before signing in continues after it, and the visitor cookie is cleared.
 */
export function callerSession(deps: SessionDeps): MiddlewareHandler<GatewayEnv> {
  const secure = deps.config.PUBLIC_BASE_URL.startsWith('https://');
  const sameSite = ({ lax: 'Lax', strict: 'Strict', none: 'None' } as const)[deps.config.VISITOR_COOKIE_SAMESITE];
  return async (c, next) => {
    const auth = await deps.authenticate(c.req.header('authorization'));
    if (!auth.ok) return refuseBadToken(c, deps, 'The bearer token is not valid.');
    const visitorId = await deps.visitors.verify(c.req.header(VISITOR_HEADER) ?? getCookie(c, VISITOR_COOKIE));

    if (auth.session.userId !== null) {
      if (visitorId) {
        const moved = await adoptConversations(deps.db, `visitor:${visitorId}`, auth.session.actor);
        if (moved > 0) deps.logger.info({ requestId: c.get('requestId'), moved }, 'visitor conversations adopted on sign-in');
      }
      c.set('session', auth.session);
      await next();
      if (visitorId) deleteCookie(c, VISITOR_COOKIE, { path: '/', secure, sameSite, httpOnly: true });
      return;
    }
    if (auth.session.isAdmin) {
      c.set('session', auth.session);
      return next();
    }

    const id = visitorId ?? newVisitorId();
    c.set('session', visitorSession(id));
    await next();
    const token = await deps.visitors.issue(id);
    // Set on the response's own headers: `c.header()` on a finished response makes hono copy it
    // into a new one, and a streamed body into a full WHATWG Response first (measurable per turn).
    c.res.headers.set(VISITOR_HEADER, token);
    c.res.headers.append('set-cookie', generateCookie(VISITOR_COOKIE, token, { path: '/', httpOnly: true, secure, sameSite, maxAge: VISITOR_TOKEN_TTL_SECONDS }));
  };
}

/** Routes about a signed-in user's own data: no token, or one that does not verify, is 401. */
export function userSession(authenticate: Authenticate): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const auth = await authenticate(header);
    if (!header || !auth.ok || !auth.session.userId) return problem(c, 401, 'unauthorized', 'Sign in and send your bearer token.', BEARER_CHALLENGE);
    c.set('session', auth.session);
    await next();
  };
}

/** Admin routes: the admin token or an admin JWT; anyone else is 401 (no or bad credentials) or 403 (not an admin). */
export function adminSession(deps: Pick<SessionDeps, 'authenticate' | 'limiter' | 'logger'>): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) return problem(c, 401, 'unauthorized', 'Send the admin bearer token.', BEARER_CHALLENGE);
    const auth = await deps.authenticate(header);
    if (!auth.ok) return refuseBadToken(c, deps, 'Send the admin bearer token.');
    if (!auth.session.isAdmin) return problem(c, 403, 'forbidden', 'Admin access is required.');
    c.set('session', auth.session);
    await next();
  };
}
