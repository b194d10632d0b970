import type { Queryable } from './database.ts';
import { whereEquals } from './filters.ts';

/** Read models for the founder console's pages: each one query, newest first, bounded. */

export interface ConversationSummary {
  id: string;
  owner: string;
  handledBy: 'assistant' | 'human';
  createdAt: Date;
  lastAt: Date | null;
  messages: number;
  toolCalls: number;
}

export function listConversations(db: Queryable, filter: { handledBy?: 'assistant' | 'human' | undefined; limit: number }): Promise<ConversationSummary[]> {
  const { where, params } = whereEquals([['c.handled_by', filter.handledBy]]);
  return db.query<ConversationSummary>(
    `select c.id, c.owner, c.handled_by as "handledBy", c.created_at as "createdAt",
            m.last_at as "lastAt", coalesce(m.n, 0)::int as messages,
            (select count(*) from audit_log a where a.conversation_id = c.id and a.kind = 'tool_call')::int as "toolCalls"
     from conversations c
     left join lateral (select max(created_at) as last_at, count(*) as n from messages where conversation_id = c.id) m on true
     ${where} order by coalesce(m.last_at, c.created_at) desc limit $${params.length + 1}`,
    [...params, filter.limit],
  );
}

export function findConversation(db: Queryable, id: string): Promise<ConversationSummary | undefined> {
  return db
    .query<ConversationSummary>(
      `select id, owner, handled_by as "handledBy", created_at as "createdAt", null as "lastAt", 0 as messages, 0 as "toolCalls"
       from conversations where id = $1`,
      [id],
    )
    .then((rows) => rows[0]);
}

export interface TranscriptMessage {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  /** 'human' for the founder's messages; null for the caller's and the model's. */
  author: string | null;
  content: unknown;
  requestId: string | null;
  createdAt: Date;
}

export function transcript(db: Queryable, conversationId: string, limit = 500): Promise<TranscriptMessage[]> {
  return db.query<TranscriptMessage>(
    `select id, role, author, content, request_id as "requestId", created_at as "createdAt"
     from messages where conversation_id = $1 order by id limit $2`,
    [conversationId, limit],
  );
}

export interface LeadRow {
  id: string;
  name: string;
  email: string;
  company: string | null;
  lifecycleStage: string;
  syncState: string;
  syncedAt: Date | null;
  lastConversationId: string | null;
  createdAt: Date;
}

export function listLeads(db: Queryable, limit: number): Promise<LeadRow[]> {
  return db.query<LeadRow>(
    `select id, name, email, company, lifecycle_stage as "lifecycleStage", crm_sync_state as "syncState",
            crm_synced_at as "syncedAt", last_conversation_id as "lastConversationId", created_at as "createdAt"
     from contacts order by created_at desc limit $1`,
    [limit],
  );
}

export interface TicketRow {
  id: string;
  subject: string;
  priority: string;
  status: string;
  /** Null for a visitor who gave no email: the team answers in the conversation. */
  contactEmail: string | null;
  conversationId: string;
  syncState: string;
  syncedAt: Date | null;
  createdAt: Date;
}

export function listTicketRows(db: Queryable, limit: number): Promise<TicketRow[]> {
  return db.query<TicketRow>(
    `select id, subject, priority, status, contact_email as "contactEmail", conversation_id as "conversationId",
            helpdesk_sync_state as "syncState", helpdesk_synced_at as "syncedAt", created_at as "createdAt"
     from tickets order by created_at desc limit $1`,
    [limit],
  );
}

export interface AccountRow {
  stripeCustomerId: string | null;
  email: string | null;
  plan: string | null;
  status: string;
  paymentState: string;
  entitlementActive: boolean;
  lastPaymentAt: Date | null;
  updatedAt: Date;
}

export function listAccounts(db: Queryable, limit: number): Promise<AccountRow[]> {
  return db.query<AccountRow>(
    `select stripe_customer_id as "stripeCustomerId", email, plan, status, payment_state as "paymentState",
            entitlement_active as "entitlementActive", last_payment_at as "lastPaymentAt", updated_at as "updatedAt"
     from billing_accounts order by updated_at desc limit $1`,
    [limit],
  );
}

/** Who took each of these jobs on (exceptions without an owner are absent). */
export async function ownersOfJobs(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; owner: string }>('select id, owner from outbox where id = any($1::bigint[]) and owner is not null', [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.owner]));
}

/** Takes an exception on (or hands it to someone named); only jobs that still need a human. */
export async function setJobOwner(tx: Queryable, id: number, owner: string | null): Promise<{ id: number; topic: string } | null> {
  const [row] = await tx.query<{ id: number; topic: string }>(
    `update outbox set owner = $2, updated_at = now()
     where id = $1 and (status = 'dead' or (status in ('pending', 'processing') and outcome_unknown)) returning id, topic`,
    [id, owner],
  );
  return row ?? null;
}

/** The messages one request stored (a chat turn's user message, answer and tool results). */
export function messagesOfRequest(db: Queryable, requestId: string, limit = 100): Promise<Array<TranscriptMessage & { conversationId: string }>> {
  return db.query<TranscriptMessage & { conversationId: string }>(
    `select id, conversation_id as "conversationId", role, author, content, request_id as "requestId", created_at as "createdAt"
     from messages where request_id = $1 order by id limit $2`,
    [requestId, limit],
  );
}

export interface FailedStripeEvent {
  id: string;
  type: string;
  customerId: string | null;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
}

/** Stripe events whose processing failed (Stripe retries them; the founder should know). */
export function failedStripeEvents(db: Queryable, limit = 100): Promise<FailedStripeEvent[]> {
  return db.query<FailedStripeEvent>(
    `select id, type, customer_id as "customerId", attempts, last_error as "lastError", received_at as "receivedAt"
     from stripe_events where status = 'failed' order by received_at desc limit $1`,
    [limit],
  );
}
