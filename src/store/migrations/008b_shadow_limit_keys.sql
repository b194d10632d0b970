-- SHA-256 of each shadowed call's rate-limit keys: a candidate policy counts its own limits over
-- the calls it would have allowed, without charging the real limiter or storing a raw email.
alter table policy_shadow_decisions add column if not exists limit_keys text[] not null default '{}';
create index if not exists policy_shadow_decisions_keys_idx on policy_shadow_decisions using gin (limit_keys);
