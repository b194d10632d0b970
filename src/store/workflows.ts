import type { Queryable } from './database.ts';

/**
 * Workflow success rates, computed from the rows themselves (not from metrics, which a restart
 * resets): every run of a workflow is one item with where it stands now, and the step that
 * failed or is still waiting. Three workflows, the founder's three promises:
 *
 * - lead_to_crm: a lead captured (a contact row, or a capture that failed) -> synced to the CRM.
 * - payment_to_entitlement_to_crm: a Stripe payment event -> processed -> the customer entitled
 *   -> the CRM told (the jobs that event queued for the CRM delivered).
 * - escalation_to_ticket_to_helpdesk: an escalation (a ticket row, or a ticket creation that
 *   failed) -> synced to the helpdesk.
 *
 * `skipped` items reached the end of what is configured (no CRM or helpdesk): the database is
 * the system of record and they count neither for nor against the rate.
 */
export const WORKFLOWS = {
  lead_to_crm: { steps: ['capture', 'crm_sync'] },
  payment_to_entitlement_to_crm: { steps: ['payment_processing', 'entitlement', 'crm_sync'] },
  escalation_to_ticket_to_helpdesk: { steps: ['ticket_creation', 'helpdesk_sync'] },
} as const;

export type WorkflowName = keyof typeof WORKFLOWS;
export type WorkflowWindow = 'hour' | 'day' | 'week';
type ItemStatus = 'completed' | 'failed' | 'pending' | 'skipped';

/** Each window's span and chart bucket: 12 five-minute bars, 24 hours, 7 days. */
export const WINDOWS: Record<WorkflowWindow, { spanSeconds: number; bucketSeconds: number }> = {
  hour: { spanSeconds: 3600, bucketSeconds: 300 },
  day: { spanSeconds: 86_400, bucketSeconds: 3600 },
  week: { spanSeconds: 604_800, bucketSeconds: 86_400 },
};

/** The payment events that start the payment workflow (a paid invoice, a completed checkout). */
const PAYMENT_EVENTS = ['invoice.paid', 'checkout.session.completed', 'payment_intent.succeeded'];

/** `$1` is the end of the windows; each query yields (at, status, step) for the last week. */
const WEEK = `at > $1::timestamptz - interval '7 days' and at <= $1::timestamptz`;
const failedCall = (tool: string, step: string) =>
  `select at, 'failed' as status, '${step}' as step from audit_log
   where kind = 'tool_call' and tool = '${tool}' and decision = 'allowed' and outcome = 'error' and ${WEEK}`;

/** A row's vendor sync state as a workflow outcome, naming `step` while it is failed or pending. */
const syncOutcome = (column: string, step: string) =>
  `case ${column} when 'synced' then 'completed' when 'failed' then 'failed' when 'not_configured' then 'skipped' else 'pending' end as status,
      case when ${column} in ('failed', 'pending') then '${step}' end as step`;

const ITEMS: Record<WorkflowName, string> = {
  lead_to_crm: `
    select created_at as at,
      ${syncOutcome('crm_sync_state', 'crm_sync')}
    from contacts where created_at > $1::timestamptz - interval '7 days' and created_at <= $1::timestamptz
    union all ${failedCall('capture_lead', 'capture')}`,
  // The entitlement is judged only while the account still stands on this payment (a later
  // refund or cancellation ends the entitlement by design, not by failure).
  payment_to_entitlement_to_crm: `
    select e.received_at as at, s.status, s.step
    from stripe_events e
    left join billing_accounts b on b.stripe_customer_id = e.customer_id
    left join lateral (
      select count(*) filter (where o.status = 'dead') as dead, count(*) filter (where o.status in ('pending', 'processing')) as waiting
      from outbox o where o.topic like 'crm.%' and o.payload->>'eventId' = e.id
    ) crm on true
    cross join lateral (
      select case
          when e.status = 'failed' then 'failed'
          when e.status = 'received' then 'pending'
          when b.id is null or (b.payment_state = 'paid' and not b.entitlement_active) then 'failed'
          when crm.dead > 0 then 'failed'
          when crm.waiting > 0 then 'pending'
          else 'completed' end as status,
        case
          when e.status in ('failed', 'received') then 'payment_processing'
          when b.id is null or (b.payment_state = 'paid' and not b.entitlement_active) then 'entitlement'
          when crm.dead > 0 or crm.waiting > 0 then 'crm_sync' end as step
    ) s
    where e.type = any($2::text[]) and e.status <> 'ignored'
      and e.received_at > $1::timestamptz - interval '7 days' and e.received_at <= $1::timestamptz`,
  escalation_to_ticket_to_helpdesk: `
    select created_at as at,
      ${syncOutcome('helpdesk_sync_state', 'helpdesk_sync')}
    from tickets where created_at > $1::timestamptz - interval '7 days' and created_at <= $1::timestamptz
    union all ${failedCall('escalate_ticket', 'ticket_creation')}`,
};

