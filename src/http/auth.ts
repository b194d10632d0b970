import { timingSafeEqual, createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ANONYMOUS, type Session } from '../tools/session.ts';

export interface AuthConfig {
  SUPABASE_JWT_SECRET?: string | undefined;
  SUPABASE_JWKS_URL?: string | undefined;
  /** The required `iss` (SUPABASE_JWT_ISSUER, or `<SUPABASE_URL>/auth/v1`); none when neither is set. */
  jwtIssuer?: string | undefined;
  SUPABASE_JWT_AUDIENCE: string;
  ADMIN_TOKEN?: string | undefined;
}

export type AuthResult = { ok: true; session: Session } | { ok: false };

interface SupabaseClaims extends JWTPayload {
  email?: string;
  app_metadata?: { role?: unknown };
  user_metadata?: { full_name?: unknown; name?: unknown };
}

/**
 * Bounds on the token's clock claims. Supabase issues tokens for an hour by default and at
 * most a week is configurable, but a token valid for longer than a day is more likely minted
 * with a leaked secret than by Auth; a future `iat` beyond clock skew is never honest.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const CLOCK_SKEW_SECONDS = 60;

/** A non-empty subject of visible ASCII, as Supabase's UUIDs are. */
const SUBJECT = /^[\x21-\x7e]{1,255}$/;

/** Compares digests so neither length nor content leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  const digestOf = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digestOf(a), digestOf(b));
}

/**
 * Turns an Authorization header into a session. No header: anonymous. A header that
 * does not verify is an error, never a silent downgrade to anonymous.
 */
export function createAuthenticator(config: AuthConfig) {
  const key: Uint8Array | JWTVerifyGetKey | null = config.SUPABASE_JWKS_URL
    ? createRemoteJWKSet(new URL(config.SUPABASE_JWKS_URL))
    : config.SUPABASE_JWT_SECRET
      ? new TextEncoder().encode(config.SUPABASE_JWT_SECRET)
      : null;
  const algorithms = config.SUPABASE_JWKS_URL ? ['RS256', 'ES256'] : ['HS256'];

  return async function authenticate(header: string | undefined): Promise<AuthResult> {
    if (!header) return { ok: true, session: ANONYMOUS };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { ok: false };
    const token = match[1]!;
    if (config.ADMIN_TOKEN && sameSecret(token, config.ADMIN_TOKEN)) {
      return { ok: true, session: { actor: 'admin', userId: null, email: null, name: null, isAdmin: true } };
    }
    if (!key) return { ok: false };
    try {
      const { payload } = await jwtVerify<SupabaseClaims>(token, key as never, {
        algorithms,
        audience: config.SUPABASE_JWT_AUDIENCE,
        ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
        requiredClaims: ['sub', 'exp'],
      });
      const now = Math.floor(Date.now() / 1000);
      // The subject becomes the owner of stored rows (`user:<sub>`): Supabase's are UUIDs.
      if (typeof payload.sub !== 'string' || !SUBJECT.test(payload.sub)) return { ok: false };
      if (payload.exp! > now + MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return { ok: false };
      if (payload.iat !== undefined && payload.iat > now + CLOCK_SKEW_SECONDS) return { ok: false };
      const name = payload.user_metadata?.full_name ?? payload.user_metadata?.name;
      return {
        ok: true,
        session: {
          actor: `user:${payload.sub}`,
          userId: payload.sub!,
          email: typeof payload.email === 'string' && payload.email ? payload.email.toLowerCase() : null,
          name: typeof name === 'string' && name ? name : null,
          isAdmin: payload.app_metadata?.role === 'admin',
        },
      };
    } catch {
      return { ok: false };
    }
  };
}

export type Authenticate = ReturnType<typeof createAuthenticator>;
