import { createHash } from 'node:crypto';

/**
 * Keys carry user-supplied values (emails, IPs, conversation ids). Only this digest is
 * stored, so a Redis dump or a MONITOR session never shows a raw email, and a huge
 * key cannot bloat storage. 128 bits keeps accidental collisions out of reach.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
}
