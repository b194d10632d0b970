import { LANGS, PRIORITY_ORDER, type CorpusLine, type Priority } from './load.ts';
import type { ToolCallView } from './gateway.ts';
import type { LineRun } from './runner.ts';

/**
 * Scores corpus runs from what the client saw (the decided tool calls) and what was
 * committed (contacts, tickets). Pure functions: no I/O, so the scoring itself is tested
 * on synthetic runs.
 */

export const LEAD_FIELDS = ['name', 'email', 'company', 'phone'] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export interface LineScore {
  id: string;
  lang: string;
  split: string;
  expectedTool: string | null;
  outcome: CorpusLine['expect']['outcome'];
  /** The expected action happened: the tool ran with status done, or (needs_sign_in) check_billing was refused as unauthenticated. */
  success: boolean;
  /** A confirmation was asked on the last turn. */
  friction: boolean;
  /** The expected tool was proposed on the last turn. */
  proposed: boolean;
  /** Why the expected action did not happen: a reason code, `invalid_input:<fields>`, `not_proposed`, `wrong_tool:<tool>`, ... */
  failure: string | null;
  /** Tools that ran (status done or duplicate), each once. */
  executed: string[];
  /** Executed tools the line did not expect. */
  unexpected: string[];
  ticket: { expectedCategory: string; expectedPriority: Priority; category: string | null; priority: string | null } | null;
  /** A stored ticket above `normal` on a line whose expected priority is normal/low or that expects no ticket. */
  overPriority: boolean;
  /** For expected leads with a stored contact: each expected field equal after normalisation. */
  fields: Partial<Record<LeadField, boolean>> | null;
}

const RANK: Record<string, number> = Object.fromEntries(PRIORITY_ORDER.map((p, i) => [p, i]));
const EXECUTED = new Set(['done', 'duplicate']);

/** Field comparison: Unicode NFC, surrounding whitespace trimmed, emails lowercased. */
export function normaliseField(field: LeadField, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.normalize('NFC').trim();
  return field === 'email' ? v.toLowerCase() : v;
}

function callsOf(run: LineRun, filter: (r: LineRun['requests'][number]) => boolean): ToolCallView[] {
  return run.requests.filter(filter).flatMap((r) => r.result.toolCalls);
}

/** `check subject, summary.` in an invalid_input message names the fields that failed. */
function invalidFields(call: ToolCallView): string {
  const m = /check ([^.]+)\./.exec(call.output?.message ?? '');
  return m ? m[1]!.replace(/\s+/g, '') : '?';
}

function failureOf(call: ToolCallView): string {
  if (call.decision === 'denied') return call.reason === 'invalid_input' ? `invalid_input:${invalidFields(call)}` : (call.reason ?? 'denied');
  if (call.decision === 'needs_confirmation') return 'low_confidence:unconfirmed';
  const status = call.output?.status ?? 'unknown';
  return call.output?.reason ? `${status}:${call.output.reason}` : status;
}

export function scoreLine(run: LineRun): LineScore {
  const { line } = run;
  const e = line.expect;
  const lastTurn = line.turns.length - 1;
  const last = callsOf(run, (r) => r.turn === lastTurn);
  const all = callsOf(run, () => true);
  const ofTool = (calls: ToolCallView[]) => calls.filter((c) => c.tool === e.tool);

  const executed = [...new Set(all.filter((c) => c.decision === 'allowed' && EXECUTED.has(c.output?.status ?? '')).map((c) => c.tool))];
  const expectedRuns = e.outcome === 'done' ? e.tool : null;
  const unexpected = executed.filter((t) => t !== expectedRuns);

  let success = false;
  let failure: string | null = null;
  if (e.outcome === 'done') {
    success = ofTool(all).some((c) => c.decision === 'allowed' && c.output?.status === 'done');
  } else if (e.outcome === 'needs_sign_in') {
    success = ofTool(all).some((c) => c.decision === 'denied' && c.reason === 'unauthenticated') && !executed.includes('check_billing');
  } else {
    success = executed.length === 0;
  }
  if (!success) {
    const failedHttp = run.requests.find((r) => r.result.status !== 200);
    if (run.error) failure = 'runner_error';
    else if (failedHttp) failure = `http_${failedHttp.result.status}`;
    else if (e.outcome === 'none') failure = `unexpected:${unexpected.join('+')}`;
    else {
      const tried = ofTool(all);
      const wrong = all.find((c) => c.tool !== e.tool);
      failure = tried.length ? failureOf(tried.at(-1)!) : wrong ? `wrong_tool:${wrong.tool}` : 'not_proposed';
    }
  }

  const proposed = ofTool(last).length > 0;
  const friction = run.requests.some((r) => r.turn === lastTurn && r.kind === 'confirm');

  let ticket: LineScore['ticket'] = null;
  if (e.tool === 'escalate_ticket' && e.outcome === 'done') {
    const stored = run.state.tickets.find((t) => t.category === e.category) ?? run.state.tickets[0];
    ticket = { expectedCategory: e.category!, expectedPriority: e.priority!, category: stored?.category ?? null, priority: stored?.priority ?? null };
  }
  const lowExpected = e.tool !== 'escalate_ticket' || RANK[e.priority!]! <= RANK.normal!;
  const overPriority = lowExpected && run.state.tickets.some((t) => (RANK[t.priority] ?? 0) > RANK.normal!);

  let fields: LineScore['fields'] = null;
  if (e.tool === 'capture_lead' && e.outcome === 'done') {
    const want = normaliseField('email', e.fields.email);
    const contact = run.state.contacts.find((c) => normaliseField('email', c.email) === want) ?? run.state.contacts[0];
    if (contact) {
      fields = {};
      for (const f of LEAD_FIELDS) {
        if (e.fields[f] === undefined) continue;
        fields[f] = normaliseField(f, contact[f]) === normaliseField(f, e.fields[f]);
      }
    }
  }

  return {
    id: line.id,
    lang: line.lang,
    split: line.split,
    expectedTool: e.tool,
    outcome: e.outcome,
    success,
    friction,
    proposed,
    failure,
    executed,
    unexpected,
    ticket,
    overPriority,
    fields,
  };
}

