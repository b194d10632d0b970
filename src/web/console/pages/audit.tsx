import { listAudit, verifyAuditChain } from '../../../store/audit.ts';
import { messagesOfRequest } from '../../../store/console-views.ts';
import { Badge, when, DataTable } from '../layout.tsx';
import { render, type PageModule } from '../page.tsx';
import { Message } from '../transcript.tsx';

/** Filter values as the audit log holds them: ids, tool names, decision and kind codes. */
const FILTER = /^[A-Za-z0-9._:-]{1,128}$/;
const FILTERS = ['requestId', 'conversationId', 'tool', 'decision', 'kind'] as const;

/** Audit search with the hash chain's status; narrowed to one request it shows that request's whole story. */
export const auditPages: PageModule = (app, { db }) => {
  app.get('/admin/audit', async (c) => {
    const filter: Partial<Record<(typeof FILTERS)[number], string>> = {};
    const refused: string[] = [];
    for (const name of FILTERS) {
      const value = c.req.query(name)?.trim();
      if (!value) continue;
      if (FILTER.test(value)) filter[name] = value;
      else refused.push(name);
    }
    // The whole chain is recomputed: the founder reads this page now and then, and a broken
    // link anywhere is what it must show.
    const [rows, chain, messages] = await Promise.all([
      refused.length ? Promise.resolve([]) : listAudit(db, { ...filter, limit: 200 }),
      verifyAuditChain(db),
      filter.requestId && !refused.length ? messagesOfRequest(db, filter.requestId) : Promise.resolve([]),
    ]);
    return render(
      c,
      filter.requestId ? `Request ${filter.requestId}` : 'Audit log',
      <>
        {filter.requestId ? (
          <p>
            <a href={`/admin/trace/${encodeURIComponent(filter.requestId)}`}>Trace of this request (jobs, deliveries, alerts)</a>
          </p>
        ) : null}
        <p class={`card ${chain.ok ? 'good' : 'bad'}`} data-chain={chain.ok ? 'intact' : 'broken'}>
          {chain.ok ? `Hash chain intact: ${chain.checked} rows verified.` : `Hash chain broken at row ${chain.brokenAt}: ${chain.problem}.`}
        </p>
        <form method="get" action="/admin/audit" class="card">
          {FILTERS.map((name) => (
            <span>
              <label for={`f-${name}`}>{name}</label> <input type="search" id={`f-${name}`} name={name} value={filter[name] ?? ''} maxlength={128} />{' '}
            </span>
          ))}
          <button type="submit">Search</button>
        </form>
        {refused.length ? <p class="card flash error">{`Not a valid filter: ${refused.join(', ')}.`}</p> : null}
        {messages.length ? (
          <>
            <h2>Messages of this request</h2>
            <p>
              <a href={`/admin/conversations/${encodeURIComponent(messages[0]!.conversationId)}`}>Open the conversation</a>
            </p>
            {messages.map((m) => (
              <Message m={m} />
            ))}
          </>
        ) : null}
        <h2>{`Entries (${rows.length})`}</h2>
        <DataTable head={['#', 'When', 'Actor', 'Kind', 'Tool', 'Decision', 'Reason', 'Request']}>
          {rows.map((a) => (
            <tr>
              <td>{a.id}</td>
              <td>{when(a.at)}</td>
              <td class="mono">{a.actor}</td>
              <td>{a.kind}</td>
              <td>{a.tool ?? '—'}</td>
              <td>
                <Badge value={a.decision} />
              </td>
              <td>{a.reason ?? '—'}</td>
              <td>{a.requestId ? <a href={`/admin/audit?requestId=${encodeURIComponent(a.requestId)}`} class="mono">{a.requestId.slice(0, 8)}</a> : '—'}</td>
            </tr>
          ))}
        </DataTable>
      </>,
      refused.length ? 400 : 200,
    );
  });
};
