import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

/** The widget's budget on the wire: every host page pays for it. */
export const WIDGET_GZIP_BUDGET_BYTES = 25 * 1024;

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'widget', 'main.ts');

/**
 * Packages that must never reach the bundle: `ai` alone adds about 125 KB gzipped, `zod` is
 * the server's validator, and anything from the server's own code could carry configuration.
 */
const FORBIDDEN = /^(ai|zod|@ai-sdk\/.*|node:.*|pg|hono|@hono\/.*|jose|stripe|pino)$/;

const refuseServerCode: Plugin = {
  name: 'refuse-server-code',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (FORBIDDEN.test(args.path)) return { errors: [{ text: `the widget may not import ${args.path}` }] };
      // Only the widget's own folder and eventsource-parser are allowed in.
      if (args.path.startsWith('.') && !join(args.resolveDir, args.path).includes(`${join('web', 'widget')}`)) {
        return { errors: [{ text: `the widget may not import server code (${args.path})` }] };
      }
      return undefined;
    });
  },
};

export interface WidgetBundle {
  code: string;
  gzipBytes: number;
  etag: string;
  /** Every file that went in, for the test that keeps server code and heavy packages out. */
  inputs: string[];
}

export class WidgetBudgetError extends Error {}

/** Builds the widget in memory (esbuild, minified, one IIFE) and refuses a bundle over its budget. */
export async function buildWidget(): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    // Nothing from the server's environment may be inlined, whatever a dependency reads.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [refuseServerCode],
  });
  const code = result.outputFiles[0]!.text;
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  if (gzipBytes > WIDGET_GZIP_BUDGET_BYTES) {
    throw new WidgetBudgetError(`widget.js is ${gzipBytes} bytes gzipped, over its ${WIDGET_GZIP_BUDGET_BYTES}-byte budget`);
  }
  return {
    code,
    gzipBytes,
    etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`,
    inputs: Object.keys((result.metafile as Metafile).inputs),
  };
}

let cached: Promise<WidgetBundle> | null = null;

/** Built once per process, on first use; a failed build is retried on the next request. */
export function widgetBundle(): Promise<WidgetBundle> {
  cached ??= buildWidget().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
