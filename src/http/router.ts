import { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { Session } from '../tools/session.ts';
import { invalidRequest } from './validation.ts';

/**
 * What middleware hands to handlers: the request id and the client address (as TRUST_PROXY
 * resolves it) always, the caller's session on routes that authenticate.
 */
export type GatewayEnv = { Variables: RequestIdVariables & { session: Session; clientAddress: string } };

/** Every router validates against its route contracts and answers a failure with the same problem. */
export const createRouter = () => new OpenAPIHono<GatewayEnv>({ defaultHook: invalidRequest });
