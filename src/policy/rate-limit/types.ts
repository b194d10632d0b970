import type { RateRule } from '../../tools/tool-spec.ts';

export interface RateResult {
  /** True when this hit was counted and is within the limit. */
  success: boolean;
  /** Hits still allowed in the window after this one (0 when denied). */
  remaining: number;
  /** Epoch ms at which the current fixed window ends and the count starts to decay. */
  resetAt: number;
}

export interface RateLimiter {
  /** Count one hit for `key` under `rule`; throws RateLimitUnavailableError when the backend cannot answer in time. */
  limit(key: string, rule: RateRule): Promise<RateResult>;
  /** For /readyz: true when the backend answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type RateLimitBackendConfig =
  | { kind: 'memory' }
  | { kind: 'redis'; url: string }
  | { kind: 'upstash'; url: string; token: string };

export interface RateLimiterOptions {
  /** Deadline for one backend answer; past it the call fails closed. Default 300. */
  timeoutMs?: number;
  /** Namespace for every stored key. Default 'toolgate'. */
  prefix?: string;
}

export const DEFAULT_TIMEOUT_MS = 300;
export const DEFAULT_PREFIX = 'toolgate';
