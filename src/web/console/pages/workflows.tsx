import { WINDOWS, workflowStats, type WorkflowBucket, type WorkflowWindow } from '../../../store/workflows.ts';
import { BarChart, LineChart } from '../charts.tsx';
import { render, type PageModule } from '../page.tsx';

const TITLES = {
  lead_to_crm: 'Lead captured → CRM synced',
  payment_to_entitlement_to_crm: 'Payment → entitlement → CRM',
  escalation_to_ticket_to_helpdesk: 'Escalation → ticket → helpdesk',
} as const;

const label = (b: WorkflowBucket, window: WorkflowWindow) => {
  const iso = new Date(b.start).toISOString();
  return window === 'week' ? iso.slice(5, 10) : iso.slice(11, 16);
};

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** Success rates per workflow, drawn: a line of the rate and bars of runs per interval. */
export const workflowPages: PageModule = (app, { db }) => {
  app.get('/admin/workflows', async (c) => {
    const asked = c.req.query('window');
    const window: WorkflowWindow = asked === 'hour' || asked === 'week' ? asked : 'day';
    const stats = await workflowStats(db);
    return render(
      c,
      'Workflows',
      <>
        <p>
          {(Object.keys(WINDOWS) as WorkflowWindow[]).map((w) => (
            <>
              <a href={`/admin/workflows?window=${w}`} aria-current={w === window ? 'page' : undefined}>{`Last ${w}`}</a>{' '}
            </>
          ))}
        </p>
        <div class="grid">
          {stats.map((s) => {
            const w = s.windows[window];
            return (
              <section class="card" aria-label={TITLES[s.workflow]} data-workflow={s.workflow}>
                <h2>{TITLES[s.workflow]}</h2>
                <p>
                  <span class="stat">{percent(w.successRate)}</span> <span class="muted">{`success over the last ${window}`}</span>
                </p>
                <p class="muted">{`${w.started} started · ${w.completed} completed · ${w.failed} failed · ${w.pending} pending · ${w.skipped} skipped`}</p>
                <LineChart
                  title={`${TITLES[s.workflow]} success rate`}
                  points={w.series.map((b) => ({ label: label(b, window), value: b.started ? b.completed / b.started : null }))}
                />
                <BarChart
                  title={`${TITLES[s.workflow]} runs`}
                  points={w.series.map((b) => ({ label: label(b, window), completed: b.completed, failed: b.failed, other: b.started - b.completed - b.failed }))}
                />
                <p class="legend">Bars: green completed, red failed, grey pending or skipped.</p>
                {w.failingSteps.length ? (
                  <ul>
                    {w.failingSteps.map((f) => (
                      <li>
                        <strong>{f.step}</strong>
                        {`: ${f.failed} failed, ${f.pending} pending`}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="good">No failing step.</p>
                )}
              </section>
            );
          })}
        </div>
      </>,
    );
  });
};
