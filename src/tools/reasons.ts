/**
 * The closed set of reason codes a tool decision or result can carry.
 * Clients, evals and the audit log match on these strings: never rename one.
 */
export const REASONS = [
  'invalid_input',
  'sensitive_content',
  'unknown_tool',
  'unauthenticated',
  'forbidden',
  'not_grounded',
  'contact_required',
  'low_confidence',
  'rate_limited',
  'rate_limit_unavailable',
  'duplicate',
  'not_found',
  'tool_failed',
] as const;

export type Reason = (typeof REASONS)[number];
