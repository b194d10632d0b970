import { captureLead } from './capture-lead.ts';
import { checkBilling } from './check-billing.ts';
import { escalateTicket } from './escalate-ticket.ts';
import type { ToolName } from './schemas.ts';
import type { ToolSpec } from './tool-spec.ts';

export { TOOL_NAMES, type ToolName } from './schemas.ts';

export const TOOLS: Record<ToolName, ToolSpec> = {
  capture_lead: captureLead,
  escalate_ticket: escalateTicket,
  check_billing: checkBilling,
};

export function findTool(name: string): ToolSpec | undefined {
  return Object.hasOwn(TOOLS, name) ? TOOLS[name as ToolName] : undefined;
}
