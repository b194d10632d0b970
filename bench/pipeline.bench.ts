import { decideStatic, type Decision } from '../src/policy/pipeline.ts';
import { rateLimitGate } from '../src/policy/gates/rate-limit.ts';
import { MemoryRateLimiter } from '../src/policy/rate-limit/index.ts';
import type { PolicyContext, ProposedCall } from '../src/policy/types.ts';
import { TOOL_REGISTRY } from '../src/tools/index.ts';
import { ANONYMOUS, type Session } from '../src/tools/session.ts';
import { markdownTable, ms, summarize, type Summary, type BenchResult, type TargetCheck } from './stats.ts';

/**
 * Benchmark 1: how long the policy takes to decide one tool call, in process and
 * without the database: the static gates (schema, identity, grounding, confidence)
 * and, for calls they allow, the in-memory rate limiter. The idempotency lookup and
 * the write are database work and belong to the allowed-write benchmark.
 */

interface Case {
  kind: string;
  call: ProposedCall;
  ctx: PolicyContext;
}

const THRESHOLDS = { capture_lead: 0.7, escalate_ticket: 0.7, check_billing: 0.7 };
const FILLER = [
  'Hello there, I have been looking at your product for our team of twelve people.',
  'We mostly need the reporting features and an integration with our CRM.',
  'Could you also tell me how onboarding works for a company our size?',
];

/**
 * The mix a busy gateway decides: most calls allowed, the rest refused at each gate
 * in turn, including the rate limit. Conversations carry 0 to 3 earlier user
 * messages, because grounding reads all of them. Every allowed call has its own
 * conversation, email or user, so it passes the limiter and the limiter really
 * counts; one email is reused on purpose so that its calls run into their limit.
 */
function buildCases(count: number, prefix: string): Case[] {
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const conversationId = `conv_${prefix}_${i}`;
    const email = i % 10 === 9 ? 'repeat@example.com' : `lead${i}.${prefix}@example.com`;
    const history = FILLER.slice(0, i % 4);
    const typed = `Hi, I am Ada Lovelace, ${email}, I would like a demo for my team please.`;
    const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({
      session: { ...ANONYMOUS, actor: `visitor:bench_${prefix}_${i}` },
      clientAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      conversationId,
      userTexts: [...history, typed],
      typedEmails: [email],
      thresholds: THRESHOLDS,
      confirmed: false,
      findSensitive: () => [],
      callsThisTurn: 1,
      ...over,
    });
    const lead = { name: 'Ada Lovelace', email, company: 'Analytical Engines Ltd', notes: 'Team of twelve, wants reporting.' };
    const ticket = { subject: 'Export to CSV fails', summary: 'The export button shows an error since Monday.', category: 'technical', priority: 'normal' };
    const customer: Session = { actor: `user:u_${prefix}_${i}`, userId: `u_${prefix}_${i}`, email: 'cus@example.com', name: 'Cus Tomer', isAdmin: false };
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        cases.push({ kind: 'allowed: capture_lead', call: { tool: 'capture_lead', args: lead, confidence: 0.95 }, ctx: ctx() });
        break;
      case 3:
        cases.push({ kind: 'allowed: escalate_ticket', call: { tool: 'escalate_ticket', args: ticket, confidence: 0.9 }, ctx: ctx() });
        break;
      case 4:
        cases.push({ kind: 'allowed: check_billing', call: { tool: 'check_billing', args: { topic: 'invoices' }, confidence: 0.9 }, ctx: ctx({ session: customer }) });
        break;
      case 5:
        cases.push(
          i % 20 === 5
            ? { kind: 'denied: schema (unknown tool)', call: { tool: 'issue_refund', args: { amount: 1e6 }, confidence: 1 }, ctx: ctx() }
            : { kind: 'denied: schema (invalid input)', call: { tool: 'capture_lead', args: { ...lead, role: 'admin' }, confidence: 1 }, ctx: ctx() },
        );
        break;
      case 6:
        cases.push({ kind: 'denied: grounding', call: { tool: 'capture_lead', args: { ...lead, email: 'attacker@evil.example' }, confidence: 1 }, ctx: ctx() });
        break;
      case 7:
        cases.push(
          i % 20 === 7
            ? { kind: 'denied: identity (unauthenticated)', call: { tool: 'check_billing', args: {}, confidence: 1 }, ctx: ctx() }
            : { kind: 'denied: identity (contact required)', call: { tool: 'escalate_ticket', args: ticket, confidence: 1 }, ctx: ctx({ typedEmails: [], userTexts: ['the export is broken'] }) },
        );
        break;
      case 8:
        cases.push({ kind: 'needs_confirmation', call: { tool: 'capture_lead', args: lead, confidence: 0.4 }, ctx: ctx() });
        break;
      default:
        cases.push({ kind: 'denied: rate limit (repeat email)', call: { tool: 'capture_lead', args: lead, confidence: 0.95 }, ctx: ctx() });
    }
  }
  return cases;
}

