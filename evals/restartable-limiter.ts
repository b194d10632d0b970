import { MemoryRateLimiter, type RateLimiter, type RateResult } from '../src/policy/rate-limit/index.ts';
import type { RateRule } from '../src/tools/tool-spec.ts';

/**
 * The in-process rate limiter (the embedded mode's), which forgets every count when
 * `restart()` is called. The eval runners build one gateway per database and restart its
 * limiter before each case or corpus line: every case starts with the budgets of a freshly
 * started gateway, without paying to build a gateway and its app for each one.
 */
export class RestartableLimiter implements RateLimiter {
  private current = new MemoryRateLimiter();

  restart(): void {
    void this.current.close();
    this.current = new MemoryRateLimiter();
  }

  limit(key: string, rule: RateRule): Promise<RateResult> {
    return this.current.limit(key, rule);
  }

  ping(): Promise<boolean> {
    return this.current.ping();
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
