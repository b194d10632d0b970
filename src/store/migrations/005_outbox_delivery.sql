-- Outbox delivery: leases so a crashed worker's job is taken again, every attempt on record,
-- vendor sync state beside the rows it describes, alert episodes, and jobs closed by hand.

alter table outbox add column if not exists locked_by text;
alter table outbox add column if not exists locked_until timestamptz;
-- The last attempt may have taken effect at the vendor (a timeout, a reset connection): the
-- next attempt reads back before it creates, and the exceptions queue shows the job as unknown.
alter table outbox add column if not exists outcome_unknown boolean not null default false;
alter table outbox add column if not exists resolved_note text;
alter table outbox drop constraint if exists outbox_status_check;
alter table outbox add constraint outbox_status_check
  check (status in ('pending', 'processing', 'done', 'dead', 'resolved'));
-- A claim scans due pending jobs and expired leases; both stay small partial indexes.
create index if not exists outbox_lease_idx on outbox (locked_until) where status = 'processing';

create table if not exists outbox_attempts (
  id bigint generated always as identity primary key,
  job_id bigint not null references outbox (id),
  attempt integer not null,
  worker text not null,
  started_at timestamptz not null,
  latency_ms double precision not null,
  outcome text not null check (outcome in ('delivered', 'retry', 'dead')),
  http_status integer,
  error_class text,
  error text
);
create index if not exists outbox_attempts_job_idx on outbox_attempts (job_id, id);

-- Where each row stands at the vendor: the tables stay the source of truth.
alter table contacts add column if not exists crm_sync_state text not null default 'pending'
  check (crm_sync_state in ('pending', 'synced', 'failed', 'not_configured'));
alter table contacts add column if not exists crm_vendor_id text;
alter table contacts add column if not exists crm_synced_at timestamptz;
alter table tickets add column if not exists helpdesk_sync_state text not null default 'pending'
  check (helpdesk_sync_state in ('pending', 'synced', 'failed', 'not_configured'));
alter table tickets add column if not exists helpdesk_vendor_id text;
alter table tickets add column if not exists helpdesk_synced_at timestamptz;

-- One open episode per alert kind and key: a second dead letter of the same job, or a CRM sync
-- still pending on the next sweep, does not page the founder again until the episode closes.
create table if not exists alerts (
  id bigint generated always as identity primary key,
  kind text not null,
  key text not null,
  message text not null,
  opened_at timestamptz not null default now(),
  closed_at timestamptz
);
create unique index if not exists alerts_open_episode on alerts (kind, key) where closed_at is null;

-- Operators' hand actions on jobs (retry, resolve) are audited like tool calls.
alter table audit_log drop constraint if exists audit_log_kind_check;
alter table audit_log add constraint audit_log_kind_check check (kind in ('tool_call', 'redaction', 'job_action'));

alter table outbox_attempts enable row level security;
alter table alerts enable row level security;
