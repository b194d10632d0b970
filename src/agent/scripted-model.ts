import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';

/** What a scripted model may report beyond its content; by default what a script has: no tokens, one delta per text. */
export interface ScriptedModelExtras {
  /** The token usage of one step, given the call and the content it answered with. */
  usage?: (options: LanguageModelV3CallOptions, content: LanguageModelV3Content[]) => LanguageModelV3Usage;
  /** How a text part is cut into stream deltas; they must join back to the text. */
  textDeltas?: (text: string) => string[];
}

const NO_USAGE: LanguageModelV3Usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/**
 * A language model whose every reply is computed, not sampled: the shared body of
 * the puppet model, the offline local model and anything else that answers from a
 * script. `respond` returns the content of one step (and may throw to refuse the
 * call); doGenerate and doStream deliver the same content, usage and finish reason.
 */
export function scriptedModel(
  modelId: string,
  respond: (options: LanguageModelV3CallOptions) => LanguageModelV3Content[],
  extras: ScriptedModelExtras = {},
): LanguageModelV3 {
  const usage = extras.usage ?? (() => NO_USAGE);
  const textDeltas = extras.textDeltas ?? ((text: string) => [text]);
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
      return { content, finishReason: finishReason(content), usage: usage(options, content), warnings: [] };
    },
    async doStream(options) {
      const content = respond(options);
      const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      content.forEach((part, index) => {
        if (part.type === 'text') {
          const id = `text-${index}`;
          parts.push({ type: 'text-start', id });
          for (const delta of textDeltas(part.text)) parts.push({ type: 'text-delta', id, delta });
          parts.push({ type: 'text-end', id });
        } else {
          parts.push(part as LanguageModelV3StreamPart);
        }
      });
      parts.push({ type: 'finish', usage: usage(options, content), finishReason: finishReason(content) });
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
