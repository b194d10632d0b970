import pino from 'pino';

/**
 * JSON logs. Known sensitive fields are redacted by path, and every string is
 * scrubbed of emails, bearer tokens and key-shaped secrets, because free-text
 * fields (error messages, user input echoed in a message) are where leaks happen.
 */
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const SECRETS = /\b(Bearer\s+)[\w.~+/-]+=*|\beyJ[\w-]+\.[\w-]+\.[\w-]+|\b(sk|rk)[-_](live_|test_|proj-)?[\w-]{8,}|\bwhsec_\w+|(\w+:\/\/[^:/\s]+:)[^@\s]+@/gi;

export function scrubText(text: string): string {
  return text
    .replace(SECRETS, (match, bearer?: string, _k?: string, _l?: string, urlUser?: string) =>
      bearer ? `${bearer}[redacted]` : urlUser ? `${urlUser}[redacted]@` : '[redacted]',
    )
    .replace(EMAIL, '[email]');
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 5) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'toolgate' },
      redact: {
        paths: ['*.authorization', '*.headers.authorization', '*.headers.cookie', '*.password', '*.token', '*.secret', '*.apiKey', '*.email'],
        censor: '[redacted]',
      },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      serializers: {
        // Only the error's class and a scrubbed message: no stack, no SQL, no parameters.
        err: (error: unknown) => {
          // Some drivers throw error-shaped objects that are not Error instances.
          const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
          if (!e || typeof e !== 'object' || typeof e.message !== 'string') return { type: typeof error };
          return {
            type: typeof e.name === 'string' ? e.name : 'Error',
            message: scrubText(e.message).slice(0, 300),
            ...(typeof e.code === 'string' ? { code: e.code } : {}),
          };
        },
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
