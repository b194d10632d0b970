export { createRateLimiter } from './limiter.ts';
export { MemoryRateLimiter, type MemoryRateLimiterOptions } from './memory.ts';
export { RateLimitUnavailableError, type RateLimitUnavailableReason } from './rate-limit-unavailable-error.ts';
export { AUTH_FAILURES_PER_ADDRESS_RULE, CHAT_PER_IP_RULE, assertValidRule } from './rules.ts';
export type { RateLimitBackendConfig, RateLimiter, RateLimiterOptions, RateResult } from './types.ts';
