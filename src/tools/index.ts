import { captureLead } from './capture-lead.ts';
import { checkBilling } from './check-billing.ts';
import { escalateTicket } from './escalate-ticket.ts';
import type { ToolSpec } from './tool-spec.ts';

/**
 * The registry: every tool the model may call. Names, input schemas and default
 * thresholds are derived from the modules, so adding a tool is its module plus one
 * line here.
 */
const MODULES = [captureLead, escalateTicket, checkBilling] as const;

type Module = (typeof MODULES)[number];
export type ToolName = Module['name'];
/** A registered tool as the policy handles it: any of them, input not yet known. */
export type Tool = ToolSpec<ToolName>;

/** The lookup the policy pipeline receives as a dependency. */
export interface ToolRegistry {
  /** The tool called `name`; an inherited key such as `constructor` or `__proto__` is no tool. */
  find(name: string): Tool | undefined;
}

export const TOOLS = Object.fromEntries(MODULES.map((tool) => [tool.name, tool])) as { readonly [M in Module as M['name']]: M };
export const TOOL_NAMES = MODULES.map((tool) => tool.name) as unknown as readonly [ToolName, ...ToolName[]];
export const TOOL_INPUTS = Object.fromEntries(MODULES.map((tool) => [tool.name, tool.input])) as {
  readonly [M in Module as M['name']]: M['input'];
};
export const DEFAULT_THRESHOLDS = Object.fromEntries(MODULES.map((tool) => [tool.name, tool.confidenceThreshold])) as Record<ToolName, number>;

export function findTool(name: string): Tool | undefined {
  return Object.hasOwn(TOOLS, name) ? (TOOLS[name as ToolName] as Tool) : undefined;
}

export const TOOL_REGISTRY: ToolRegistry = { find: findTool };
