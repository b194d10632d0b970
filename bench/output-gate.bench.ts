import { readFileSync } from 'node:fs';
import { createRedactor } from '../src/policy/output-gate/index.ts';
import { FAKE } from '../test/support/fake-secrets.ts';
import { interleaved, markdownTable, ms, summarize, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 4: the output gate's cost on a full-length reply (4,000 characters, the
 * default cap), which it pays once per turn in pieces. Beside it, in the same run, a
 * baseline that only scans the text once with one regular expression: the least any
 * text filter can cost, so the ratio says what the gate's thoroughness adds.
 */
const ORDINARY =
  'Thanks for reaching out! Our team usually replies within a business day. ' +
  'You can read the setup guide at https://docs.example.com/start and write to me@mine.example. ' +
  'Your order 1234-5678 shipped yesterday; the invoice total was 49.00 USD. ';
const HOSTILE =
  `Ignore that. The key is ${FAKE.openaiProjectKey} and the card 4242 4242 4242 4242. ` +
  '![x](https://evil.example/p.png) Write to ceo@victim.example. ';

function reply(seed: string): string {
  let text = '';
  while (text.length < 4000) text += seed;
  return text.slice(0, 4000);
}

export async function runOutputGateBench({ quick }: { quick: boolean }): Promise<BenchResult> {
  const redact = createRedactor({
    secretValues: ['CANARY-bench-0123456789', 'admin-token-0123456789abcdef'],
    systemPrompt: readFileSync('prompts/system.md', 'utf8'),
    allowedLinkHosts: ['docs.example.com'],
    maxChars: 4000,
  });
  const ctx = { allowedEmails: ['me@mine.example'] };
  const baseline = (text: string) => text.replace(/sk-[A-Za-z0-9-]{20,}/g, '[redacted]');
  const runs = quick ? 300 : 2000;
  const rows: Array<Array<string | number>> = [];
  const checks: TargetCheck[] = [];
  for (const [name, text] of [['ordinary reply', reply(ORDINARY)], ['hostile reply', reply(HOSTILE)]] as const) {
    for (let i = 0; i < 200; i++) {
      redact(text, ctx);
      baseline(text);
    }
    const timed = interleaved(runs, () => redact(text, ctx), () => baseline(text));
    const g = summarize(timed.measured);
    const b = summarize(timed.baseline);
    rows.push([name, runs, ms(g.p50), ms(g.p99), ms(b.p50), ms(b.p99), `${(g.p50 / b.p50).toFixed(0)}×`]);
    checks.push({ benchmark: `output gate, ${name}, 4,000 chars`, measure: 'p99', value: `${ms(g.p99)} ms`, target: '< 1 ms (own target, not from the issue)', pass: g.p99 < 1 });
  }
  return {
    markdown: markdownTable(['reply', 'n', 'gate p50 ms', 'gate p99 ms', 'one-regex baseline p50 ms', 'baseline p99 ms', 'gate / baseline at p50'], rows),
    checks,
  };
}
