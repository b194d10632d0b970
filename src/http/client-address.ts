import { BlockList, isIP } from 'node:net';

/**
 * Which proxies to believe about the client's address (TRUST_PROXY):
 * - `hops`: that many proxies sit in front of the gateway, each appending the address it saw
 *   to X-Forwarded-For; 0 trusts no header at all.
 * - `proxies`: the addresses (or CIDR ranges) of the proxies; hops are believed only while
 *   they come from one of them.
 */
export type ProxyTrust = { kind: 'hops'; hops: number } | { kind: 'proxies'; list: BlockList; source: string[] };

const MAX_HOPS = 10;

/** `1.2.3.4`, `::ffff:1.2.3.4` and `[::1]:443`-style entries as one canonical address, or null. */
export function canonicalAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

/**
 * Parses TRUST_PROXY: `false`/`0` (default) trusts nothing, `true` is one hop (one proxy in
 * front, as on most platforms), `1`…`10` that many hops, anything else a comma list of proxy
 * addresses or CIDR ranges. Throws on a value that is none of these, so a typo fails at boot
 * instead of silently trusting the client.
 */
export function parseProxyTrust(value: string): ProxyTrust {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return { kind: 'hops', hops: 0 };
  if (v === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_HOPS) throw new Error(`must be at most ${MAX_HOPS} hops`);
    return { kind: 'hops', hops };
  }
  const list = new BlockList();
  const source: string[] = [];
  for (const entry of v.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const canonical = canonicalAddress(address);
    if (!canonical || extra !== undefined) throw new Error('must be true, false, a hop count or a list of proxy addresses/CIDRs');
    const family = isIP(canonical) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) {
      list.addAddress(canonical, family);
    } else {
      const bits = /^\d+$/.test(prefix) ? Number(prefix) : NaN;
      if (!(bits >= 0 && bits <= (family === 'ipv6' ? 128 : 32))) throw new Error(`has an invalid CIDR prefix in ${entry}`);
      list.addSubnet(canonical, bits, family);
    }
    source.push(entry);
  }
  if (source.length === 0) throw new Error('must be true, false, a hop count or a list of proxy addresses/CIDRs');
  return { kind: 'proxies', list, source };
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client's address. Each proxy appends the address it received the request from, so the
 * trustworthy entries of X-Forwarded-For are the rightmost ones, and everything to their left
 * is whatever the client chose to send. Counting from the right (never taking the leftmost)
 * is what makes the header unspoofable. Entries that are not IP addresses are ignored.
 */
export function resolveClientAddress(trust: ProxyTrust, peer: string | undefined, forwardedFor: string | undefined): string {
  const socket = canonicalAddress(peer);
  if (trust.kind === 'hops' && trust.hops === 0) return socket ?? 'unknown';
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => canonicalAddress(entry))
    .filter((entry): entry is string => entry !== null);
  if (trust.kind === 'hops') {
    // The peer is the nearest proxy; each further hop added the next entry from the right.
    const index = forwarded.length - trust.hops;
    if (forwarded.length === 0) return socket ?? 'unknown';
    return forwarded[Math.max(0, index)]!;
  }
  // Nothing in the header counts unless the request came from one of our proxies; walk left
  // from the peer while the address we stand on is one of them.
  if (!socket) return 'unknown';
  const chain = [...forwarded, socket];
  let i = chain.length - 1;
  while (i > 0 && isTrusted(trust.list, chain[i]!)) i--;
  return chain[i] ?? 'unknown';
}
