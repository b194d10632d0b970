import { listLeads, listTicketRows } from '../../../store/console-views.ts';
import { Badge, when, DataTable } from '../layout.tsx';
import { render, type PageModule } from '../page.tsx';

/** Leads and tickets with where each stands at the CRM and the helpdesk. */
export const requestPages: PageModule = (app, { db }) => {
  app.get('/admin/requests', async (c) => {
    const [leads, tickets] = await Promise.all([listLeads(db, 200), listTicketRows(db, 200)]);
    return render(
      c,
      'Leads & tickets',
      <>
        <h2>{`Leads (${leads.length})`}</h2>
        <DataTable head={['Name', 'Email', 'Stage', 'CRM', 'Captured']}>
          {leads.map((l) => (
            <tr>
              <td>
                {l.name}
                {l.company ? <div class="muted">{l.company}</div> : null}
              </td>
              <td class="mono">{l.email}</td>
              <td>{l.lifecycleStage}</td>
              <td>
                <Badge value={l.syncState} /> <span class="muted">{l.syncedAt ? when(l.syncedAt) : ''}</span>
              </td>
              <td>
                {l.lastConversationId ? <a href={`/admin/conversations/${encodeURIComponent(l.lastConversationId)}`}>{when(l.createdAt)}</a> : when(l.createdAt)}
              </td>
            </tr>
          ))}
        </DataTable>
        <h2>{`Tickets (${tickets.length})`}</h2>
        <DataTable head={['Subject', 'Priority', 'Status', 'Helpdesk', 'Opened']}>
          {tickets.map((t) => (
            <tr>
              <td>
                <a href={`/admin/conversations/${encodeURIComponent(t.conversationId)}`}>{t.subject}</a>
                <div class="muted mono">{t.contactEmail}</div>
              </td>
              <td>{t.priority}</td>
              <td>{t.status}</td>
              <td>
                <Badge value={t.syncState} />
              </td>
              <td>{when(t.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });
};
