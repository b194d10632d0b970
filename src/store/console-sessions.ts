import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './database.ts';

/** The row key: a copy of the table holds no usable cookie. */
const hashOf = (sessionId: string) => createHash('sha256').update(sessionId, 'utf8').digest('hex');

/** A session id is 32 random bytes, base64url: anything else is refused before a query. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface ConsoleSession {
  actor: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Starts a console session for `actor` ('admin' or 'user:<id>'). Returns the session id for
 * the cookie (shown once, never stored) and the CSRF token the session's forms carry.
 * Expired sessions are swept on the way, so the table stays the size of the active ones.
 */
export async function createConsoleSession(db: Queryable, actor: string, hours: number): Promise<{ sessionId: string } & ConsoleSession> {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(`delete from console_sessions where expires_at < now() - interval '1 day'`);
  const [row] = await db.query<{ expiresAt: Date }>(
    `insert into console_sessions (id_hash, actor, csrf_token, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4::double precision))
     returning expires_at as "expiresAt"`,
    [hashOf(sessionId), actor, csrfToken, hours * 3600],
  );
  return { sessionId, actor, csrfToken, expiresAt: row!.expiresAt };
}

/** The live session with this id: null when unknown, malformed, expired or signed out. */
export async function findConsoleSession(db: Queryable, sessionId: string | undefined): Promise<ConsoleSession | null> {
  if (!sessionId || !SESSION_ID.test(sessionId)) return null;
  const [row] = await db.query<ConsoleSession>(
    `select actor, csrf_token as "csrfToken", expires_at as "expiresAt" from console_sessions
     where id_hash = $1 and revoked_at is null and expires_at > now()`,
    [hashOf(sessionId)],
  );
  return row ?? null;
}

/** Signs the session out: the cookie, if kept somewhere, no longer opens anything. */
export async function revokeConsoleSession(db: Queryable, sessionId: string | undefined): Promise<void> {
  if (!sessionId || !SESSION_ID.test(sessionId)) return;
  await db.query('update console_sessions set revoked_at = now() where id_hash = $1 and revoked_at is null', [hashOf(sessionId)]);
}
