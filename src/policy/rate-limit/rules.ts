import type { RateRule } from './types.ts';

/** The gateway's default limits, one per thing worth limiting. */
export const DEFAULT_RULES = {
  captureLeadPerConversation: { limit: 3, windowSeconds: 3600 },
  captureLeadPerEmail: { limit: 1, windowSeconds: 3600 },
  escalateTicketPerConversation: { limit: 2, windowSeconds: 3600 },
  checkBillingPerUser: { limit: 10, windowSeconds: 60 },
  chatPerIp: { limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateRule>;

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
