-- A Stripe event's claim and its outcome as plpgsql functions. PL/pgSQL keeps the plans of its
-- static statements for the session, so the statements a delivery runs are parsed and planned
-- once per connection instead of once per event: what named prepared statements would give,
-- through any pooler (Supabase's transaction pooler refuses those). The SQL is the store's
-- (src/store/stripe-events.ts calls these); the TypeScript decides, these only write.

-- Stores a verified event once by its id, or counts a redelivery on the stored row; a failed
-- event is claimed again (a retry gets another attempt). A claimed event then creates and locks
-- its customer's billing account, and after it the invoice, in the order applying the event
-- would lock them. A new row is written as `processed`, the outcome nearly every event has: no
-- other transaction sees it before the commit, and the outcome only changes it when applying
-- came to something else. The rows come back as JSON with their column names.
create or replace function toolgate_claim_stripe_event(
  p_id text, p_type text, p_api_version text, p_created timestamptz, p_livemode boolean, p_payload_sha256 text,
  p_payload jsonb, p_customer_id text, p_lock_customer text, p_lock_invoice text
) returns json
language plpgsql as $$
declare
  v_inserted boolean;
  v_status text;
  v_account billing_accounts;
  v_invoice invoices;
begin
  insert into stripe_events (id, type, api_version, created, livemode, payload_sha256, payload, customer_id, status, processed_at)
  values (p_id, p_type, p_api_version, p_created, p_livemode, p_payload_sha256, p_payload, p_customer_id, 'processed', now())
  on conflict (id) do update set
    attempts = stripe_events.attempts + (stripe_events.status = 'failed')::int,
    duplicates = stripe_events.duplicates + (stripe_events.status <> 'failed')::int,
    last_duplicate_at = case when stripe_events.status <> 'failed' then now() else stripe_events.last_duplicate_at end
  returning (xmax = 0), status into v_inserted, v_status;
  if p_lock_customer is not null and (v_inserted or v_status = 'failed') then
    -- The no-op update on conflict returns the existing row and takes its lock.
    insert into billing_accounts (stripe_customer_id, status) values (p_lock_customer, 'none')
    on conflict (stripe_customer_id) do update set stripe_customer_id = excluded.stripe_customer_id
    returning * into v_account;
    if p_lock_invoice is not null then
      select * into v_invoice from invoices where id = p_lock_invoice for update;
    end if;
  end if;
  return json_build_object(
    'inserted', v_inserted, 'status', v_status,
    'account', case when v_account.id is null then null else to_json(v_account) end,
    'invoice', case when v_invoice.id is null then null else to_json(v_invoice) end);
end
$$;

-- Records what applying an event came to, with what it changed beside its own row: the account's
-- new state (a billing_accounts row as JSON), the invoice (an invoices row as JSON), outbox rows
-- ([{topic, payload, dedupe_key}], queued once per dedupe key), and the thread's problem ticket to
-- close ({thread_id, category, update, outbox}: its outbox rows are queued, with the ticket's id in
-- their payload, only when a ticket was open). Absent parts are null and skipped. The event row is
-- left alone when it already says so (claimed as `processed` in this transaction): an update would
-- write a new row version, every index entry again, and run the append-only trigger.
create or replace function toolgate_finish_stripe_event(
  p_id text, p_status text, p_last_error text, p_customer_id text,
  p_account jsonb, p_invoice jsonb, p_outbox jsonb, p_resolve jsonb, p_correlation_id text
) returns void
language plpgsql as $$
declare
  v_ticket text;
begin
  if p_account is not null then
    update billing_accounts b set email = a.email, customer_version = a.customer_version, customer_deleted = a.customer_deleted,
      plan = a.plan, price_id = a.price_id, subscription_id = a.subscription_id, status = a.status,
      current_period_end = a.current_period_end, cancel_at_period_end = a.cancel_at_period_end,
      subscription_version = a.subscription_version, payment_state = a.payment_state, payment_version = a.payment_version,
      failing_invoice_id = a.failing_invoice_id, failed_since = a.failed_since, last_payment_amount = a.last_payment_amount,
      last_payment_currency = a.last_payment_currency, last_payment_at = a.last_payment_at, card_brand = a.card_brand,
      card_last4 = a.card_last4, card_version = a.card_version, entitlement_active = a.entitlement_active,
      entitlement_reason = a.entitlement_reason, updated_at = now()
    from jsonb_populate_record(null::billing_accounts, p_account) a
    where b.id = a.id;
  end if;
  if p_invoice is not null then
    insert into invoices (id, user_id, stripe_customer_id, number, amount_due, amount_paid, amount_remaining, currency, status, due_at,
      paid_at, subscription_id, billing_reason, hosted_invoice_url, first_failed_at, status_version, created_at)
    select i.id, i.user_id, i.stripe_customer_id, i.number, i.amount_due, i.amount_paid, i.amount_remaining, i.currency, i.status, i.due_at,
      i.paid_at, i.subscription_id, i.billing_reason, i.hosted_invoice_url, i.first_failed_at, i.status_version, i.created_at
    from jsonb_populate_record(null::invoices, p_invoice) i
    on conflict (id) do update set user_id = excluded.user_id, number = excluded.number, amount_due = excluded.amount_due,
      amount_paid = excluded.amount_paid, amount_remaining = excluded.amount_remaining, currency = excluded.currency,
      status = excluded.status, due_at = excluded.due_at, paid_at = excluded.paid_at, subscription_id = excluded.subscription_id,
      billing_reason = excluded.billing_reason, hosted_invoice_url = excluded.hosted_invoice_url,
      first_failed_at = excluded.first_failed_at, status_version = excluded.status_version;
  end if;
  if p_outbox is not null then
    insert into outbox (topic, payload, dedupe_key, correlation_id)
    select m.topic, m.payload, m.dedupe_key, p_correlation_id
    from jsonb_to_recordset(p_outbox) as m (topic text, payload jsonb, dedupe_key text)
    on conflict (dedupe_key) do nothing;
  end if;
  if p_resolve is not null then
    -- One open ticket per thread and category (a unique index): at most one is closed.
    update tickets set status = 'closed', updates = updates || jsonb_build_array(p_resolve -> 'update'), updated_at = now()
    where conversation_id = p_resolve ->> 'thread_id' and category = p_resolve ->> 'category' and status = 'open'
    returning id into v_ticket;
    if v_ticket is not null and p_resolve -> 'outbox' is not null then
      insert into outbox (topic, payload, dedupe_key, correlation_id)
      select m.topic, m.payload || jsonb_build_object('ticketId', v_ticket), m.dedupe_key, p_correlation_id
      from jsonb_to_recordset(p_resolve -> 'outbox') as m (topic text, payload jsonb, dedupe_key text)
      on conflict (dedupe_key) do nothing;
    end if;
  end if;
  update stripe_events set status = p_status, last_error = p_last_error,
    processed_at = case when p_status = 'failed' then processed_at else now() end, customer_id = coalesce(customer_id, p_customer_id)
  where id = p_id and (status, last_error, processed_at, customer_id)
    is distinct from (p_status, p_last_error, case when p_status = 'failed' then processed_at else now() end, coalesce(customer_id, p_customer_id));
end
$$;
