-- The audit chain's head in one row. An append updates the head and inserts the row
-- in one statement: appenders serialise on the head's row lock (held to commit), so
-- the chain order is the id order without a separate advisory lock and read.
create table if not exists audit_chain_head (
  id boolean primary key default true check (id),
  prev_hash text not null,
  hash text not null
);
-- A database that already has a chain continues from its last row.
insert into audit_chain_head (id, prev_hash, hash)
  select true, prev_hash, hash from audit_log order by id desc limit 1
  on conflict (id) do nothing;
alter table audit_chain_head enable row level security;
