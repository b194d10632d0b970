import { hashKey } from './key.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';
import { assertValidRule, windowMs } from './rules.ts';
import type { RateRule } from '../../tools/tool-spec.ts';
import type { RateLimiter, RateResult } from './types.ts';

export interface MemoryRateLimiterOptions {
  /** Most keys held at once; past it, hits on new keys fail closed. Default 100,000. */
  maxKeys?: number;
  /** How often, at most, to sweep out keys whose windows have passed. Default 60 s. */
  sweepIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Counts of one key in the fixed window `window` and the one before it. */
interface Entry {
  window: number;
  current: number;
  previous: number;
  /** Once past, both counted windows are over and the entry counts for nothing. */
  expiresAt: number;
}

/**
 * In-process sliding window for the embedded mode (no Redis). It is the same
 * approximation as @upstash/ratelimit's `slidingWindow` script, so one rule behaves
 * the same in embedded and server mode: the current fixed window's count plus the
 * previous window's count weighted by how much of it the sliding window still covers.
 * Memory is a few numbers per active key; finished keys are swept out.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxKeys: number;
  private readonly sweepIntervalMs: number;
  private readonly now: () => number;
  private lastSweep: number;
  private closed = false;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** Keys currently held. */
  get size(): number {
    return this.entries.size;
  }

  async limit(key: string, rule: RateRule): Promise<RateResult> {
    assertValidRule(rule);
    if (this.closed) throw new RateLimitUnavailableError('closed');
    const now = this.now();
    if (now - this.lastSweep >= this.sweepIntervalMs) this.sweep(now);

    const size = windowMs(rule);
    const window = Math.floor(now / size);
    // Keyed by window size too, like Ratelimit's Redis keys, which end in a window index.
    const id = `${hashKey(key)}:${size}`;
    const entry = this.entries.get(id);
    let current = 0;
    let previous = 0;
    if (entry?.window === window) {
      current = entry.current;
      previous = entry.previous;
    } else if (entry?.window === window - 1) {
      previous = entry.current;
    }
    // Rounded down, exactly as the Lua script does.
    const weightedPrevious = Math.floor((1 - (now % size) / size) * previous);
    const resetAt = (window + 1) * size;
    if (weightedPrevious + current >= rule.limit) return { success: false, remaining: 0, resetAt };

    if (entry === undefined && this.entries.size >= this.maxKeys) {
      this.sweep(now);
      // Forgetting a live key would hand its owner a fresh allowance: refuse instead.
      if (this.entries.size >= this.maxKeys) throw new RateLimitUnavailableError('backend_error', 'CAPACITY');
    }
    current += 1;
    this.entries.set(id, { window, current, previous, expiresAt: (window + 2) * size });
    return { success: true, remaining: rule.limit - (current + weightedPrevious), resetAt };
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.entries.clear();
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(id);
    }
  }
}
