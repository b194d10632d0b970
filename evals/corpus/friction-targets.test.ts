import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreConversation } from '../../src/agent/confidence-estimate.ts';
import { userWords } from '../../src/agent/user-words.ts';
import { TOOL_REGISTRY } from '../../src/tools/index.ts';
import { loadCorpus, type CorpusLine } from './load.ts';

/**
 * Issue 8's friction target for a real model that reports no confidence (the
 * `openai-scripted` run): the gateway's own estimate must not ask non-English speakers
 * to confirm a plain request more often than English speakers, and should rarely ask
 * at all (see MAX_OVERALL_FRICTION). With the right call proposed, a confirmation is asked exactly when the estimate
 * for that call (`scoreConversation`, which the turn uses) is below the tool's
 * threshold, so this scores the estimate directly, in milliseconds, on the held-out
 * test split. `npm run eval:corpus -- --model openai-scripted` measures the same through the app.
 */

// Measured on the test split: 31.3% (41/131) overall, English 44.4% (12/27), the other
// languages 27.9% (29/104); before the multilingual evidence 61.1%, English 48.1%, others
// 64.4%. The dev split is at 2.4%: the test split's lines use wording the cues do not
// know yet. A ceiling to lower as the figures improve, never to raise.
const MAX_OVERALL_FRICTION = 0.35;

function asked(line: CorpusLine): boolean {
  const tool = TOOL_REGISTRY.find(line.expect.tool!)!;
  return scoreConversation(line.turns.map(userWords), tool.name) < tool.confidenceThreshold;
}

test('a plain request is rarely asked to confirm, and no more often in another language than in English', () => {
  const done = loadCorpus('test').filter((l) => l.expect.tool !== null && l.expect.outcome === 'done');
  const rate = (lines: CorpusLine[]) => lines.filter(asked).length / lines.length;
  const english = done.filter((l) => l.lang === 'en');
  const others = done.filter((l) => l.lang !== 'en');
  assert.ok(english.length > 0 && others.length > 0);
  const overall = rate(done);
  assert.ok(overall <= MAX_OVERALL_FRICTION, `friction ${(overall * 100).toFixed(1)}% overall`);
  assert.ok(rate(others) <= rate(english), `non-English ${(rate(others) * 100).toFixed(1)}% vs English ${(rate(english) * 100).toFixed(1)}%`);
});
