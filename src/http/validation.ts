import type { Hook } from '@hono/zod-openapi';
import { problem } from './problem.ts';
import type { GatewayEnv } from './router.ts';

/**
 * Maps a failed request validation (params, query, headers, body) to the 400
 * `invalid_request` problem clients already match on. The detail names the fields and
 * zod's messages, which describe the expected shape and never echo the rejected value.
 */
export const invalidRequest: Hook<unknown, GatewayEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${[result.target, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
  return problem(c, 400, 'invalid_request', issues);
};
