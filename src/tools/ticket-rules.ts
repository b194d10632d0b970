import type { PRIORITIES } from './escalate-ticket.ts';
import {
  ACCESS, ACCOUNT, amountsDisagree, amountTakenAgain, ASKING, CANCELLED, chargedInsteadOf, CONTROL, CUSTOMER_BASE, DATA_LOSS, DOES_NOTHING, FAILURE, FREE_PLAN, INCOMING, FOREIGN_ACTOR, FORMER, LEAK, LOCKOUT, MISSING, MONEY, NO_BUSINESS, NO_WORKAROUND, NOT_AT_ALL, NOT_SENT_BY_US, NOBODY_ABLE, OTHERS_DATA, PARTIAL, PAYMENT_REFUSED,
  PERSONAL, RECORDS, REFUND_AWAITED, REFUSED_REPEATEDLY, SAME_STATE, SHRINKING, SCOPE_ALL, SERVICE_DOWN, SERVICE_STOP, statesAmount, TAKEOVER, TWICE, USUAL_OR_SINCE, WORK_STOPPED, WRONG_AMOUNT,
} from './ticket-evidence.ts';
import { readsSevere } from './learned-severity.ts';
import { sentencesOf } from './triage-text.ts';

type Priority = (typeof PRIORITIES)[number];

const INCOMING_ALL = new RegExp(INCOMING.source, 'giu');

const CHECKOUT = /checkout|check-out|caisse|kasse|pago final|finalizar (?:la )?compra|finalizar (?:o )?pedido|оформлени|الدفع|thanh toán|結帳|结账|レジ|決済画面/iu;

/**
 * Deterministic triage over the user's own words. The rules set the ceiling: the
 * model may lower a ticket's priority but never raise it past what the words support,
 * so an injected "URGENT!!!" from a model cannot page anyone. The ceiling follows the
 * priority rubric (evals/corpus/README.md): `urgent` needs the service failing for
 * everyone, a takeover or data loss in progress; `high` a customer fully blocked or
 * charged wrongly. Evidence is checked per sentence where two signals must meet, so
 * "all" in one sentence and "error" in another do not add up to an outage.
 */
