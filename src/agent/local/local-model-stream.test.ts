import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LanguageModelV3Content, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';
import { generate, inputSchema, options, readStream, SYSTEM, toolExchange, user } from '../../../test/support/local-model-calls.ts';
import { TOOL_INPUTS } from '../../tools/index.ts';
import { createLocalModel } from './index.ts';

// --- streaming -----------------------------------------------------------------

test('a streamed text reply is framed by stream-start and finish, with one text id', async () => {
  const parts = await readStream(options([user('Tell me a joke')]));
  assert.equal(parts[0]?.type, 'stream-start');
  assert.equal(parts.at(-1)?.type, 'finish');
  const ids = new Set(parts.flatMap((p) => ('id' in p && typeof p.id === 'string' ? [p.id] : [])));
  assert.equal(ids.size, 1);
  assert.deepEqual(
    parts.map((p) => p.type).filter((t, i, all) => t !== all[i - 1]),
    ['stream-start', 'text-start', 'text-delta', 'text-end', 'finish'],
  );
});

test('a streamed tool call carries its confidence in provider metadata', async () => {
  const parts = await readStream(options([user('I was charged twice')]));
  assert.deepEqual(
    parts.map((p) => p.type),
    ['stream-start', 'tool-call', 'finish'],
  );
  const call = parts[1];
  assert.ok(call?.type === 'tool-call');
  assert.equal(call.toolName, 'escalate_ticket');
  assert.equal(typeof (call.providerMetadata?.toolgate as { confidence: unknown }).confidence, 'number');
  const finish = parts[2];
  assert.ok(finish?.type === 'finish');
  assert.equal(finish.finishReason.unified, 'tool-calls');
  assert.ok((finish.usage.inputTokens.total ?? 0) > 0);
});

test('doStream and doGenerate give the same answer', async () => {
  const cases: LanguageModelV3Prompt[] = [
    [user('I want a demo. I am Ann Lee, ann@lee.io')],
    [user('I want a demo')],
    [user('The export is broken')],
    [user('show my invoices in_77')],
    [user('Tell me a joke')],
    [user('ok')],
    [user('x'), ...toolExchange('check_billing', { type: 'json', value: { status: 'done', message: 'You are on Pro.' } })],
  ];
  const strip = (p: { toolCallId?: string }) => ({ ...p, toolCallId: undefined });
  for (const prompt of cases) {
    const opts = options(prompt);
    const generated = await generate(opts);
    const streamed = await readStream(opts);
    const streamedText = streamed.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');
    const streamedCalls = streamed.filter((p) => p.type === 'tool-call').map(strip);
    const finish = streamed.find((p) => p.type === 'finish');
    const generatedText = generated.content.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
    const generatedCalls = generated.content.filter((p) => p.type === 'tool-call').map(strip);
    assert.equal(streamedText, generatedText);
    assert.deepEqual(streamedCalls, generatedCalls);
    assert.ok(finish?.type === 'finish');
    assert.deepEqual(finish.finishReason, generated.finishReason);
    assert.deepEqual(finish.usage, generated.usage);
  }
});

test('the model is deterministic apart from call ids', async () => {
  const opts = options([user('Hi, I am Zoë O’Brien from Contoso, zoe@contoso.com, we want pricing')]);
  const a = await generate(opts);
  const b = await generate(opts);
  const strip = (c: LanguageModelV3Content[]) => c.map((p) => ({ ...p, toolCallId: undefined }));
  assert.deepEqual(strip(a.content), strip(b.content));
});

test('an aborted call rejects before doing any work', async () => {
  const controller = new AbortController();
  controller.abort(new Error('client went away'));
  await assert.rejects(generate(options([user('hi')], { abortSignal: controller.signal })), /client went away/);
  await assert.rejects(async () => createLocalModel().doStream(options([user('hi')], { abortSignal: controller.signal })), /client went away/);
});

// --- through the AI SDK --------------------------------------------------------

const sdkTools = {
  capture_lead: tool({ description: 'Save a lead', inputSchema: inputSchema('capture_lead') }),
  escalate_ticket: tool({
    description: 'Open a ticket',
    inputSchema: jsonSchema(
      z.toJSONSchema(inputSchema('escalate_ticket'), { io: 'input', unrepresentable: 'any' }) as Parameters<typeof jsonSchema>[0],
    ),
  }),
  check_billing: tool({ description: 'Billing lookup', inputSchema: inputSchema('check_billing') }),
};

test('generateText surfaces the tool call with validated input', async () => {
  const result = await generateText({
    model: createLocalModel(),
    system: SYSTEM,
    prompt: 'Please book a demo. My name is Priya Raman, priya@northwind.io',
    tools: sdkTools,
  });
  assert.equal(result.toolCalls.length, 1);
  const [call] = result.toolCalls;
  assert.equal(call?.toolName, 'capture_lead');
  assert.deepEqual(call?.input, {
    name: 'Priya Raman',
    email: 'priya@northwind.io',
    source: 'chat',
    notes: 'Please book a demo.',
  });
  assert.equal(result.finishReason, 'tool-calls');
});

test('generateText runs a tool and then answers from its result', async () => {
  const result = await generateText({
    model: createLocalModel(),
    system: SYSTEM,
    prompt: 'The export button is broken',
    tools: {
      ...sdkTools,
      escalate_ticket: tool({
        inputSchema: TOOL_INPUTS.escalate_ticket,
        execute: async (input) => ({ status: 'done', message: `Ticket opened: ${input.subject}` }),
      }),
    },
    stopWhen: stepCountIs(3),
  });
  assert.equal(result.steps.length, 2);
  assert.equal(result.text, 'Ticket opened: The export button is broken Is there anything else I can help with?');
});

test('streamText streams the tool call and the follow-up text', async () => {
  const result = streamText({
    model: createLocalModel(),
    system: SYSTEM,
    messages: [{ role: 'user', content: 'What plan am I on?' }],
    tools: {
      ...sdkTools,
      check_billing: tool({
        inputSchema: inputSchema('check_billing'),
        execute: async () => ({ status: 'done', message: 'You are on the Pro plan.' }),
      }),
    },
    stopWhen: stepCountIs(3),
  });
  const types: string[] = [];
  for await (const part of result.fullStream) types.push(part.type);
  assert.ok(types.includes('tool-call'));
  assert.ok(types.includes('tool-result'));
  assert.equal(await result.text, 'You are on the Pro plan. Is there anything else I can help with?');
  const [first] = await result.steps;
  assert.deepEqual(first?.toolCalls.map((c) => [c.toolName, c.input]), [['check_billing', { topic: 'plan' }]]);
});

test('streamText streams plain text for an off-topic message', async () => {
  const result = streamText({ model: createLocalModel(), system: SYSTEM, prompt: 'Write me a poem', tools: sdkTools });
  const text = await result.text;
  assert.match(text, /can't help with that/);
  assert.deepEqual(await result.toolCalls, []);
});
