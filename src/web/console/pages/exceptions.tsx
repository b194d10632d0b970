import { reprocessStripeEvent } from '../../../billing/ingest.ts';
import { failedStripeEvents, listLeads, listTicketRows, ownersOfJobs } from '../../../store/console-views.ts';
import { listJobExceptions, listWaitingConfirmations, type JobException } from '../../../store/exceptions.ts';
import { assignJob, resolveJobByHand, retryJobByHand } from '../../../store/job-actions.ts';
import { Badge, Csrf, when, DataTable } from '../layout.tsx';
import { back, formText, JOB_ID, operator, render, type PageModule } from '../page.tsx';


/** What the job was about, in the founder's words: the lead, the ticket or the alert. */
function Context({ job }: { job: JobException }) {
  const { contact, ticket, alert } = job.context;
  if (contact) return <span>{`Lead ${contact.name} <${contact.email}>`}</span>;
  if (ticket)
    return (
      <span>
        {`Ticket "${ticket.subject}" for ${ticket.contactEmail} `}
        <a href={`/admin/conversations/${encodeURIComponent(ticket.conversationId)}`}>conversation</a>
      </span>
    );
  if (alert) return <span>{`Alert ${alert.kind}: ${alert.message}`}</span>;
  return <span class="muted">{job.topic}</span>;
}

const STRIPE_EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;

