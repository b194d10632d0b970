-- Payments and outbox follow-ups: helpdesk jobs of one ticket delivered in order, the counters
-- the alert rules read, and a console link on every alert episode.

-- A helpdesk job waits for the earlier unfinished jobs of its ticket (create before comment);
-- the claim looks them up through this index, which holds unfinished helpdesk jobs only.
create index if not exists outbox_helpdesk_ticket_idx on outbox ((payload ->> 'ticketId'), id)
  where topic like 'helpdesk.%' and status in ('pending', 'processing');

-- Redeliveries of an event already handled: counted on the event row (what Stripe sent stays
-- unchanged; the append-only trigger lets processing columns move).
alter table stripe_events add column if not exists duplicates integer not null default 0;
alter table stripe_events add column if not exists last_duplicate_at timestamptz;
create index if not exists stripe_events_duplicate_idx on stripe_events (last_duplicate_at) where last_duplicate_at is not null;
create index if not exists stripe_events_unsettled_idx on stripe_events (received_at) where status <> 'processed';

-- Refused webhook deliveries (bad signature, malformed body), counted per minute and reason.
-- Nothing of the refused request is kept: an unverified body is not Stripe's word.
create table if not exists webhook_rejections (
  minute timestamptz not null,
  reason text not null,
  count integer not null default 0,
  primary key (minute, reason)
);
alter table webhook_rejections enable row level security;

-- Where the founder acts on an alert: a console page.
alter table alerts add column if not exists link text;
create index if not exists alerts_open_kind_idx on alerts (kind) where closed_at is null;
create index if not exists tickets_open_created_idx on tickets (created_at) where status = 'open';