const RULES: Array<{ tag: string; priority: Priority; test: (sentence: string, before: string) => boolean }> = [
  { tag: 'security', priority: 'urgent', test: (s) => TAKEOVER.test(s) || (FOREIGN_ACTOR.test(s) && ACCOUNT.test(s)) || (FORMER.test(s) && (ACCOUNT.test(s) || ACCESS.test(s))) },
  // Mail going out from the account or to its customers that nobody there sent: a takeover told by its sign.
  { tag: 'security', priority: 'urgent', test: (s, before) => NOT_SENT_BY_US.test(s) && !ASKING.test(s) && [s, before].some((t) => ACCOUNT.test(t) || CUSTOMER_BASE.test(t)) },
  // Someone else's names, orders or invoices in front of the wrong people is a leak happening
  // now; asking how to show them (or whether others can see them) is not.
  { tag: 'data_exposure', priority: 'urgent', test: (s) => LEAK.test(s) || (OTHERS_DATA.test(s) && (PERSONAL.test(s) || RECORDS.test(s)) && !ASKING.test(s) && !/[?？]\s*$/u.test(s)) },
  {
    tag: 'outage',
    priority: 'urgent',
    // "Everyone has the same" reaches back to the failure the sentences before it describe;
    // "our customers can't pay" is all of them, unless only some or only sometimes.
    test: (s, before) =>
      SERVICE_DOWN.test(s) || NOBODY_ABLE.test(s) || (SCOPE_ALL.test(s) && (FAILURE.test(s) || (SAME_STATE.test(s) && FAILURE.test(before)))) ||
      (CUSTOMER_BASE.test(s) && (FAILURE.test(s) || DOES_NOTHING.test(s)) && !PARTIAL.test(s)) ||
      // "Zero orders since 9, normally 40 an hour": nothing coming in that should, told by its effect.
      (NO_BUSINESS.test(s) && (FAILURE.test(s) || USUAL_OR_SINCE.test(s)) && !PARTIAL.test(s)),
  },
  // Fewer orders is a slow week; fewer booking *records* is data going ("预约纪录一直在变少").
  { tag: 'data_loss', priority: 'urgent', test: (s) => DATA_LOSS.test(s) || (RECORDS.test(s) && MISSING.test(s)) || (SHRINKING.test(s) && RECORDS.test(s.replace(INCOMING_ALL, ' '))) },
  { tag: 'billing_issue', priority: 'high', test: (s, before) => MONEY.test(s) && (TWICE.test(s) || WRONG_AMOUNT.test(s) || chargedInsteadOf(s) || CANCELLED.test(s) || amountsDisagree(s, before)) },
  // Across sentences: the same amount taken again, or a charge while on a free plan or after cancelling.
  { tag: 'billing_issue', priority: 'high', test: (s, before) => (MONEY.test(s) || MONEY.test(before)) && (amountTakenAgain(s, before) || ((FREE_PLAN.test(before) || CANCELLED.test(before)) && MONEY.test(s) && statesAmount(s))) },
  { tag: 'login_problem', priority: 'high', test: (s) => LOCKOUT.test(s) },
  // The refusal and the warning that access will stop are often told in two sentences, in either order.
  {
    tag: 'payment_failing',
    priority: 'high',
    test: (s, before) => (PAYMENT_REFUSED.test(s) && (SERVICE_STOP.test(s) || SERVICE_STOP.test(before))) || (SERVICE_STOP.test(s) && PAYMENT_REFUSED.test(before)),
  },
  // Refused every time or with every card: paying is impossible, whatever comes next.
  { tag: 'payment_failing', priority: 'high', test: (s, before) => PAYMENT_REFUSED.test(s) && REFUSED_REPEATEDLY.test(s) && (MONEY.test(s) || MONEY.test(before) || CHECKOUT.test(s)) },
  { tag: 'work_stopped', priority: 'high', test: (s) => WORK_STOPPED.test(s) },
  // A button that does nothing when pressed is a feature gone with no way around it; "sometimes" is intermittent.
  { tag: 'work_stopped', priority: 'high', test: (s, before) => DOES_NOTHING.test(s) && (CONTROL.test(s) || CONTROL.test(before)) && !PARTIAL.test(s) && !ASKING.test(s) },
  // Failing whatever way round the user tries: a core feature with no workaround (rubric: high).
  { tag: 'work_stopped', priority: 'high', test: (s, before) => NO_WORKAROUND.test(s) && (FAILURE.test(s) || FAILURE.test(before)) && !PARTIAL.test(s) && !ASKING.test(s) },
  // Not able to at all: fully blocked, unless it is a question ("can't I export at all?").
  { tag: 'work_stopped', priority: 'high', test: (s) => NOT_AT_ALL.test(s) && FAILURE.test(s) && !ASKING.test(s) && !/[?？]\s*$/u.test(s) },
  // Tags for the human reading the ticket; on their own they are `normal` work (rubric).
  { tag: 'refund_request', priority: 'normal', test: (s) => /\b(refund|reembolso|rembourse\w*|rückerstattung|money back)\b/i.test(s) },
  { tag: 'cancellation_risk', priority: 'normal', test: (s) => /\b(cancel\w*|close my account|terminate|switch(ing)? to (a )?competitor|churn|cancelar|annuler|kündigen)\b/i.test(s) },
  { tag: 'billing_issue', priority: 'normal', test: (s) => /\b(invoice|billing|payment (failed|declined)|card (declined|failed)|receipt|charge[ds]?)\b/i.test(s) },
  { tag: 'onboarding_blocker', priority: 'normal', test: (s) => /\b(set ?up|onboard\w*|getting started|install\w*|can'?t (get|figure)|stuck)\b/i.test(s) },
];

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** The tag of the learned reading (`learned-severity.ts`) when it, and no rule, makes a ticket `high`. */
export const LEARNED_SEVERITY = 'learned_severity';

/** Every tag the triage sets: the names a candidate policy uses to re-rank rules. */
export const TRIAGE_TAGS = [...new Set([...RULES.map((r) => r.tag), LEARNED_SEVERITY])] as [string, ...string[]];

/** A candidate's priority per rule tag, replacing the rules' own (every rule with that tag). */
export type TriageOverrides = Readonly<Record<string, Priority>>;

export interface Triage {
  tags: string[];
  ceiling: Priority;
}

/**
 * The rules' triage and, where no rule found `high` evidence, the learned reading of the
 * whole message: it raises the ceiling to `high` at most, so paging on-call (`urgent`)
 * always rests on a rule.
 */
export function triage(userText: string, overrides: TriageOverrides = {}): Triage {
  const byRules = ruleTriage(userText, overrides);
  if (RANK[byRules.ceiling] >= RANK.high || !readsSevere(userText)) return byRules;
  const priority = settlePriority(overrides[LEARNED_SEVERITY], 'high');
  if (RANK[priority] <= RANK[byRules.ceiling]) return byRules;
  return { tags: [...byRules.tags, LEARNED_SEVERITY], ceiling: priority };
}

/** The phrase-list rules alone: what the user's words say, sentence by sentence. */
export function ruleTriage(userText: string, overrides: TriageOverrides = {}): Triage {
  const tags = new Set<string>();
  let ceiling: Priority = 'normal';
  const parts = sentencesOf(userText);
  // A refund not yet received is normal work (rubric), whatever charge it refunds.
  const refundAwaited = awaitsRefund(parts);
  for (const rule of RULES) {
    if (refundAwaited && rule.tag === 'billing_issue' && rule.priority !== 'normal') continue;
    if (!parts.some((s, i) => rule.test(s, parts.slice(0, i).join(' ')))) continue;
    tags.add(rule.tag);
    const priority = overrides[rule.tag] ?? rule.priority;
    if (RANK[priority] > RANK[ceiling]) ceiling = priority;
  }
  return { tags: [...tags], ceiling };
}

/**
 * A refund promised or asked for that has not come ("three weeks and nothing on my card"):
 * work for a person, at `normal` priority, whatever charge it refunds. Given the user's
 * words, or their sentences as the triage reads them.
 */
export function awaitsRefund(words: string | readonly string[]): boolean {
  return REFUND_AWAITED.test((typeof words === 'string' ? sentencesOf(words) : words).join(' '));
}

/** The model's priority when it is at or below the ceiling, else the ceiling. */
export function settlePriority(requested: Priority | undefined, ceiling: Priority): Priority {
  if (requested === undefined) return ceiling;
  return RANK[requested] <= RANK[ceiling] ? requested : ceiling;
}

/** What the model asked for when the words did not support it: kept for a human, never acted on. */
export function proposedAbove(requested: Priority | undefined, settled: Priority): Priority | null {
  return requested !== undefined && RANK[requested] > RANK[settled] ? requested : null;
}
