import type { TranscriptMessage } from '../../store/console-views.ts';
import { Badge, when } from './layout.tsx';

type Part = { type?: string; text?: string; toolName?: string; input?: unknown; output?: { type?: string; value?: unknown } };

const parts = (content: unknown): Part[] =>
  typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? (content as Part[]) : [];

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? '';
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
};

/** One stored message as the founder reads it: who wrote it, its text, and tool calls and results inline. */
export function Message({ m }: { m: TranscriptMessage }) {
  const who = m.author === 'human' ? 'You (human)' : m.role === 'user' ? 'Visitor' : m.role === 'tool' ? 'Tool result' : 'Assistant';
  const cls = m.author === 'human' ? 'human' : m.role;
  return (
    <article class={`msg ${cls}`}>
      <div class="who">
        {`${who} · ${when(m.createdAt)} `}
        {m.requestId ? <a href={`/admin/audit?requestId=${encodeURIComponent(m.requestId)}`}>request</a> : null}
      </div>
      {parts(m.content).map((p) => {
        if (p.type === 'text') return <p>{p.text}</p>;
        if (p.type === 'tool-call')
          return (
            <div class="tool">
              <strong>{`calls ${p.toolName}`}</strong> <code>{short(p.input)}</code>
            </div>
          );
        if (p.type === 'tool-result') {
          const value = (p.output?.value ?? {}) as { status?: string; reason?: string; message?: string };
          return (
            <div class="tool">
              <strong>{`${p.toolName} `}</strong>
              <Badge value={value.status ?? 'result'} /> {value.reason ? <code>{value.reason}</code> : null} {value.message ?? ''}
            </div>
          );
        }
        return null;
      })}
    </article>
  );
}
