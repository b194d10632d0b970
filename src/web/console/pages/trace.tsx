import { summarizeShadowDecisions } from '../../../store/policy-shadow.ts';
import { traceOf, type TraceStep } from '../../../store/trace.ts';
import { Badge, when, DataTable } from '../layout.tsx';
import { notFoundPage, render, type PageModule } from '../page.tsx';

/** Correlation ids as they are issued: request ids (the request-id middleware's charset) and Stripe event ids. */
const TRACE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function Step({ step }: { step: TraceStep }) {
  switch (step.source) {
    case 'audit':
      return (
        <>
          <td>{`decision (${step.kind})`}</td>
          <td>
            {step.tool ?? ''} <Badge value={step.decision} /> {step.reason ? <code>{step.reason}</code> : null}
            {step.latencyMs !== null ? <span class="muted">{` ${Math.round(step.latencyMs)} ms`}</span> : null}
          </td>
        </>
      );
    case 'shadow_decision':
      return (
        <>
          <td>candidate policy</td>
          <td>
            {`${step.tool}: would ${step.candidateDecision}${step.candidateReason ? ` (${step.candidateReason})` : ''}`}{' '}
            {step.differs ? <span class="badge warn">differs</span> : <span class="badge good">same</span>}
          </td>
        </>
      );
    case 'stripe_event':
      return (
        <>
          <td>Stripe event</td>
          <td>
            {`${step.type} `}
            <Badge value={step.status} /> {step.lastError ? <span class="bad">{step.lastError}</span> : null}
          </td>
        </>
      );
    case 'outbox_job':
      return (
        <>
          <td>{`job ${step.id}`}</td>
          <td>
            <code>{step.topic}</code> <Badge value={step.status} /> {`${step.attempts} attempts`}
          </td>
        </>
      );
    case 'outbox_attempt':
      return (
        <>
          <td>{`job ${step.jobId} attempt ${step.attempt}`}</td>
          <td>
            <Badge value={step.outcome === 'delivered' ? 'done' : step.outcome === 'retry' ? 'pending' : 'failed'} />{' '}
            {`${step.outcome}${step.httpStatus ? ` HTTP ${step.httpStatus}` : ''} ${Math.round(step.latencyMs)} ms`} {step.error ? <span class="bad">{step.error}</span> : null}
          </td>
        </>
      );
    case 'alert':
      return (
        <>
          <td>alert</td>
          <td>{`${step.kind}: ${step.message}${step.closedAt ? ' (closed)' : ''}`}</td>
        </>
      );
  }
}

/** One correlation id's whole story, and where the candidate policy would have decided otherwise. */
export const tracePages: PageModule = (app, { db }) => {
  app.get('/admin/trace/:id', async (c) => {
    const id = c.req.param('id');
    if (!TRACE_ID.test(id)) return notFoundPage(c, 'request or event');
    const steps = await traceOf(db, id);
    if (steps.length === 0) return notFoundPage(c, 'request or event');
    return render(
      c,
      `Trace ${id}`,
      <>
        <p>
          <a href={`/admin/audit?requestId=${encodeURIComponent(id)}`}>Audit entries and messages of this request</a>
        </p>
        <DataTable head={['When', 'Step', 'What happened']}>
          {steps.map((step) => (
            <tr data-source={step.source}>
              <td>{when(step.at)}</td>
              <Step step={step} />
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });

  app.get('/admin/policy-shadow', async (c) => {
    const summary = await summarizeShadowDecisions(db, new Date(Date.now() - 7 * 86_400_000));
    return render(
      c,
      'Candidate policy',
      <>
        <p class="card">
          {`Over the last week the candidate policy decided ${summary.compared} calls beside the enforced one and differed on ${summary.differed}.`}
          {summary.candidateVersions.length ? ` Candidate versions: ${summary.candidateVersions.join(', ')}.` : ' No candidate policy is configured or none was consulted.'}
        </p>
        <DataTable head={['Tool', 'Enforced', 'Candidate', 'Calls', 'Examples']}>
          {summary.differences.map((d) => (
            <tr>
              <td>{d.tool}</td>
              <td>{`${d.enforcedDecision}${d.enforcedReason ? ` (${d.enforcedReason})` : ''}`}</td>
              <td>{`${d.candidateDecision}${d.candidateReason ? ` (${d.candidateReason})` : ''}`}</td>
              <td>{d.count}</td>
              <td>
                {d.exampleRequestIds.map((r) => (
                  <>
                    <a href={`/admin/trace/${encodeURIComponent(r)}`} class="mono">
                      {r.slice(0, 8)}
                    </a>{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
          {summary.differences.length === 0 ? (
            <tr>
              <td colspan={5}>No differences.</td>
            </tr>
          ) : null}
        </DataTable>
      </>,
    );
  });
};
