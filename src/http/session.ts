import type { MiddlewareHandler } from 'hono';
import type { Authenticate } from './auth.ts';
import { problem } from './problem.ts';
import type { GatewayEnv } from './router.ts';

const BEARER_CHALLENGE = { 'www-authenticate': 'Bearer' };

/**
 * Routes open to visitors and users: no Authorization header is an anonymous session;
 * a header that does not verify is 401, never a silent downgrade to anonymous.
 */
export function callerSession(authenticate: Authenticate): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const auth = await authenticate(c.req.header('authorization'));
    if (!auth.ok) return problem(c, 401, 'unauthorized', 'The bearer token is not valid.', BEARER_CHALLENGE);
    c.set('session', auth.session);
    await next();
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
export function adminSession(authenticate: Authenticate): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const auth = await authenticate(header);
    if (!header || !auth.ok) return problem(c, 401, 'unauthorized', 'Send the admin bearer token.', BEARER_CHALLENGE);
    if (!auth.session.isAdmin) return problem(c, 403, 'forbidden', 'Admin access is required.');
    c.set('session', auth.session);
    await next();
  };
}
