import pino from 'pino';
import { createScrubber } from '../policy/output-gate/index.ts';

export interface LoggerOptions {
  destination?: pino.DestinationStream;
  /** Removes credentials and emails from every string logged; by default the output gate's, without configured values. */
  scrub?: (text: string) => string;
}

/**
 * JSON logs. Known sensitive fields are redacted by path, and every string is
 * scrubbed by the output gate's secret and email detectors, because free-text
 * fields (error messages, user input echoed in a message) are where leaks happen.
 */
export function createLogger(level: string, { destination, scrub = createScrubber([]) }: LoggerOptions = {}) {
  const scrubDeep = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    // Errors are left to the `err` serializer, which keeps only their class and scrubbed message.
    if (value === null || typeof value !== 'object' || value instanceof Error || depth > 5) return value;
    if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
  };
  return pino(
    {
      level,
      base: { service: 'toolgate' },
      redact: {
        paths: ['*.authorization', '*.headers.authorization', '*.headers.cookie', '*.password', '*.token', '*.secret', '*.apiKey', '*.email'],
        censor: '[redacted]',
      },
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      serializers: {
        // Only the error's class and a scrubbed message: no stack, no SQL, no parameters.
        err: (error: unknown) => {
          // Some drivers throw error-shaped objects that are not Error instances.
          const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
          if (!e || typeof e !== 'object' || typeof e.message !== 'string') return { type: typeof error };
          return {
            type: typeof e.name === 'string' ? e.name : 'Error',
            message: scrub(e.message).slice(0, 300),
            ...(typeof e.code === 'string' ? { code: e.code } : {}),
          };
        },
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
