import type { PRIORITIES } from './escalate-ticket.ts';

type Priority = (typeof PRIORITIES)[number];

/**
 * Deterministic triage over the user's own words. The rules set the ceiling: the
 * model may lower a ticket's priority but never raise it past what the words support,
 * so an injected "URGENT!!!" from a model cannot page anyone.
 */
const RULES: Array<{ tag: string; priority: Priority; pattern: RegExp }> = [
  { tag: 'security', priority: 'urgent', pattern: /\b(hack(ed|er)?|breach|compromis\w*|phish\w*|unauthori[sz]ed (access|login)|account takeover|security (issue|incident|problem))\b/i },
  { tag: 'outage', priority: 'urgent', pattern: /\b(outage|(site|app|service|everything|api) (is )?(down|unreachable)|down for (everyone|all)|not loading for anyone|5\d\d errors?)\b/i },
  { tag: 'billing_issue', priority: 'high', pattern: /\b(charged (me )?twice|double[- ]charged|duplicate (charge|payment)|overcharged|wrong (amount|charge))\b/i },
  { tag: 'refund_request', priority: 'high', pattern: /\b(refund|reembolso|rembourse\w*|rückerstattung|money back)\b/i },
  { tag: 'cancellation_risk', priority: 'high', pattern: /\b(cancel\w*|close my account|terminate|switch(ing)? to (a )?competitor|churn|cancelar|annuler|kündigen)\b/i },
  { tag: 'login_problem', priority: 'high', pattern: /\b(can'?t|cannot|unable to|not able to) (log ?in|sign ?in|access my account)\b|\blocked out\b|\b(password reset|2fa|two[- ]factor|mfa)\b.*\b(not|doesn'?t|isn'?t|fail\w*)\b/i },
  { tag: 'billing_issue', priority: 'normal', pattern: /\b(invoice|billing|payment (failed|declined)|card (declined|failed)|receipt|charge[ds]?)\b/i },
  { tag: 'onboarding_blocker', priority: 'normal', pattern: /\b(set ?up|onboard\w*|getting started|install\w*|can'?t (get|figure)|stuck)\b/i },
];

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export interface Triage {
  tags: string[];
  ceiling: Priority;
}

export function triage(userText: string): Triage {
  const tags = new Set<string>();
  let ceiling: Priority = 'normal';
  for (const rule of RULES) {
    if (!rule.pattern.test(userText)) continue;
    tags.add(rule.tag);
    if (RANK[rule.priority] > RANK[ceiling]) ceiling = rule.priority;
  }
  return { tags: [...tags], ceiling };
}

/** The model's priority when it is at or below the ceiling, else the ceiling. */
export function settlePriority(requested: Priority | undefined, ceiling: Priority): Priority {
  if (requested === undefined) return ceiling;
  return RANK[requested] <= RANK[ceiling] ? requested : ceiling;
}