/** The exceptions queue: what needs a human, with what it was about and what can be done. */
export const exceptionsPages: PageModule = (app, { db, config }) => {
  app.get('/admin/exceptions', async (c) => {
    const [jobs, waiting, leads, tickets, stripeFailures] = await Promise.all([
      listJobExceptions(db, 200),
      listWaitingConfirmations(db, 100),
      listLeads(db, 200),
      listTicketRows(db, 200),
      failedStripeEvents(db),
    ]);
    const owners = await ownersOfJobs(db, jobs.map((j) => Number(j.id)));
    const failedLeads = leads.filter((l) => l.syncState === 'failed');
    const failedTickets = tickets.filter((t) => t.syncState === 'failed');
    const csrf = c.get('console').csrfToken;
    return render(
      c,
      'Exceptions',
      <>
        <p class="muted">{`${jobs.length} jobs need a human · ${failedLeads.length + failedTickets.length + stripeFailures.length} failed syncs · ${waiting.length} requests wait for the visitor's yes`}</p>
        <h2>Dead letters and unknown outcomes</h2>
        {jobs.length === 0 ? (
          <p class="card">Nothing is stuck.</p>
        ) : (
          jobs.map((job) => (
            <section class="card" aria-label={`Job ${job.id}`} data-job={String(job.id)}>
              <p>
                <strong>{`Job ${job.id}`}</strong> <Badge value={job.state} /> <code>{job.topic}</code>{' '}
                <span class="muted">{`${job.attempts} attempts · since ${when(job.createdAt)}`}</span>
              </p>
              <p>
                <Context job={job} />
              </p>
              {job.lastError ? <p class="mono bad">{job.lastError}</p> : null}
              <p class="muted">{`Owner: ${owners.get(Number(job.id)) ?? 'nobody yet'}`}</p>
              <form class="inline" method="post" action={`/admin/exceptions/${job.id}/retry`}>
                <Csrf token={csrf} />
                <button type="submit">Retry</button>
              </form>
              <form class="inline" method="post" action={`/admin/exceptions/${job.id}/resolve`}>
                <Csrf token={csrf} />
                <label class="sr-only" for={`note-${job.id}`}>{`Resolution note for job ${job.id}`}</label>
                <input type="text" id={`note-${job.id}`} name="note" required maxlength={2000} placeholder="What you did" />
                <button type="submit" class="secondary">Resolve</button>
              </form>
              <form class="inline" method="post" action={`/admin/exceptions/${job.id}/owner`}>
                <Csrf token={csrf} />
                <label class="sr-only" for={`owner-${job.id}`}>{`Owner of job ${job.id}`}</label>
                <input type="text" id={`owner-${job.id}`} name="owner" maxlength={100} placeholder="Owner" value={owners.get(Number(job.id)) ?? ''} />
                <button type="submit" class="secondary">Set owner</button>
              </form>
            </section>
          ))
        )}
        <h2>Failed syncs</h2>
        <DataTable head={['What', 'Who', 'Since']}>
          {failedLeads.map((l) => (
            <tr>
              <td>Lead → CRM</td>
              <td>{`${l.name} <${l.email}>`}</td>
              <td>{when(l.createdAt)}</td>
            </tr>
          ))}
          {failedTickets.map((t) => (
            <tr>
              <td>Ticket → helpdesk</td>
              <td>
                <a href={`/admin/conversations/${encodeURIComponent(t.conversationId)}`}>{t.subject}</a>
              </td>
              <td>{when(t.createdAt)}</td>
            </tr>
          ))}
          {stripeFailures.map((e) => (
            <tr>
              <td>Stripe event → billing</td>
              <td>
                {e.customerId ? <a href={`/admin/billing/${encodeURIComponent(e.customerId)}`}>{`${e.type} (${e.id})`}</a> : `${e.type} (${e.id})`}
                {e.lastError ? <div class="bad mono">{e.lastError}</div> : null}
                <form class="inline" method="post" action={`/admin/exceptions/stripe/${encodeURIComponent(e.id)}/reprocess`}>
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary">Apply again</button>
                </form>
              </td>
              <td>{when(e.receivedAt)}</td>
            </tr>
          ))}
          {failedLeads.length + failedTickets.length + stripeFailures.length === 0 ? (
            <tr>
              <td colspan={3}>None.</td>
            </tr>
          ) : null}
        </DataTable>
        <h2>Pending reviews</h2>
        <DataTable head={['Tool', 'Confidence', 'Conversation', 'Expires']}>
          {waiting.map((w) => (
            <tr>
              <td>{w.tool}</td>
              <td>{w.confidence === null ? '—' : w.confidence.toFixed(2)}</td>
              <td>
                <a href={`/admin/conversations/${encodeURIComponent(w.conversationId)}`}>{w.conversationId}</a>
              </td>
              <td>{when(w.expiresAt)}</td>
            </tr>
          ))}
          {waiting.length === 0 ? (
            <tr>
              <td colspan={4}>None.</td>
            </tr>
          ) : null}
        </DataTable>
      </>,
    );
  });

  app.post('/admin/exceptions/:id/retry', async (c) => {
    const raw = c.req.param('id');
    if (!JOB_ID.test(raw)) return back(c, '/admin/exceptions', 'gone');
    const id = Number(raw);
    const job = await retryJobByHand(db, operator(c), id);
    return back(c, '/admin/exceptions', job ? 'retried' : 'gone');
  });

  app.post('/admin/exceptions/:id/resolve', async (c) => {
    const raw = c.req.param('id');
    const note = await formText(c, 'note', 2000);
    if (!note) return back(c, '/admin/exceptions', 'invalid');
    if (!JOB_ID.test(raw)) return back(c, '/admin/exceptions', 'gone');
    const id = Number(raw);
    const job = await resolveJobByHand(db, operator(c), id, note);
    return back(c, '/admin/exceptions', job ? 'resolved' : 'gone');
  });

  app.post('/admin/exceptions/:id/owner', async (c) => {
    const raw = c.req.param('id');
    const body = await c.req.parseBody();
    const blank = typeof body.owner === 'string' && body.owner.trim() === '';
    const owner = blank ? null : await formText(c, 'owner', 100);
    if (!blank && !owner) return back(c, '/admin/exceptions', 'invalid');
    if (!JOB_ID.test(raw)) return back(c, '/admin/exceptions', 'gone');
    const id = Number(raw);
    const job = await assignJob(db, operator(c), id, owner);
    return back(c, '/admin/exceptions', job ? 'owned' : 'gone');
  });

  // A failed Stripe event applied again after its cause is fixed, as POST /admin/v1/webhooks/stripe/{eventId}/reprocess does.
  app.post('/admin/exceptions/stripe/:eventId/reprocess', async (c) => {
    const eventId = c.req.param('eventId');
    if (!STRIPE_EVENT_ID.test(eventId)) return back(c, '/admin/exceptions', 'gone');
    const result = await reprocessStripeEvent(db, eventId, { graceDays: config.BILLING_GRACE_DAYS, publicBaseUrl: config.PUBLIC_BASE_URL, now: new Date() });
    if (!result || result.duplicate) return back(c, '/admin/exceptions', 'gone');
    return back(c, '/admin/exceptions', result.status === 'failed' ? 'reprocess_failed' : 'reprocessed');
  });
};
