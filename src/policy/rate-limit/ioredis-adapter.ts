import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The part of the @upstash/redis client that @upstash/ratelimit calls when, as here,
 * dynamic limits, analytics and deny-list protection are off: `evalsha` first, and
 * `eval` when the error text contains NOSCRIPT (its `safeEval`). Its declared type,
 * `Pick<Redis, "evalsha" | "get" | "set">`, omits `eval` even though it calls it,
 * and lists `get`/`set`, which only the dynamic-limit methods use.
 */
export interface RatelimitScriptClient {
  eval<TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData>;
  evalsha<TArgs extends unknown[], TData = unknown>(sha1: string, keys: string[], args: TArgs): Promise<TData>;
}

/**
 * Ratelimit's scripts open with `#!lua flags=allow-key-locking`, an Upstash-only hint
 * that Redis 7 rejects ("Unexpected flag in script shebang") and Redis 6 cannot parse.
 * Dropping the line keeps the script body, and its atomicity, unchanged.
 */
const SHEBANG_LINE = /^#!lua[^\n]*\n/;

/** Makes an ioredis client answer Ratelimit's `eval`/`evalsha` calls. */
export class IoredisRatelimitAdapter implements RatelimitScriptClient {
  /**
   * Ratelimit's hard-coded hash (of the script with its shebang) → hash of the script
   * as Redis actually cached it, so later EVALSHA calls hit instead of failing with
   * NOSCRIPT and resending the whole script every time.
   */
  private readonly cachedAs = new Map<string, string>();

  constructor(private readonly client: Redis) {}

  async eval<TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData> {
    const runnable = script.replace(SHEBANG_LINE, '');
    const result = await this.client.eval(runnable, keys.length, ...keys, ...args.map(toRedisArg));
    this.cachedAs.set(sha1(script), sha1(runnable));
    return result as TData;
  }

  async evalsha<TArgs extends unknown[], TData = unknown>(hash: string, keys: string[], args: TArgs): Promise<TData> {
    // An unknown hash goes to Redis as is: its NOSCRIPT reply makes Ratelimit call eval().
    const sha = this.cachedAs.get(hash) ?? hash;
    const result = await this.client.evalsha(sha, keys.length, ...keys, ...args.map(toRedisArg));
    return result as TData;
  }
}

/** Numbers and strings go as they are; anything else as JSON, as @upstash/redis sends it. */
function toRedisArg(value: unknown): string | number {
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value ?? null);
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}
