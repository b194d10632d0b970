import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import { createLocalModel } from './local/index.ts';
import { repairedModel } from './model-output.ts';
import { createPuppetModel, parsePuppetHeader } from './puppet-model.ts';

export interface ModelConfig {
  MODEL: string;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
}

export class PuppetDisabledError extends Error {}

/**
 * Picks the model for one request; every model's output is repaired and bounded (model-output.ts). The puppet script arrives per request, and only
 * a gateway started with MODEL=puppet accepts it: anywhere else the header is refused.
 */
export function createModelSelector(config: ModelConfig) {
  const local = repairedModel(createLocalModel());
  // Chat Completions rather than Responses: it is what OpenAI-compatible servers implement.
  const openai = config.MODEL.startsWith('openai:')
    ? repairedModel(createOpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL }).chat(config.MODEL.slice('openai:'.length)))
    : null;
  return function selectModel(puppetHeader: string | undefined): LanguageModelV3 {
    if (puppetHeader !== undefined && config.MODEL !== 'puppet') throw new PuppetDisabledError();
    if (config.MODEL === 'puppet') return repairedModel(createPuppetModel(puppetHeader ? parsePuppetHeader(puppetHeader) : { calls: [] }));
    return openai ?? local;
  };
}
