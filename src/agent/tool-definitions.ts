import { jsonSchema, tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { TOOLS } from '../tools/index.ts';

/**
 * The SDK's validation of a call always fails, on purpose: every call, known, unknown or
 * malformed, then takes the SDK's invalid-call path, which executes nothing and answers it with
 * an error result that lets the step loop go on; the turn decides the calls itself and gives the
 * model the policy's results instead (agent/turn.ts).
 */
const HANDED_TO_GATEWAY = { success: false as const, error: new Error('Tool calls are decided by the gateway.') };

/**
 * The tools as the model sees them: name, description and JSON schema, with no
 * `execute` and no validation. The SDK hands every call back to the gateway, which
 * validates and decides in the policy pipeline, so even malformed or unknown calls
 * are decided and audited in one place.
 */
export const MODEL_TOOLS: ToolSet = Object.fromEntries(
  Object.values(TOOLS).map((spec) => [
    spec.name,
    tool({
      description: spec.description,
      inputSchema: jsonSchema(z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as never, { validate: () => HANDED_TO_GATEWAY }),
    }),
  ]),
);
