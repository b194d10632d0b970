import { jsonSchema, tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { TOOLS } from '../tools/index.ts';

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
      inputSchema: jsonSchema(z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as never),
    }),
  ]),
);
