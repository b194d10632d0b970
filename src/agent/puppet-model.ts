import type { LanguageModelV3 } from '@ai-sdk/provider';
import { z } from 'zod';
import { capJsonDepth } from './json-bounds.ts';
import { afterToolResults, scriptedModel } from './scripted-model.ts';

/**
 * `MODEL=puppet`: a model fully controlled by whoever sends the request. It emits
 * exactly the tool calls in the `x-puppet` header, then its text. It stands for a
 * jailbroken model, so the policy layer is tested against the worst case.
 */
const puppetScript = z.object({
  calls: z
    .array(z.object({ tool: z.string().max(200), args: z.unknown(), confidence: z.number().min(0).max(1).optional() }))
    .max(50)
    .default([]),
  text: z.string().max(20_000).optional(),
});

export type PuppetScript = z.infer<typeof puppetScript>;

export class PuppetScriptError extends Error {}

export function parsePuppetHeader(header: string): PuppetScript {
  let decoded: unknown;
  try {
    // Bounded before parsing: a 5,000-deep argument must become a denied call, not a stack overflow.
    decoded = JSON.parse(capJsonDepth(Buffer.from(header, 'base64url').toString('utf8')));
  } catch {
    throw new PuppetScriptError('x-puppet must be base64url-encoded JSON');
  }
  const parsed = puppetScript.safeParse(decoded);
  if (!parsed.success) throw new PuppetScriptError('x-puppet must be {"calls":[{"tool","args","confidence"?}],"text"?}');
  return parsed.data;
}

export function encodePuppetScript(script: { calls?: Array<{ tool: string; args: unknown; confidence?: number }>; text?: string }): string {
  return Buffer.from(JSON.stringify(script), 'utf8').toString('base64url');
}

export function createPuppetModel(script: PuppetScript): LanguageModelV3 {
  return scriptedModel('puppet', (options) => {
    const text = script.text ? [{ type: 'text' as const, text: script.text }] : [];
    if (afterToolResults(options) || script.calls.length === 0) return text;
    return script.calls.map((call, index) => ({
      type: 'tool-call' as const,
      toolCallId: `puppet-${index}-${Math.random().toString(36).slice(2, 10)}`,
      toolName: call.tool,
      input: JSON.stringify(call.args ?? {}),
      ...(call.confidence === undefined ? {} : { providerMetadata: { toolgate: { confidence: call.confidence } } }),
    }));
  });
}
