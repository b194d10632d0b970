import { createHmac, randomBytes } from 'node:crypto';
import { jwtVerify } from 'jose';

/**
 * Anonymous visitor identity (design.md, "Visitor identity"): a signed, expiring token
 * naming a server-chosen visitor id. Mobile and API clients keep it from the
 * `x-visitor-token` response header; the widget gets the same token as the HttpOnly
 * cookie `tg_visitor`. Conversations a visitor starts are owned by `visitor:<id>`, so
 * knowing a conversation id grants nothing.
 */

export const VISITOR_HEADER = 'x-visitor-token';
export const VISITOR_COOKIE = 'tg_visitor';

/** How long a visitor stays the same visitor without coming back; every answer renews it. */
export const VISITOR_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

const ISSUER = 'toolgate';
const AUDIENCE = 'toolgate:visitor';
/** 128 random bits, base64url: the id is also part of the owner key in the database. */
const VISITOR_ID = /^v_[A-Za-z0-9_-]{22}$/;

export interface VisitorTokens {
  issue(visitorId: string): Promise<string>;
  /** The visitor id of a valid token, or null for anything else (missing, forged, expired, malformed). */
  verify(token: string | undefined): Promise<string | null>;
}

export const newVisitorId = () => `v_${randomBytes(16).toString('base64url')}`;

/** A fresh random key, base64url, for the server_keys table when VISITOR_TOKEN_SECRET is unset. */
export const generateVisitorKey = () => randomBytes(32).toString('base64url');

/** Every visitor token has the same protected header: encoded once. */
const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * The compact JWS (RFC 7515 §7.1) of an HS256 JWT, signed with node:crypto: the same bytes as
 * jose's `SignJWT` with these claims in this order, without its per-call WebCrypto key import,
 * which cost more CPU than the rest of a chat turn's HTTP handling (every answer renews the token).
 */
export function signHs256(key: Uint8Array, claims: Record<string, string | number>): string {
  const header = HS256_HEADER;
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function createVisitorTokens(secret: string, ttlSeconds = VISITOR_TOKEN_TTL_SECONDS): VisitorTokens {
  const key = new TextEncoder().encode(secret);
  return {
    issue: async (visitorId) => {
      const now = Math.floor(Date.now() / 1000);
      return signHs256(key, { iss: ISSUER, aud: AUDIENCE, sub: visitorId, iat: now, exp: now + ttlSeconds });
    },
    async verify(token) {
      // A JWT is three base64url parts; anything longer than a few hundred bytes is not ours.
      if (!token || token.length > 1024) return null;
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
        return typeof payload.sub === 'string' && VISITOR_ID.test(payload.sub) ? payload.sub : null;
      } catch {
        return null;
      }
    },
  };
}
