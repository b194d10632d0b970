import type { Auth } from './auth.ts';
import type { ToolOutput } from './outcomes.ts';

export interface TranscriptMessage {
  id: number;
  role: 'user' | 'assistant';
  author: 'assistant' | 'human' | null;
  text: string;
  toolOutcomes: Array<{ toolCallId: string; tool: string; output: ToolOutput }>;
}

export interface Transcript {
  handledBy: 'assistant' | 'human';
  items: TranscriptMessage[];
}

/** A problem+json answer, reduced to what the widget shows. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  retryAfterSeconds: number | null;
}

/**
 * The gateway's HTTP API as the widget uses it. Every request carries credentials (the
 * visitor cookie travels to the gateway's own origin, also from a host page on an allowed
 * origin) and, when the host page has a signed-in user, their bearer token.
 */
export function createApi(base: string, auth: Auth) {
  const headers = async (extra: Record<string, string> = {}) => {
    const token = await auth.token();
    return { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };

  const problemOf = async (res: Response): Promise<Problem> => {
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; detail?: unknown };
    const retry = Number(res.headers.get('retry-after'));
    return {
      status: res.status,
      code: typeof body.code === 'string' ? body.code : 'error',
      detail: typeof body.detail === 'string' ? body.detail : '',
      retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
    };
  };

  return {
    problemOf,
    /** Sends one user message; the caller reads the stream. Throws only when the network fails. */
    async send(conversationId: string, text: string): Promise<Response> {
      return fetch(`${base}/v1/chat`, {
        method: 'POST',
        credentials: 'include',
        headers: await headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
        body: JSON.stringify({ id: conversationId, message: { id: `m_${Date.now().toString(36)}`, role: 'user', parts: [{ type: 'text', text }] } }),
      });
    },
    /** The conversation as stored; null when it is not (or no longer) this caller's. */
    async transcript(conversationId: string): Promise<Transcript | null> {
      const res = await fetch(`${base}/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        credentials: 'include',
        headers: await headers(),
        cache: 'no-store',
      });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`transcript ${res.status}`);
      return (await res.json()) as Transcript;
    },
    /** One of the caller's own leads or tickets with its sync state. */
    async request(id: string): Promise<{ state: string; message: string } | null> {
      const res = await fetch(`${base}/v1/me/requests?id=${encodeURIComponent(id)}`, { credentials: 'include', headers: await headers() });
      if (!res.ok) return null;
      const body = (await res.json()) as { items?: Array<{ state: string; message: string }> };
      return body.items?.[0] ?? null;
    },
  };
}

export type Api = ReturnType<typeof createApi>;