/** Exactly what `decide()` does, minus the idempotency query. */
async function decideWithoutDatabase(item: Case, limiter: MemoryRateLimiter): Promise<string> {
  const decided: Decision = decideStatic(item.call, item.ctx, TOOL_REGISTRY);
  if (decided.decision !== 'allowed') return decided.decision === 'duplicate' ? 'duplicate' : `${decided.decision}:${decided.reason}`;
  const limited = await rateLimitGate(decided.tool, decided.input, item.ctx, limiter);
  return limited.pass ? 'allowed' : `denied:${limited.reason}`;
}

export interface PipelineResult extends BenchResult {
  overall: Summary;
  byKind: Array<{ kind: string; summary: Summary }>;
  outcomes: Record<string, number>;
}

export async function runPipelineBench({ quick }: { quick: boolean }): Promise<PipelineResult> {
  // About 0.9 limiter keys per decision: 50,000 stays inside the limiter's default 100,000 keys.
  const decisions = quick ? 20_000 : 50_000;
  const warmup = quick ? 5_000 : 20_000;
  const warmLimiter = new MemoryRateLimiter();
  for (const item of buildCases(warmup, 'warm')) await decideWithoutDatabase(item, warmLimiter);
  await warmLimiter.close();

  // Cases are built before the clock starts: only deciding is measured.
  const limiter = new MemoryRateLimiter();
  const cases = buildCases(decisions, 'run');
  const samples = new Float64Array(decisions);
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < decisions; i++) {
    const item = cases[i]!;
    const started = performance.now();
    const outcome = await decideWithoutDatabase(item, limiter);
    samples[i] = performance.now() - started;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  await limiter.close();

  const overall = summarize(Array.from(samples));
  const kinds = [...new Set(cases.map((c) => c.kind))].sort();
  const byKind = kinds.map((kind) => ({ kind, summary: summarize(cases.flatMap((c, i) => (c.kind === kind ? [samples[i]!] : []))) }));
  const rows = [
    ['**all decisions**', overall.count, ms(overall.p50), ms(overall.p99), ms(overall.max)],
    ...byKind.map(({ kind, summary }) => [kind, summary.count, ms(summary.p50), ms(summary.p99), ms(summary.max)]),
  ];
  const markdown = [
    `Decisions: ${decisions.toLocaleString('en')} measured after ${warmup.toLocaleString('en')} warm-up, one at a time.`,
    '',
    markdownTable(['case', 'n', 'p50 ms', 'p99 ms', 'max ms'], rows),
    '',
    `Outcomes: ${Object.entries(outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  ].join('\n');
  return {
    overall,
    byKind,
    outcomes,
    markdown,
    checks: [{ benchmark: 'pipeline decision (no DB)', measure: 'p99', value: `${ms(overall.p99)} ms`, target: '< 1 ms', pass: overall.p99 < 1 }],
  };
}
