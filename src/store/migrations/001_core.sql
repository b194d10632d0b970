-- Core gateway tables. Every statement is idempotent so start-up can re-run it.

create table if not exists conversations (
  id text primary key,
  -- 'user:<id>' for a signed-in customer, 'anon' for a visitor: the conversation id
  -- (unguessable, chosen by the widget) is then the only capability.
  owner text not null,
  created_at timestamptz not null default now()
);

create table if not exists messages (
  id bigint generated always as identity primary key,
  conversation_id text not null references conversations (id),
  role text not null check (role in ('user', 'assistant', 'tool')),
  -- AI SDK ModelMessage content, exactly as the model saw it.
  content jsonb not null,
  request_id text,
  created_at timestamptz not null default now()
);
create index if not exists messages_conversation_idx on messages (conversation_id, id);

create table if not exists contacts (
  id uuid primary key default gen_random_uuid(),
  email text not null unique,
  name text not null,
  company text,
  phone text,
  notes text,
  source text not null default 'chat',
  lifecycle_stage text not null default 'new_lead',
  first_conversation_id text,
  last_conversation_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists tickets (
  id uuid primary key default gen_random_uuid(),
  conversation_id text not null references conversations (id),
  category text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  subject text not null,
  summary text not null,
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  tags jsonb not null default '[]',
  contact_email text not null,
  requester text not null,
  transcript_url text not null,
  updates jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One open ticket per conversation and category: a repeat appends to it.
create unique index if not exists tickets_one_open_per_category
  on tickets (conversation_id, category) where status = 'open';

create table if not exists billing_accounts (
  user_id text primary key,
  email text,
  plan text,
  status text not null default 'active',
  stripe_customer_id text unique,
  current_period_end timestamptz,
  updated_at timestamptz not null default now()
);

create table if not exists invoices (
  id text primary key,
  user_id text not null references billing_accounts (user_id),
  amount_due integer not null,
  currency text not null default 'usd',
  status text not null,
  due_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists invoices_user_idx on invoices (user_id, created_at desc);

create table if not exists audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  request_id text,
  conversation_id text,
  actor text not null,
  kind text not null check (kind in ('tool_call', 'redaction')),
  tool text,
  args jsonb,
  args_digest text,
  decision text not null,
  reason text,
  confidence double precision,
  idempotency_key text,
  latency_ms double precision,
  outcome text,
  prev_hash text not null,
  hash text not null unique
);
create index if not exists audit_log_conversation_idx on audit_log (conversation_id, id);

create or replace function toolgate_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
drop trigger if exists audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function toolgate_refuse_change();
drop trigger if exists audit_log_no_truncate on audit_log;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function toolgate_refuse_change();

create table if not exists outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  dedupe_key text unique,
  status text not null default 'pending' check (status in ('pending', 'processing', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists outbox_due_idx on outbox (next_attempt_at) where status = 'pending';

create table if not exists tool_executions (
  idempotency_key text primary key,
  tool text not null,
  conversation_id text,
  result jsonb not null,
  created_at timestamptz not null default now()
);

create table if not exists pending_confirmations (
  id uuid primary key default gen_random_uuid(),
  conversation_id text not null references conversations (id),
  tool text not null,
  args jsonb not null,
  args_digest text not null,
  confidence double precision,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz
);
create index if not exists pending_confirmations_open_idx
  on pending_confirmations (conversation_id) where consumed_at is null;

-- Row-level security with no policies: the gateway connects as the table owner,
-- while Supabase's anon and authenticated roles read nothing.
alter table conversations enable row level security;
alter table messages enable row level security;
alter table contacts enable row level security;
alter table tickets enable row level security;
alter table billing_accounts enable row level security;
alter table invoices enable row level security;
alter table audit_log enable row level security;
alter table outbox enable row level security;
alter table tool_executions enable row level security;
alter table pending_confirmations enable row level security;
