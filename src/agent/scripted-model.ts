import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';

/**
 * A language model whose every reply is computed, not sampled: the shared body of
 * the puppet model and anything else that answers from a script. `respond` returns
 * the content of one step; doGenerate and doStream deliver the same content.
 */
export function scriptedModel(
  modelId: string,
  respond: (options: LanguageModelV3CallOptions) => LanguageModelV3Content[],
): LanguageModelV3 {
  const usage: LanguageModelV3Usage = {
    inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 0, text: 0, reasoning: 0 },
  };
  const finishReason = (content: LanguageModelV3Content[]) => ({
    unified: content.some((c) => c.type === 'tool-call') ? ('tool-calls' as const) : ('stop' as const),
    raw: undefined,
  });
  return {
    specificationVersion: 'v3',
    provider: 'toolgate',
    modelId,
    supportedUrls: {},
    async doGenerate(options) {
      const content = respond(options);
      return { content, finishReason: finishReason(content), usage, warnings: [] };
    },
    async doStream(options) {
      const content = respond(options);
      const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      content.forEach((part, index) => {
        if (part.type === 'text') {
          const id = `text-${index}`;
          parts.push({ type: 'text-start', id }, { type: 'text-delta', id, delta: part.text }, { type: 'text-end', id });
        } else {
          parts.push(part as LanguageModelV3StreamPart);
        }
      });
      parts.push({ type: 'finish', usage, finishReason: finishReason(content) });
      return {
        stream: new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}

/** True when the prompt ends with tool results: the model is now answering about them. */
export function afterToolResults(options: LanguageModelV3CallOptions): boolean {
  return options.prompt.at(-1)?.role === 'tool';
}
