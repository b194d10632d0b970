-- Founder console: browser sessions, exception owners and human takeover in the audit log.

-- A signed-in console browser. Only the SHA-256 of the session id is kept, so a copy of this
-- table cannot be replayed as a cookie. The CSRF token is per session and goes in every form.
create table if not exists console_sessions (
  id_hash text primary key,
  actor text not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index if not exists console_sessions_expiry_idx on console_sessions (expires_at);

-- Who took an exception (a dead or unknown job) on; null while nobody has.
alter table outbox add column if not exists owner text;

-- Takeover and hand-back of a conversation, and each message the founder sends, are audited.
alter table audit_log drop constraint if exists audit_log_kind_check;
alter table audit_log add constraint audit_log_kind_check check (kind in ('tool_call', 'redaction', 'job_action', 'handoff'));

-- The workflow success rates read recent tool calls, contacts and tickets by time.
create index if not exists audit_log_at_idx on audit_log (at);
create index if not exists contacts_created_idx on contacts (created_at);
create index if not exists tickets_created_idx on tickets (created_at);
create index if not exists stripe_events_received_idx on stripe_events (received_at);

alter table console_sessions enable row level security;
