import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOutcome, followedOutcome, ticketNumber } from './outcomes.ts';
import { uiChunks } from './sse.ts';

test('a saved lead, a syncing lead and a synced one read as such', () => {
  assert.equal(describeOutcome('capture_lead', { status: 'done', message: 'Thanks', sync: 'saved' }).title, 'Details saved');
  const syncing = describeOutcome('capture_lead', { status: 'done', message: 'Thanks', sync: 'syncing', contactId: 'c1' });
  assert.equal(syncing.kind, 'syncing');
  assert.equal(syncing.requestId, 'c1');
  assert.equal(followedOutcome(syncing, 'synced', 'Saved and synced.').title, 'Details saved and synced');
  assert.equal(followedOutcome(syncing, 'queued_for_follow_up', 'x').kind, 'follow_up');
  assert.equal(followedOutcome(syncing, 'syncing', 'x'), syncing);
});

test('a ticket shows its number and priority', () => {
  const o = describeOutcome('escalate_ticket', { status: 'done', message: 'Opened', ticketId: '1a834e6c-e516-4c6a-85b8-9111ea889db2', priority: 'high', sync: 'saved' });
  assert.equal(o.kind, 'ticket');
  assert.equal(o.title, 'Ticket #1A834E6C opened, priority high');
  assert.equal(ticketNumber('9311a8bb-e946'), '9311A8BB');
});

test('confirmation, refusal, rate limit, failure and repeats each have their own words', () => {
  assert.equal(describeOutcome('capture_lead', { status: 'needs_confirmation', reason: 'low_confidence', message: 'Shall I?' }).kind, 'confirm');
  const refused = describeOutcome('capture_lead', { status: 'denied', reason: 'not_grounded', message: 'Type it yourself.' });
  assert.equal(refused.kind, 'refused');
  assert.equal(refused.title, 'Not done: I can only use details you typed yourself');
  assert.equal(describeOutcome('capture_lead', { status: 'denied', reason: 'rate_limited', message: 'Later.' }).kind, 'rate_limited');
  assert.equal(describeOutcome('escalate_ticket', { status: 'denied', reason: 'rate_limit_unavailable', message: 'Later.' }).kind, 'rate_limited');
  assert.equal(describeOutcome('capture_lead', { status: 'error', reason: 'tool_failed', message: 'Sorry.' }).kind, 'failed');
  assert.equal(describeOutcome('capture_lead', { status: 'duplicate', message: 'Already done.', sync: 'saved' }).title, 'Details saved (already done)');
  assert.equal(describeOutcome('check_billing', { status: 'done', message: 'Your plan is Pro.' }).title, 'Done');
  assert.equal(describeOutcome('x', { status: 'surprise', message: '' }).kind, 'failed');
});

const streamOf = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });

test('the UI message stream is read chunk by chunk, across packet boundaries, to [DONE]', async () => {
  const chunks = [];
  for await (const c of uiChunks(streamOf('data: {"type":"start"}\n\ndata: {"type":"text-del', 'ta","id":"t","delta":"Hi"}\n\n', 'data: [DONE]\n\n'))) chunks.push(c);
  assert.deepEqual(chunks, [{ type: 'start' }, { type: 'text-delta', id: 't', delta: 'Hi' }]);
});

test('a stream that breaks off before [DONE] throws, so a lost answer is not taken for a finished one', async () => {
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const c of uiChunks(streamOf('data: {"type":"start"}\n\n'))) seen.push(c.type);
  }, /ended early/);
  assert.deepEqual(seen, ['start']);
});
