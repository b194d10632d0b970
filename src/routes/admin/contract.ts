import { z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ACCESS, jsonResponse, problemResponse } from '../../http/contract.ts';

/** What every admin route shares: who may call it, its failures, and the `{items}` envelope of lists. */
export const adminRoute = {
  tags: ['admin'],
  security: ACCESS.admin,
};

export const adminProblems = {
  401: problemResponse('unauthorized: no bearer token, or one that does not verify'),
  403: problemResponse('forbidden: a valid token without the admin role'),
  500: problemResponse('internal_error'),
  503: problemResponse('database_unavailable: retry after Retry-After seconds'),
} as const;

export const invalidFilters = {
  400: problemResponse('invalid_request: a filter is not valid; invalid_input: a NUL or an unpaired surrogate in a filter'),
} as const;

export const listLimit = z.coerce.number().int().min(1).max(1000).default(100).openapi({ description: 'At most this many items, newest first.' });

export const timestamp = z.string().openapi({ format: 'date-time' });

/** A conversation id filter: the same charset and length as the ids the chat route accepts, so a hostile value is 400 before any query. */
export const conversationIdFilter = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be letters, digits, - or _');

/** A free-text filter without control characters or lone surrogates, which Postgres cannot compare (NUL) or store. */
export const textFilter = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f\p{Cs}]/u.test(s), 'must not contain control characters or lone surrogates');

export const listOf = <T extends ZodType>(item: T, description: string) => jsonResponse(z.object({ items: z.array(item) }), description);