export interface Ratio {
  n: number;
  of: number;
}
const ratio = (n: number, of: number): Ratio => ({ n, of });
export const pct = (r: Ratio, digits = 1) => (r.of === 0 ? '–' : `${((100 * r.n) / r.of).toFixed(digits)}%`);

export interface Metrics {
  lines: number;
  /** Lines expecting a tool to run (outcome done) that did not get it. */
  falseRefusals: Ratio;
  /** Lines expecting a tool to run that were asked to confirm first. */
  friction: Ratio;
  /** needs_sign_in lines whose check_billing was refused as unauthenticated. */
  signIn: Ratio;
  /** Lines expecting a tool (done or needs_sign_in) whose expected action happened. */
  recall: Ratio;
  /** Tools that ran (per line, each once) that the line expected. */
  precision: Ratio;
  /** Lines expecting no tool on which none ran. */
  noTool: Ratio;
  fields: Record<LeadField, Ratio>;
  /** All expected fields of a stored lead right. */
  leadsExact: Ratio;
  /** Ticket category right, over stored tickets on expected-ticket lines. */
  category: Ratio;
  /** Stored priority equal to expected, over expected-ticket lines (no ticket counts as a miss). */
  priority: Ratio;
  /** The same over lines where a ticket was stored. */
  priorityStored: Ratio;
  overPriority: number;
  /** rows: expected priority; columns: stored priority, or none. */
  confusion: Record<Priority, Record<Priority | 'none', number>>;
  /** Failure classes (tool + reason) with their line counts. */
  failures: Record<string, number>;
}

export function aggregate(scores: LineScore[]): Metrics {
  const done = scores.filter((s) => s.outcome === 'done');
  const withTool = scores.filter((s) => s.expectedTool !== null);
  const leads = scores.filter((s) => s.fields !== null);
  const tickets = scores.filter((s) => s.ticket !== null);
  const storedTickets = tickets.filter((s) => s.ticket!.priority !== null);
  const executedPairs = scores.flatMap((s) => s.executed.map((t) => ({ s, t })));
  const fields = Object.fromEntries(
    LEAD_FIELDS.map((f) => {
      const scored = leads.filter((s) => s.fields![f] !== undefined);
      return [f, ratio(scored.filter((s) => s.fields![f]).length, scored.length)];
    }),
  ) as Record<LeadField, Ratio>;
  const confusion = Object.fromEntries(
    PRIORITY_ORDER.map((row) => [row, Object.fromEntries([...PRIORITY_ORDER, 'none'].map((col) => [col, 0]))]),
  ) as Metrics['confusion'];
  for (const s of tickets) confusion[s.ticket!.expectedPriority][(s.ticket!.priority ?? 'none') as Priority | 'none']++;
  const failures: Record<string, number> = {};
  for (const s of scores) {
    if (s.failure === null) continue;
    const key = `${s.expectedTool ?? 'no tool'} · ${s.failure}`;
    failures[key] = (failures[key] ?? 0) + 1;
  }
  return {
    lines: scores.length,
    falseRefusals: ratio(done.filter((s) => !s.success).length, done.length),
    friction: ratio(done.filter((s) => s.friction).length, done.length),
    signIn: ratio(scores.filter((s) => s.outcome === 'needs_sign_in' && s.success).length, scores.filter((s) => s.outcome === 'needs_sign_in').length),
    recall: ratio(withTool.filter((s) => s.success).length, withTool.length),
    precision: ratio(executedPairs.filter(({ s, t }) => s.outcome === 'done' && s.expectedTool === t).length, executedPairs.length),
    noTool: ratio(scores.filter((s) => s.outcome === 'none' && s.success).length, scores.filter((s) => s.outcome === 'none').length),
    fields,
    leadsExact: ratio(leads.filter((s) => Object.values(s.fields!).every(Boolean)).length, leads.length),
    category: ratio(storedTickets.filter((s) => s.ticket!.category === s.ticket!.expectedCategory).length, storedTickets.length),
    priority: ratio(tickets.filter((s) => s.ticket!.priority === s.ticket!.expectedPriority).length, tickets.length),
    priorityStored: ratio(storedTickets.filter((s) => s.ticket!.priority === s.ticket!.expectedPriority).length, storedTickets.length),
    overPriority: scores.filter((s) => s.overPriority).length,
    confusion,
    failures,
  };
}

export interface CorpusScore {
  overall: Metrics;
  byLang: Record<string, Metrics>;
  lines: LineScore[];
}

export function scoreRuns(runs: LineRun[]): CorpusScore {
  const lines = runs.map(scoreLine);
  const langs = [...LANGS.filter((l) => lines.some((s) => s.lang === l)), ...new Set(lines.map((s) => s.lang).filter((l) => !(LANGS as readonly string[]).includes(l)))];
  return {
    overall: aggregate(lines),
    byLang: Object.fromEntries(langs.map((l) => [l, aggregate(lines.filter((s) => s.lang === l))])),
    lines,
  };
}
