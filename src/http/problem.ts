import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable error codes clients may match on: never rename one. */
export const PROBLEM_CODES = [
  'invalid_request',
  'invalid_input',
  'payload_too_large',
  'unsupported_media_type',
  'message_too_long',
  'conversation_full',
  'conversation_not_found',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'puppet_disabled',
  'invalid_puppet_script',
  'model_unavailable',
  'not_ready',
  'database_unavailable',
  'internal_error',
  'invalid_signature',
  'webhook_not_configured',
  'stripe_not_configured',
  'reconcile_running',
  'stripe_unavailable',
  'widget_unavailable',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TITLES: Record<ProblemCode, string> = {
  invalid_request: 'The request is not valid',
  invalid_input: 'The request contains text that cannot be stored',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be JSON',
  message_too_long: 'The message is too long',
  conversation_full: 'The conversation has reached its message limit',
  conversation_not_found: 'Conversation not found',
  unauthorized: 'Authentication is required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  rate_limited: 'Too many requests',
  puppet_disabled: 'The puppet model is not enabled',
  invalid_puppet_script: 'The puppet script is not valid',
  model_unavailable: 'The model is unavailable',
  not_ready: 'Not ready',
  database_unavailable: 'The database is unavailable; try again shortly',
  internal_error: 'Internal error',
  invalid_signature: 'The Stripe signature is missing, wrong or stale',
  webhook_not_configured: 'Stripe webhooks are not configured',
  stripe_not_configured: 'The Stripe API key is not configured',
  reconcile_running: 'A Stripe catch-up is already running',
  stripe_unavailable: 'Stripe did not answer',
  widget_unavailable: 'The chat widget is unavailable',
};

/** The body of every error response: the contract clients match on (`code`), as RFC 9457 describes it. */
export const problemDetails = z
  .object({
    type: z.string().openapi({ example: 'https://toolgate.dev/problems/invalid-request' }),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES),
    detail: z.string().optional(),
    requestId: z.string(),
  })
  .openapi('Problem');

export type ProblemDetails = z.infer<typeof problemDetails>;

/**
 * RFC 9457 problem details, always with the request id and never with internals.
 * Sent through `c.json` so a route's typed responses include it, with the media type the RFC names.
 */
export function problem<S extends ContentfulStatusCode>(c: Context, status: S, code: ProblemCode, detail?: string, headers?: Record<string, string>) {
  const body: ProblemDetails = {
    type: `https://toolgate.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    requestId: c.get('requestId') as string,
  };
  return c.json(body, status, { ...headers, 'Content-Type': 'application/problem+json' });
}
