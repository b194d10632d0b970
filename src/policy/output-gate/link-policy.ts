/** Says whether a link or image target may be shown. */
export type LinkPolicy = (target: string) => boolean;

/** Character references a browser or markdown renderer decodes in a URL (`javascript&colon;…`, `&#104;ttps:`). */
const NAMED: Record<string, string> = {
  colon: ':', sol: '/', bsol: '\\', period: '.', commat: '@', quest: '?', num: '#', equals: '=', percnt: '%',
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", tab: '\t', newline: '\n', nbsp: '\u00A0',
};
const REFERENCE = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi;

function decodeReferences(s: string): string {
  return s.replace(REFERENCE, (ref, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? ref;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

/** `example.com`, `*.example.com`, `https://Example.com/` all mean host `example.com`, in its punycode form. */
function hostOf(entry: string): string | undefined {
  const bare = entry.trim().replace(/^\*?\.+/, '');
  if (!bare) return undefined;
  try {
    return new URL(bare.includes('://') ? bare : `https://${bare}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Allows http(s) targets whose host is an allowed host or a subdomain of one,
 * and relative targets (they stay on the site showing the reply). The host is
 * read the way a browser reads it (WHATWG URL), so `https://ok.com@evil.com`,
 * `https://evil.com/?ok.com`, backslashes, upper-case schemes, control
 * characters and unicode hosts (compared in punycode) are judged by where
 * they really go. Every other scheme (`javascript:`, `data:`, …) is refused.
 */
export function createLinkPolicy(allowedHosts: string[]): LinkPolicy {
  const hosts = allowedHosts.map(hostOf).filter((h): h is string => !!h);
  return (target) => {
    // Browsers drop ASCII whitespace and control characters in URLs and read `\` as `/`.
    let s = decodeReferences(target).replace(/[\u0000-\u0020\u007F]+/g, '').replace(/\\/g, '/');
    if (s.startsWith('//')) s = `https:${s}`;
    else if (/^www\./i.test(s)) s = `https://${s}`;
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) return true;
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const host = url.hostname.replace(/\.$/, '');
    return hosts.some((h) => host === h || host.endsWith(`.${h}`));
  };
}
