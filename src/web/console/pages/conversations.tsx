import { listAudit } from '../../../store/audit.ts';
import { findConversation, listConversations, transcript } from '../../../store/console-views.ts';
import { changeHandler, MAX_HUMAN_MESSAGE_CHARS, sendHumanMessage } from '../handoff.ts';
import { Badge, Csrf, when, DataTable } from '../layout.tsx';
import { back, CONVERSATION_ID, formText, notFoundPage, operator, render, type ConsoleContext, type PageModule } from '../page.tsx';
import { Message } from '../transcript.tsx';

const pathOf = (id: string) => `/admin/conversations/${encodeURIComponent(id)}`;

/** Conversations with their transcripts and tool calls, and the human takeover. */
export const conversationPages: PageModule = (app, { db }) => {
  app.get('/admin/conversations', async (c) => {
    const filter = c.req.query('handledBy');
    const handledBy = filter === 'human' || filter === 'assistant' ? filter : undefined;
    const rows = await listConversations(db, { handledBy, limit: 100 });
    return render(
      c,
      'Conversations',
      <>
        <p>
          <a href="/admin/conversations">All</a> · <a href="/admin/conversations?handledBy=human">Taken over</a>
        </p>
        <DataTable head={['Conversation', 'Answered by', 'Messages', 'Tool calls', 'Last activity']}>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={pathOf(r.id)} class="mono">
                  {r.id}
                </a>
                <div class="muted">{r.owner.startsWith('user:') ? 'signed-in customer' : 'visitor'}</div>
              </td>
              <td>
                <Badge value={r.handledBy} />
              </td>
              <td>{r.messages}</td>
              <td>{r.toolCalls}</td>
              <td>{when(r.lastAt ?? r.createdAt)}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colspan={5}>No conversations yet.</td>
            </tr>
          ) : null}
        </DataTable>
      </>,
    );
  });

  app.get('/admin/conversations/:id', async (c) => {
    const id = c.req.param('id');
    if (!CONVERSATION_ID.test(id)) return notFoundPage(c, 'conversation');
    const conversation = await findConversation(db, id);
    if (!conversation) return notFoundPage(c, 'conversation');
    const [messages, audit] = await Promise.all([transcript(db, id), listAudit(db, { conversationId: id, limit: 200 })]);
    const csrf = c.get('console').csrfToken;
    const human = conversation.handledBy === 'human';
    return render(
      c,
      'Conversation',
      <>
        <section class="card">
          <p>
            <code>{id}</code> · started {when(conversation.createdAt)} · answered by <Badge value={conversation.handledBy} />
          </p>
          {human ? (
            <form class="inline" method="post" action={`${pathOf(id)}/handback`}>
              <Csrf token={csrf} />
              <button type="submit" class="secondary">Hand back to the assistant</button>
            </form>
          ) : (
            <form class="inline" method="post" action={`${pathOf(id)}/takeover`}>
              <Csrf token={csrf} />
              <button type="submit">Take over</button>
            </form>
          )}
        </section>
        <h2>Transcript</h2>
        <div id="transcript" {...(human ? { 'data-poll': 'true' } : {})} aria-live="polite">
          {messages.map((m) => (
            <Message m={m} />
          ))}
          {messages.length === 0 ? <p class="card">No messages.</p> : null}
        </div>
        {human ? (
          <form method="post" action={`${pathOf(id)}/reply`} class="card">
            <Csrf token={csrf} />
            <label for="reply">Reply as a person</label>
            <textarea id="reply" name="text" required maxlength={MAX_HUMAN_MESSAGE_CHARS}></textarea>
            <p>
              <button type="submit">Send</button>
            </p>
          </form>
        ) : null}
        <h2>Audit trail</h2>
        <DataTable head={['When', 'Kind', 'Tool', 'Decision', 'Reason', 'Request']}>
          {audit.map((a) => (
            <tr>
              <td>{when(a.at)}</td>
              <td>{a.kind}</td>
              <td>{a.tool ?? '—'}</td>
              <td>
                <Badge value={a.decision} />
              </td>
              <td>{a.reason ?? '—'}</td>
              <td>
                {a.requestId ? (
                  <>
                    <a href={`/admin/audit?requestId=${encodeURIComponent(a.requestId)}`}>audit</a> · <a href={`/admin/trace/${encodeURIComponent(a.requestId)}`}>trace</a>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });

  const handOver = (to: 'human' | 'assistant') => async (c: ConsoleContext) => {
    const id = c.req.param('id') ?? '';
    if (!CONVERSATION_ID.test(id)) return notFoundPage(c, 'conversation');
    const result = await changeHandler(db, { ...operator(c), conversationId: id }, to);
    if (result === 'missing') return notFoundPage(c, 'conversation');
    return back(c, pathOf(id), to === 'human' ? 'taken_over' : 'handed_back');
  };
  app.post('/admin/conversations/:id/takeover', handOver('human'));
  app.post('/admin/conversations/:id/handback', handOver('assistant'));

  app.post('/admin/conversations/:id/reply', async (c) => {
    const id = c.req.param('id');
    if (!CONVERSATION_ID.test(id)) return notFoundPage(c, 'conversation');
    const text = await formText(c, 'text', MAX_HUMAN_MESSAGE_CHARS);
    if (!text) return back(c, pathOf(id), 'invalid');
    const sent = await sendHumanMessage(db, { ...operator(c), conversationId: id }, text);
    return back(c, pathOf(id), sent ? 'sent' : 'not_taken_over');
  });
};
