import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { capJsonDepth, MAX_TOOL_INPUT_CHARS, TOO_DEEP, TOO_LARGE } from './json-bounds.ts';
import { repairedModel, repairToolInput } from './model-output.ts';
import { scriptedModel } from './scripted-model.ts';

const deepArray = (depth: number) => '['.repeat(depth) + '"x"' + ']'.repeat(depth);

test('capJsonDepth cuts containers below the limit to a marker, and leaves shallow JSON untouched', () => {
  assert.equal(capJsonDepth('{"a":[1,{"b":"[[[["}]}', 3), '{"a":[1,{"b":"[[[["}]}');
  assert.equal(capJsonDepth('{"a":[[1],2]}', 2), `{"a":[${TOO_DEEP},2]}`);
  const cut = capJsonDepth(deepArray(5000), 32);
  assert.ok(cut.length < 200);
  assert.doesNotThrow(() => JSON.parse(cut));
});

test('capJsonDepth is not fooled by brackets and escaped quotes inside strings', () => {
  const text = '{"s":"\\"[[[[{{{{","t":[1]}';
  assert.equal(capJsonDepth(text, 2), text);
});

test('tool input over the size bound becomes the too_large marker', () => {
  assert.equal(repairToolInput(JSON.stringify({ name: 'n'.repeat(MAX_TOOL_INPUT_CHARS) })), TOO_LARGE);
});

test('tool input with escaped NUL or lone surrogates comes back as JSON Postgres can store', () => {
  const repaired = repairToolInput('{"name":"A\\u0000\\ud800","k\\udc00":1}');
  assert.deepEqual(JSON.parse(repaired), { name: 'A\ufffd\ufffd', 'k\ufffd': 1 });
  assert.equal(repairToolInput('not json \u0000'), 'not json \ufffd');
});

function modelSaying(parts: LanguageModelV3StreamPart[]) {
  const base = scriptedModel('test', () => []);
  return repairedModel({
    ...base,
    async doStream() {
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            for (const part of parts) controller.enqueue(part);
            controller.enqueue({
              type: 'finish',
              finishReason: { unified: 'stop', raw: undefined },
              usage: { inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 0, text: 0, reasoning: 0 } },
            });
            controller.close();
          },
        }),
      };
    },
  });
}

test('streamed text is repaired, and a surrogate pair split across two deltas stays intact', async () => {
  const model = modelSaying([
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'a\u0000 \ud83d' },
    { type: 'text-delta', id: 't', delta: '\ude00 b\ud800' },
    { type: 'text-end', id: 't' },
  ]);
  const result = streamText({ model, prompt: 'hi' });
  assert.equal(await result.text, 'a\ufffd 😀 b\ufffd');
});

test('a 5,000-deep streamed tool call reaches the SDK as a bounded call instead of crashing it', async () => {
  const model = modelSaying([{ type: 'tool-call', toolCallId: 'c1', toolName: 'capture_lead\u0000', input: `{"name":${deepArray(5000)}}` }]);
  const result = streamText({ model, prompt: 'hi' });
  const [call] = await result.toolCalls;
  assert.equal(call?.toolName, 'capture_lead\ufffd');
  assert.ok(JSON.stringify(call?.input).includes('too_deeply_nested'));
});
