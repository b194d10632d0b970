import { Ratelimit, type RatelimitConfig } from '@upstash/ratelimit';
import { withDeadline } from './deadline.ts';
import { hashKey } from './key.ts';
import { RateLimitUnavailableError } from './rate-limit-unavailable-error.ts';
import { assertValidRule, windowMs } from './rules.ts';
import type { RateRule } from '../../tools/tool-spec.ts';
import type { RateLimiter, RateResult } from './types.ts';

/** What a Redis-backed limiter needs from its connection. */
export interface RatelimitBackend {
  /** The client handed to Ratelimit. */
  client: RatelimitConfig['redis'];
  /** Resolves once the client can take commands; a lazily connected client connects here. */
  ready(): Promise<void>;
  /** Resolves when the server answers a PING. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * @upstash/ratelimit's sliding window over any backend that speaks its Redis calls.
 * One Ratelimit instance per distinct rule, since the algorithm is fixed at construction.
 */
export class RatelimitLimiter implements RateLimiter {
  private readonly byRule = new Map<string, Ratelimit>();
  private closed = false;

  constructor(
    private readonly backend: RatelimitBackend,
    private readonly options: { timeoutMs: number; prefix: string },
  ) {}

  async limit(key: string, rule: RateRule): Promise<RateResult> {
    assertValidRule(rule);
    if (this.closed) throw new RateLimitUnavailableError('closed');
    const ratelimit = this.forRule(rule);
    return withDeadline(this.options.timeoutMs, async () => {
      await this.backend.ready();
      const response = await ratelimit.limit(hashKey(key));
      // Ratelimit answers "allowed" with reason "timeout" when its own timer wins.
      // That timer is off (timeout: 0); should it ever fire, refuse rather than allow.
      if (response.reason === 'timeout') throw new RateLimitUnavailableError('timeout');
      return { success: response.success, remaining: response.remaining, resetAt: response.reset };
    });
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await withDeadline(this.options.timeoutMs, async () => {
        await this.backend.ready();
        await this.backend.ping();
      });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backend.close();
  }

  private forRule(rule: RateRule): Ratelimit {
    const size = windowMs(rule);
    const id = `${rule.limit}/${size}`;
    let ratelimit = this.byRule.get(id);
    if (ratelimit === undefined) {
      ratelimit = new Ratelimit({
        redis: this.backend.client,
        limiter: Ratelimit.slidingWindow(rule.limit, `${size} ms`),
        prefix: this.options.prefix,
        // Ratelimit's timeout *allows* the request when Redis is slow; we fail closed
        // through withDeadline instead, so its timer must never run.
        timeout: 0,
        // Its default block cache is an unbounded Map that forgets an identifier only
        // when that identifier is seen again; keys here include IPs and emails.
        ephemeralCache: false,
        analytics: false,
        enableTelemetry: false,
      });
      this.byRule.set(id, ratelimit);
    }
    return ratelimit;
  }
}
