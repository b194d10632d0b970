import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable error codes clients may match on. */
export type ProblemCode =
  | 'invalid_request'
  | 'payload_too_large'
  | 'message_too_long'
  | 'conversation_full'
  | 'conversation_not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'puppet_disabled'
  | 'invalid_puppet_script'
  | 'model_unavailable'
  | 'not_ready'
  | 'internal_error';

const TITLES: Record<ProblemCode, string> = {
  invalid_request: 'The request is not valid',
  payload_too_large: 'The request body is too large',
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
  internal_error: 'Internal error',
};

/** RFC 9457 problem details, always with the request id and never with internals. */
export function problem(c: Context, status: ContentfulStatusCode, code: ProblemCode, detail?: string, headers?: Record<string, string>) {
  const requestId = c.get('requestId') as string | undefined;
  return c.body(
    JSON.stringify({
      type: `https://toolgate.dev/problems/${code.replace(/_/g, '-')}`,
      title: TITLES[code],
      status,
      code,
      ...(detail ? { detail } : {}),
      requestId,
    }),
    status,
    { 'content-type': 'application/problem+json', ...headers },
  );
}
