import type { RateRule } from '../../tools/tool-spec.ts';

/** Chat messages per client IP. Each tool declares its own limits in its module. */
export const CHAT_PER_IP_RULE = { limit: 30, windowSeconds: 60 } as const satisfies RateRule;

/** Bearer tokens that fail to verify, per client address: guessing tokens stops at 429. */
export const AUTH_FAILURES_PER_ADDRESS_RULE = { limit: 20, windowSeconds: 600 } as const satisfies RateRule;

/**
 * Rejects rules that would make every backend misbehave in its own way
 * (a zero window divides by zero, a fractional limit is never reached exactly),
 * and windows under a millisecond, which Ratelimit cannot express.
 */
export function assertValidRule(rule: RateRule): void {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 1) {
    throw new RangeError(`rate rule limit must be a positive integer, got ${rule.limit}`);
  }
  if (!Number.isFinite(rule.windowSeconds) || Math.round(rule.windowSeconds * 1000) < 1) {
    throw new RangeError(`rate rule windowSeconds must be at least 0.001, got ${rule.windowSeconds}`);
  }
}

/** The window in whole milliseconds, rounded the same way for every backend. */
export function windowMs(rule: RateRule): number {
  return Math.round(rule.windowSeconds * 1000);
}
