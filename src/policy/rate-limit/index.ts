export { createRateLimiter } from './limiter.ts';
export { MemoryRateLimiter, type MemoryRateLimiterOptions } from './memory.ts';
export { RateLimitUnavailableError, type RateLimitUnavailableReason } from './rate-limit-unavailable-error.ts';
export { DEFAULT_RULES, assertValidRule } from './rules.ts';
export type { RateLimitBackendConfig, RateLimiter, RateLimiterOptions, RateResult, RateRule } from './types.ts';
