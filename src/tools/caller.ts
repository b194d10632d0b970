import type { ToolContext } from './tool-spec.ts';

/**
 * Who a limit or a record is about, from the session only. A visitor is `visitor:<id>` (the
 * server-issued visitor token), a signed-in customer `user:<id>`: limits per caller follow the
 * person across the conversations they open, which cost nothing to create.
 */
export const callerKey = (ctx: ToolContext): string => ctx.session.actor;

/**
 * True when the caller signed in and the address is their token's own email. Only then does a
 * write speak for that address: a typed address proves nothing about who typed it.
 */
export function ownsEmail(ctx: ToolContext, address: string): boolean {
  return ctx.session.userId !== null && ctx.session.email !== null && ctx.session.email.toLowerCase() === address.toLowerCase();
}
