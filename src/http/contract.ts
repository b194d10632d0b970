import type { ZodType } from 'zod';
import { problemDetails } from './problem.ts';

/**
 * Building blocks for route contracts, so every route states its responses the same way
 * and the OpenAPI document says exactly what the handlers send.
 */
export const jsonResponse = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemDetails } },
});

/**
 * Who may call a route, in OpenAPI 3.1 terms: `bearer` is the Authorization header;
 * 3.1 lets a non-OAuth scheme list role names, so admin routes require the `admin` role.
 * The route security suite reads these to decide what each route must refuse.
 */
type SecurityRequirements = Array<Record<string, string[]>>;

export const ACCESS: Record<'public' | 'caller' | 'user' | 'admin', SecurityRequirements> = {
  /** No credentials; any Authorization header is ignored. */
  public: [],
  /** Anonymous visitors and signed-in users alike; a bearer token, when sent, must verify. */
  caller: [{}, { bearer: [] }],
  /** A signed-in user only: a verified bearer token is required. */
  user: [{ bearer: [] }],
  /** The admin token, or a user JWT whose app_metadata.role is admin. */
  admin: [{ bearer: ['admin'] }],
};

export const BEARER_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'A Supabase Auth JWT, or the ADMIN_TOKEN on admin routes.',
} as const;