export interface WorkflowBucket {
  start: Date;
  started: number;
  completed: number;
  failed: number;
}

export interface WorkflowWindowStats {
  started: number;
  completed: number;
  failed: number;
  pending: number;
  skipped: number;
  /** completed / (started - skipped); null when nothing counted. */
  successRate: number | null;
  /** The steps where runs failed or wait, most failures first. */
  failingSteps: Array<{ step: string; failed: number; pending: number }>;
  /** Oldest first, for the charts. */
  series: WorkflowBucket[];
}

export interface WorkflowStats {
  workflow: WorkflowName;
  steps: readonly string[];
  windows: Record<WorkflowWindow, WorkflowWindowStats>;
}

/**
 * Every workflow over the last hour, day and week ending at `now`: one grouped query per
 * workflow (windows and chart buckets together), whatever the number of rows.
 */
export async function workflowStats(db: Queryable, now: Date = new Date()): Promise<WorkflowStats[]> {
  const windows = Object.entries(WINDOWS).map(([name, w]) => `('${name}', ${w.spanSeconds}, ${w.bucketSeconds})`).join(', ');
  const results: WorkflowStats[] = [];
  for (const [workflow, itemsSql] of Object.entries(ITEMS) as Array<[WorkflowName, string]>) {
    const rows = await db.query<{ window: WorkflowWindow; bucket: number; status: ItemStatus; step: string | null; n: number }>(
      `with items as (${itemsSql})
       select w.name as "window", floor(extract(epoch from ($1::timestamptz - i.at)) / w.bucket)::int as bucket, i.status, i.step, count(*)::int as n
       from items i join (values ${windows}) as w(name, span, bucket)
         on i.at > $1::timestamptz - make_interval(secs => w.span) and i.at <= $1::timestamptz
       group by 1, 2, 3, 4`,
      workflow === 'payment_to_entitlement_to_crm' ? [now.toISOString(), PAYMENT_EVENTS] : [now.toISOString()],
    );
    results.push({ workflow, steps: WORKFLOWS[workflow].steps, windows: summarize(rows, now) });
  }
  return results;
}

function summarize(rows: Array<{ window: WorkflowWindow; bucket: number; status: ItemStatus; step: string | null; n: number }>, now: Date) {
  const out = {} as Record<WorkflowWindow, WorkflowWindowStats>;
  for (const [name, w] of Object.entries(WINDOWS) as Array<[WorkflowWindow, (typeof WINDOWS)[WorkflowWindow]]>) {
    const count = w.spanSeconds / w.bucketSeconds;
    const series: WorkflowBucket[] = Array.from({ length: count }, (_, i) => ({
      start: new Date(now.getTime() - (count - i) * w.bucketSeconds * 1000),
      started: 0,
      completed: 0,
      failed: 0,
    }));
    const stats: WorkflowWindowStats = { started: 0, completed: 0, failed: 0, pending: 0, skipped: 0, successRate: null, failingSteps: [], series };
    const steps = new Map<string, { failed: number; pending: number }>();
    for (const row of rows.filter((r) => r.window === name)) {
      const n = Number(row.n);
      stats.started += n;
      stats[row.status] += n;
      // Bucket 0 is the most recent; an item exactly `span` old belongs to the oldest bar.
      const bar = series[Math.max(0, count - 1 - Math.min(row.bucket, count - 1))]!;
      bar.started += n;
      if (row.status === 'completed') bar.completed += n;
      if (row.status === 'failed') bar.failed += n;
      if (row.step && (row.status === 'failed' || row.status === 'pending')) {
        const s = steps.get(row.step) ?? { failed: 0, pending: 0 };
        s[row.status] += n;
        steps.set(row.step, s);
      }
    }
    const counted = stats.started - stats.skipped;
    stats.successRate = counted > 0 ? stats.completed / counted : null;
    stats.failingSteps = [...steps].map(([step, s]) => ({ step, ...s })).sort((a, b) => b.failed - a.failed || b.pending - a.pending);
    out[name] = stats;
  }
  return out;
}
