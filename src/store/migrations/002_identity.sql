-- Visitor identity, verified tickets and append-only contact inquiries. Idempotent like 001.

-- Keys the gateway generates for itself and must keep across restarts (the visitor
-- token key when VISITOR_TOKEN_SECRET is unset), shared by every process on this database.
create table if not exists server_keys (
  name text primary key,
  secret text not null,
  created_at timestamptz not null default now()
);

-- Adoption on sign-in moves a visitor's conversations by owner.
create index if not exists conversations_owner_idx on conversations (owner);

-- A ticket is verified when a signed-in customer opened it for their own verified email.
-- Anything else (a visitor, a typed address) is shown to the helpdesk as unverified and never pages.
alter table tickets add column if not exists verified boolean not null default false;

-- What a visitor (or a customer for someone else's address) said about an existing contact:
-- recorded beside the contact, never merged into it. Visitors add; customers own.
create table if not exists contact_inquiries (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contacts (id),
  name text not null,
  company text,
  phone text,
  notes text,
  source text not null,
  conversation_id text,
  requester text not null,
  created_at timestamptz not null default now()
);
create index if not exists contact_inquiries_contact_idx on contact_inquiries (contact_id, created_at);

create or replace function toolgate_refuse_inquiry_change() returns trigger
language plpgsql as $$
begin
  raise exception 'contact_inquiries is append-only';
end
$$;
drop trigger if exists contact_inquiries_append_only on contact_inquiries;
create trigger contact_inquiries_append_only before update or delete on contact_inquiries
  for each row execute function toolgate_refuse_inquiry_change();

alter table server_keys enable row level security;
alter table contact_inquiries enable row level security;
