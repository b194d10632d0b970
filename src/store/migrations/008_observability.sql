-- Observability: one correlation id end to end, the policy version behind every decision,
-- and the candidate policy's log-only decisions beside the enforced ones.

-- The chat request id or the Stripe event id that caused the job; its deliveries, vendor calls
-- and alerts carry the same id, so one id tells the whole story (GET /admin/v1/trace/{id}).
alter table outbox add column if not exists correlation_id text;
create index if not exists outbox_correlation_idx on outbox (correlation_id) where correlation_id is not null;
-- The trace of a chat request reads its audit rows by request id.
create index if not exists audit_log_request_idx on audit_log (request_id) where request_id is not null;

-- The hash of the enforced policy configuration that decided the row; null for rows written
-- before it was recorded and for rows that are not policy decisions (operators' job actions).
alter table audit_log add column if not exists policy_version text;

-- A candidate policy (POLICY_CANDIDATE_FILE) decides every call too, without effect: one row per
-- call, so a founder can see where the candidate would have decided differently.
create table if not exists policy_shadow_decisions (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  request_id text,
  conversation_id text,
  tool text not null,
  enforced_version text not null,
  candidate_version text not null,
  enforced_decision text not null,
  enforced_reason text,
  candidate_decision text not null,
  candidate_reason text,
  differs boolean not null
);
create index if not exists policy_shadow_decisions_at_idx on policy_shadow_decisions (at);
alter table policy_shadow_decisions enable row level security;
