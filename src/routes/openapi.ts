import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ACCESS, BEARER_SCHEME, jsonResponse } from '../http/contract.ts';
import type { GatewayEnv } from '../http/router.ts';

export const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['documentation'],
  summary: 'This document: OpenAPI 3.1, generated from the route contracts',
  security: ACCESS.public,
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document.') },
});

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'toolgate',
    version: '0.1.0',
    description:
      'A chat gateway whose tool calls pass a deterministic policy layer. Errors are RFC 9457 ' +
      'application/problem+json with a stable `code` and the `requestId`.',
  },
};

/**
 * Serves the OpenAPI 3.1 document of every route registered on `app`. Call it after the
 * routes are registered; the document is built once, on first request.
 */
export function serveOpenApi(app: OpenAPIHono<GatewayEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', BEARER_SCHEME);
  let document: Record<string, unknown> | undefined;
  app.openapi(openApiRoute, (c) => {
    document ??= { ...app.getOpenAPI31Document(DOCUMENT) };
    return c.json(document, 200);
  });
}
