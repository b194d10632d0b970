import type { Detector, Span } from './types.ts';

/**
 * Text that maps the back end even after its password is hidden, redacted whole:
 * a connection string minus its password still names the scheme, host, port and
 * database; an `Authorization:` line minus its token still shows the scheme and
 * that the line was there; an internal host name tells an attacker where to aim.
 * A customer needs none of them.
 */

const SECRET = '[redacted]';
const INTERNAL = '[internal address redacted]';

/** Where a URL-like token may start: not inside another token. */
const TOKEN_START = '(?<![A-Za-z0-9+._~%-])';
/** The rest of a URL: up to whitespace, a quote, a bracket or a trailing sentence dot. */
const URL_REST = "[^\\s\"'<>()\\[\\]`]*?(?=[.,;:!?]?(?:[\\s\"'<>()\\[\\]`]|$))";

const RULES: Array<{ re: RegExp; replacement: string; kind: Span['kind'] }> = [
  // A URL with userinfo (RFC 3986 §3.2.1: `user:password@` is deprecated for exactly this reason), whole.
  { re: new RegExp(`${TOKEN_START}(?:jdbc:)?[a-z][a-z0-9+.-]*://[^\\s/?#@:]+:[^\\s/?#@]*@${URL_REST}`, 'gi'), replacement: SECRET, kind: 'secret_format' },
  // A database or broker connection URL, with or without credentials.
  {
    re: new RegExp(`${TOKEN_START}(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver|clickhouse|cockroachdb|oracle|db2|nats|kafka)://${URL_REST}`, 'gi'),
    replacement: SECRET,
    kind: 'secret_format',
  },
  // An ADO.NET / ODBC style connection string (`Server=…;Database=…;User Id=…;Password=…`), the whole run of pairs.
  {
    re: /(?<![\w-])(?:server|data source|host|hostname|address|addr)\s*=\s*[^;\n]+;(?:[^;\n=]+=[^;\n]*;?)*[^;\n=]*(?:password|pwd)\s*=\s*[^;\n]*;?/gi,
    replacement: SECRET,
    kind: 'secret_format',
  },
  // Credential header lines (RFC 9110 §11.6.2 Authorization, §11.7.2 Proxy-Authorization, RFC 6265 Cookie and
  // Set-Cookie, and the API-key headers vendors use), from the header name to the end of the line: in a
  // header block, as a curl `-H` argument, or as a JSON/YAML key.
  {
    re: /(?:(?<=^|\n)[ \t]*|(?<=-H\s*)["']?|["'](?=[\w-]+["']\s*:))(?:proxy-)?(?:authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-amz-security-token|x-goog-api-key|ocp-apim-subscription-key|cookie|set-cookie|x-[a-z0-9-]*(?:token|secret|signature|api-key))["']?[ \t]*:[^\n]*/gi,
    replacement: SECRET,
    kind: 'secret_format',
  },
  // Host names under names reserved for private use: `.internal` (ICANN, 2024), `.local` (RFC 6762, which covers
  // `*.svc.cluster.local`), `.home.arpa` (RFC 8375), and the de-facto `.localdomain`, `.lan`, `.intranet`, `.corp`;
  // with scheme, port and path when present.
  {
    re: new RegExp(
      `${TOKEN_START}(?:[a-z][a-z0-9+.-]*://)?(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\\.)+(?:internal|local|localdomain|lan|intranet|corp|home\\.arpa)(?![a-z0-9-])(?::\\d{1,5})?(?:[/?#]${URL_REST})?`,
      'gi',
    ),
    replacement: INTERNAL,
    kind: 'internal_address',
  },
  // Private and non-routable IPv4 (RFC 1918 10/8, 172.16/12, 192.168/16; RFC 6598 100.64/10; loopback 127/8;
  // RFC 3927 link-local 169.254/16, where cloud metadata lives), with scheme, port and path when present.
  {
    re: new RegExp(
      `${TOKEN_START}(?:[a-z][a-z0-9+.-]*://)?(?:10(?:\\.\\d{1,3}){3}|172\\.(?:1[6-9]|2\\d|3[01])(?:\\.\\d{1,3}){2}|192\\.168(?:\\.\\d{1,3}){2}|100\\.(?:6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])(?:\\.\\d{1,3}){2}|127(?:\\.\\d{1,3}){3}|169\\.254(?:\\.\\d{1,3}){2})(?![\\d.]*\\d)(?::\\d{1,5})?(?:[/?#]${URL_REST})?`,
      'gi',
    ),
    replacement: INTERNAL,
    kind: 'internal_address',
  },
  // IPv6 unique local addresses (RFC 4193, fc00::/7).
  { re: /(?<![0-9a-f:])\[?f[cd][0-9a-f]{2}:[0-9a-f:]*:[0-9a-f]{0,4}\]?(?::\d{1,5})?(?![0-9a-f:])/gi, replacement: INTERNAL, kind: 'internal_address' },
];

export const detectInfrastructure: Detector = (text, _ctx, out: Span[]) => {
  for (const { re, replacement, kind } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, replacement, kind });
    }
  }
};

