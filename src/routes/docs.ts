import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { ACCESS } from '../http/contract.ts';
import { createRouter } from '../http/router.ts';

/**
 * The API reference page: Swagger UI from the swagger-ui-dist package, served by the
 * gateway itself so it works offline and under a CSP that allows only 'self'. The
 * initializer is a file too, because an inline script would need 'unsafe-inline'.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>toolgate API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs.js"></script>
</body>
</html>
`;

// validatorUrl: null keeps Swagger UI from sending the document to validator.swagger.io.
const INITIALIZER = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', deepLinking: true, validatorUrl: null });\n`;

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist'));

/** The only files served: a fixed list, so the path parameter never reaches the file system. */
const ASSETS = {
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', load: () => readFile(join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js')) },
  'swagger-ui.css': { type: 'text/css; charset=utf-8', load: () => readFile(join(SWAGGER_UI_DIR, 'swagger-ui.css')) },
  'docs.js': { type: 'text/javascript; charset=utf-8', load: async () => Buffer.from(INITIALIZER) },
} as const;

type AssetName = keyof typeof ASSETS;
const ASSET_NAMES = Object.keys(ASSETS) as [AssetName, ...AssetName[]];

export const docsRoute = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['documentation'],
  summary: 'The API reference (Swagger UI), offline',
  security: ACCESS.public,
  responses: { 200: { description: 'An HTML page that renders /openapi.json.', content: { 'text/html': { schema: z.string() } } } },
});

export const docsAssetRoute = createRoute({
  method: 'get',
  path: '/docs/assets/{file}',
  tags: ['documentation'],
  summary: "The reference page's scripts and styles",
  security: ACCESS.public,
  request: { params: z.object({ file: z.enum(ASSET_NAMES).openapi({ param: { name: 'file', in: 'path' } }) }) },
  responses: {
    200: {
      description: 'The asset.',
      content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
    },
  },
});

export function docsRoutes() {
  const app = createRouter();
  const loaded = new Map<AssetName, Promise<Buffer>>();
  app.openapi(docsRoute, (c) => c.html(PAGE, 200));
  app.openapi(docsAssetRoute, async (c) => {
    const name = c.req.valid('param').file;
    const asset = ASSETS[name];
    if (!loaded.has(name)) loaded.set(name, asset.load());
    const body = await loaded.get(name)!;
    return c.body(new Uint8Array(body), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600' });
  });
  return app;
}
