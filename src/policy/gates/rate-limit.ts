import type { Tool } from '../../tools/index.ts';
import { RateLimitUnavailableError, type RateLimiter } from '../rate-limit/index.ts';
import { deny, PASS, type GateResult, type PolicyContext } from '../types.ts';

/** Gate 5: every limit of the tool must allow the call; a backend that cannot answer fails closed. */
export async function rateLimitGate(tool: Tool, input: unknown, ctx: PolicyContext, limiter: RateLimiter): Promise<GateResult> {
  try {
    for (const { rule, key } of tool.rateLimits) {
      const result = await limiter.limit(key(input, ctx), rule);
      if (!result.success) return deny('rate_limited', 'That has been done too often just now. Please try again later.');
    }
    return PASS;
  } catch (error) {
    if (error instanceof RateLimitUnavailableError) {
      return deny('rate_limit_unavailable', 'I cannot do that right now. Please try again in a few minutes.');
    }
    throw error;
  }
}
