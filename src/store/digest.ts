import type { Queryable } from './database.ts';

/**
 * Minutes of the founder's manual work each completed action stands for: typing a lead into
 * the CRM, opening and triaging a ticket, answering a billing question, chasing a failed
 * payment until it is paid. Estimates, stated here so the digest's figure can be checked.
 */
export const MINUTES_SAVED = { lead: 5, ticket: 10, billingAnswer: 3, paymentRecovered: 15 } as const;

export interface WeeklyDigest {
  from: Date;
  to: Date;
  leads: number;
  tickets: number;
  billingAnswers: number;
  paymentsRecovered: number;
  refusals: Array<{ reason: string; count: number }>;
  minutesSaved: number;
}

/** What the assistant did in the seven days ending at `now`, in one round trip. */
export async function weeklyDigest(db: Queryable, now: Date = new Date()): Promise<WeeklyDigest> {
  const [row] = await db.query<{ leads: number; tickets: number; billing: number; recovered: number; refusals: Array<{ reason: string; count: number }> | null }>(
    `with w as (select $1::timestamptz - interval '7 days' as since, $1::timestamptz as until)
     select
       (select count(*) from contacts, w where created_at > w.since and created_at <= w.until)::int as leads,
       (select count(*) from tickets, w where created_at > w.since and created_at <= w.until)::int as tickets,
       (select count(*) from audit_log, w where kind = 'tool_call' and tool = 'check_billing' and outcome = 'done' and at > w.since and at <= w.until)::int as billing,
       (select count(*) from outbox, w where topic = 'crm.billing_status' and payload->>'status' = 'recovered' and created_at > w.since and created_at <= w.until)::int as recovered,
       (select jsonb_agg(jsonb_build_object('reason', reason, 'count', n) order by n desc, reason) from (
          select coalesce(reason, 'unspecified') as reason, count(*)::int as n from audit_log, w
          where kind = 'tool_call' and decision = 'denied' and at > w.since and at <= w.until group by 1) r) as refusals`,
    [now.toISOString()],
  );
  const r = row!;
  return {
    from: new Date(now.getTime() - 7 * 86_400_000),
    to: now,
    leads: r.leads,
    tickets: r.tickets,
    billingAnswers: r.billing,
    paymentsRecovered: r.recovered,
    refusals: r.refusals ?? [],
    minutesSaved:
      r.leads * MINUTES_SAVED.lead + r.tickets * MINUTES_SAVED.ticket + r.billing * MINUTES_SAVED.billingAnswer + r.recovered * MINUTES_SAVED.paymentRecovered,
  };
}

/** The digest as the alert channel carries it: plain text, no personal data. */
export function digestText(d: WeeklyDigest, consoleUrl: string): string {
  const refusals = d.refusals.length ? d.refusals.map((r) => `${r.reason} ${r.count}`).join(', ') : 'none';
  return [
    `Week to ${d.to.toISOString().slice(0, 10)}: ${d.leads} leads captured, ${d.tickets} tickets opened, ` +
      `${d.billingAnswers} billing questions answered, ${d.paymentsRecovered} payments recovered.`,
    `Refused: ${refusals}.`,
    `Time saved (estimate): about ${Math.round(d.minutesSaved / 6) / 10} hours.`,
    `Details: ${consoleUrl}`,
  ].join('\n');
}
