-- Stripe is the billing truth. This keeps a deduplicated, append-only log of what Stripe
-- said (stripe_events) and one billing state per Stripe customer (billing_accounts, evolved
-- from 001: a customer may exist before anyone signs in, so user_id becomes an optional,
-- unique link instead of the key). Every column that Stripe can change out of order carries
-- a version (the event's created time, a rank, the event id) so a stale event never wins.

create table if not exists stripe_events (
  id text primary key,
  type text not null,
  api_version text,
  created timestamptz not null,
  livemode boolean not null,
  payload_sha256 text not null,
  payload jsonb not null,
  customer_id text,
  status text not null default 'received' check (status in ('received', 'processed', 'ignored', 'failed')),
  attempts integer not null default 1,
  last_error text,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create index if not exists stripe_events_created_idx on stripe_events (created desc);
create index if not exists stripe_events_customer_idx on stripe_events (customer_id, created);

-- Append-only: the processing columns may move on, what Stripe sent may not.
create or replace function toolgate_stripe_events_guard() returns trigger
language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'stripe_events is append-only';
  end if;
  if new.id is distinct from old.id or new.type is distinct from old.type or new.created is distinct from old.created
     or new.payload_sha256 is distinct from old.payload_sha256 or new.payload is distinct from old.payload
     or new.livemode is distinct from old.livemode or new.api_version is distinct from old.api_version then
    raise exception 'stripe_events keeps what Stripe sent unchanged';
  end if;
  return new;
end
$$;
drop trigger if exists stripe_events_append_only on stripe_events;
create trigger stripe_events_append_only before update or delete on stripe_events
  for each row execute function toolgate_stripe_events_guard();
drop trigger if exists stripe_events_no_truncate on stripe_events;
create trigger stripe_events_no_truncate before truncate on stripe_events
  for each statement execute function toolgate_stripe_events_guard();

-- billing_accounts: one row per Stripe customer (or per user seeded without Stripe).
alter table invoices drop constraint if exists invoices_user_id_fkey;
alter table billing_accounts drop constraint if exists billing_accounts_pkey;
alter table billing_accounts alter column user_id drop not null;
alter table billing_accounts add column if not exists id bigint generated always as identity primary key;
-- One user, one customer.
alter table billing_accounts add constraint billing_accounts_user_id_key unique (user_id);
alter table billing_accounts add constraint billing_accounts_has_key check (user_id is not null or stripe_customer_id is not null);
alter table billing_accounts
  add column if not exists customer_version text not null default '',
  add column if not exists customer_deleted boolean not null default false,
  add column if not exists subscription_id text,
  add column if not exists price_id text,
  add column if not exists cancel_at_period_end boolean not null default false,
  add column if not exists subscription_version text not null default '',
  add column if not exists payment_state text not null default 'pending'
    check (payment_state in ('pending', 'paid', 'failed', 'refunded', 'disputed')),
  add column if not exists payment_version text not null default '',
  add column if not exists failing_invoice_id text,
  add column if not exists failed_since timestamptz,
  add column if not exists last_payment_amount bigint,
  add column if not exists last_payment_currency text,
  add column if not exists last_payment_at timestamptz,
  add column if not exists card_brand text,
  add column if not exists card_last4 text check (card_last4 ~ '^[0-9]{4}$'),
  add column if not exists card_version text not null default '',
  add column if not exists entitlement_active boolean not null default false,
  add column if not exists entitlement_reason text,
  add column if not exists created_at timestamptz not null default now();
create index if not exists billing_accounts_email_idx on billing_accounts (lower(email));

-- invoices: keyed by the Stripe invoice id; user_id follows the customer's link.
alter table invoices alter column user_id drop not null;
alter table invoices alter column amount_due type bigint;
alter table invoices
  add column if not exists stripe_customer_id text,
  add column if not exists number text,
  add column if not exists amount_paid bigint not null default 0,
  add column if not exists amount_remaining bigint,
  add column if not exists paid_at timestamptz,
  add column if not exists subscription_id text,
  add column if not exists billing_reason text,
  add column if not exists hosted_invoice_url text,
  add column if not exists first_failed_at timestamptz,
  add column if not exists status_version text not null default '';
create index if not exists invoices_customer_idx on invoices (stripe_customer_id);
create index if not exists invoices_number_idx on invoices (user_id, upper(number));

-- Which customer and invoice a payment belongs to, so a refund or a dispute (which name only
-- a charge or a payment intent) finds its customer.
create table if not exists billing_payments (
  charge_id text primary key,
  payment_intent_id text,
  stripe_customer_id text,
  created_at timestamptz not null default now()
);
create index if not exists billing_payments_intent_idx on billing_payments (payment_intent_id);

alter table stripe_events enable row level security;
alter table billing_payments enable row level security;
