import type { MiddlewareHandler } from 'hono';
import { findUnstorable, isStorable } from '../store/storable-text.ts';
import { problem } from './problem.ts';

/**
 * Refuses, at the edge, client text that Postgres cannot store (NUL, lone surrogates; see
 * store/storable-text.ts): in the path, the query and a JSON body, before any handler could
 * pass it to a query and turn the client's mistake into a 500. Only field names are reported,
 * never the rejected text.
 */
export function refuseUnstorableText(): MiddlewareHandler {
  return async (c, next) => {
    const where = unstorablePath(c.req.path) ?? unstorableQuery(c.req.queries()) ?? (await unstorableJsonBody(c.req));
    if (where) return problem(c, 400, 'invalid_input', `${where} contains a NUL character or an unpaired surrogate, which cannot be stored.`);
    await next();
  };
}

/** Path segments as the router decodes them (`%00` becomes NUL); undecodable ones stay literal, which is storable. */
function unstorablePath(path: string): string | null {
  for (const segment of path.split('/')) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Malformed percent-encoding: the router keeps the raw, ASCII-only text.
    }
    if (!isStorable(decoded)) return 'path';
  }
  return null;
}

function unstorableQuery(queries: Record<string, string[]>): string | null {
  for (const [name, values] of Object.entries(queries)) {
    if (!isStorable(name)) return 'query';
    if (values.some((v) => !isStorable(v))) return `query.${name}`;
  }
  return null;
}

/** A JSON body's strings and keys; a body that is not JSON is left to the route's validator (400 invalid_request). */
async function unstorableJsonBody(req: { method: string; header(name: string): string | undefined; json(): Promise<unknown> }) {
  if (req.method === 'GET' || req.method === 'HEAD' || !/^application\/([a-z0-9.+-]*\+)?json/i.test(req.header('content-type') ?? '')) return null;
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return null;
  }
  const where = findUnstorable(body);
  return where === null ? null : `body.${where}`;
}
