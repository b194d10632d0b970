import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { withSpanCorrelation } from '../observability/tracing.ts';
import { resolveClientAddress, type ProxyTrust } from './client-address.ts';
import type { Logger } from './logger.ts';
import { problem } from './problem.ts';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Carries the caller's x-request-id when it is well-formed, else a fresh one, into logs and
 * responses. Hono's middleware owns `c.var.requestId` and the response header; its own test
 * of the incoming header (word characters, `-`, `=`, up to 255) is not ours, so it is given no
 * header to read and the generator applies ours.
 */
export function requestIds(): MiddlewareHandler {
  const assign = requestId({
    headerName: '',
    generator: (c) => {
      const incoming = c.req.header('x-request-id');
      return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  return (c, next) =>
    assign(c, async () => {
      // The request id is the correlation id of everything the request does: its spans here, and
      // its log lines, outbox rows and vendor calls where they are made.
      await withSpanCorrelation(c.get('requestId'), next);
      // On the finished response's own headers (errors included: hono has made them a response by
      // now), so that a route returning its own Response keeps it without a copy (see corsAllowlist).
      c.res.headers.set('x-request-id', c.get('requestId'));
    });
}

/** The client address every limit and log line uses, resolved once per request as TRUST_PROXY says. */
export function clientAddress(trust: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // In-process requests (app.request in tests) have no socket.
      peer = undefined;
    }
    c.set('clientAddress', resolveClientAddress(trust, peer, c.req.header('x-forwarded-for')));
    await next();
  };
}

export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const requestId = c.get('requestId');
    logger.info(
      { requestId, correlationId: requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  };
}

// The visitor token travels as a header for API clients, so browsers must be allowed to send and read it.
const CORS_EXPOSED = ['x-request-id', 'x-visitor-token', 'x-conversation-id'];

/**
 * CORS only for the configured origins; with none configured, browsers get no CORS grant at all.
 * Preflights are hono's `cors`. Other requests get the same headers hono's `cors` gives them,
 * set on the finished response's own headers: hono's sets them on a response made before the
 * route ran, which makes hono copy the route's response into a new one (a full WHATWG
 * `Response` for a streamed body), and copy it again for the `Vary` it appends afterwards.
 */
export function corsAllowlist(allowedOrigins: string[]): MiddlewareHandler {
  const allowOrigin = (origin: string) => (allowedOrigins.includes(origin) ? origin : null);
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'authorization', 'x-request-id', 'x-visitor-token'],
    exposeHeaders: CORS_EXPOSED,
    // The widget on an allowed origin sends the tg_visitor cookie; other origins get no CORS grant at all.
    credentials: true,
    maxAge: 600,
  });
  const exposed = CORS_EXPOSED.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    const origin = allowOrigin(c.req.header('origin') ?? '');
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
    headers.set('Access-Control-Expose-Headers', exposed);
    headers.append('Vary', 'Origin');
  };
}

export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => problem(c, 413, 'payload_too_large', `The body must be at most ${maxSize} bytes.`);
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // A declared length is judged from the header alone: touching the body here would make
    // the Node adapter build a full WHATWG Request for every call. Chunked bodies are counted.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? tooLarge(c) : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return counted(c, next);
  };
}

const API_POLICY = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/**
 * The API reference page runs Swagger UI, served by the gateway itself: it needs its own
 * scripts, styles and images (the CSS inlines icons as data: URIs) and to fetch
 * /openapi.json. Nothing else is loaded, so nothing else is allowed.
 */
const DOCS_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The founder console (/admin, not the /admin/v1 API): its own stylesheet and script only,
 * forms posting back to itself, no inline code, never framed.
 */
const CONSOLE_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

const isConsolePath = (path: string) => (path === '/admin' || path.startsWith('/admin/')) && !path.startsWith('/admin/v1');

/**
 * The demo page at `/`: the widget script from this origin, its calls back to this origin, and
 * the page's one inline stylesheet by a per-request nonce. The widget styles its shadow root with
 * a constructed stylesheet, which style-src does not govern.
 */
const DEMO_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: [NONCE],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Secure headers everywhere; only the /docs page and its assets, the console and the demo page
 * get a policy that lets a page run, and only /widget.js may be loaded by pages on other sites (CORP).
 */
export function securityHeaders(): MiddlewareHandler {
  const api = secureHeaders({ contentSecurityPolicy: API_POLICY, crossOriginResourcePolicy: 'same-site' });
  const docs = secureHeaders({ contentSecurityPolicy: DOCS_POLICY, crossOriginResourcePolicy: 'same-site' });
  const consolePages = secureHeaders({ contentSecurityPolicy: CONSOLE_POLICY, crossOriginResourcePolicy: 'same-origin' });
  const demo = secureHeaders({ contentSecurityPolicy: DEMO_POLICY, crossOriginResourcePolicy: 'same-site' });
  const widget = secureHeaders({ contentSecurityPolicy: API_POLICY, crossOriginResourcePolicy: 'cross-origin' });
  return (c, next) => {
    if (c.req.path === '/docs' || c.req.path.startsWith('/docs/')) return docs(c, next);
    if (isConsolePath(c.req.path)) return consolePages(c, next);
    if (c.req.path === '/') return demo(c, next);
    if (c.req.path === '/widget.js') return widget(c, next);
    return api(c, next);
  };
}
