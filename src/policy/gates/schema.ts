import type { Tool, ToolRegistry } from '../../tools/index.ts';
import { deny, type Halt } from '../types.ts';

export type SchemaResult = { pass: true; tool: Tool; input: unknown } | Halt;

/** Gate 1: the tool exists in the registry and its arguments fit the strict schema. */
export function schemaGate(tools: ToolRegistry, toolName: string, args: unknown): SchemaResult {
  const tool = tools.find(toolName);
  if (!tool) return deny('unknown_tool', 'That action is not available.');
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'arguments'))].slice(0, 5);
    return deny('invalid_input', `The request could not be used: check ${fields.join(', ')}.`);
  }
  return { pass: true, tool, input: parsed.data };
}
