import type { Queryable } from './database.ts';

export type AlertChannel = 'slack' | 'email';

/**
 * Opens an alert episode for (kind, key) and queues one delivery per channel, in one
 * statement. While the episode is open a second raise does nothing: the founder hears
 * about a dead job or a stuck sync once, not on every sweep.
 */
export async function raiseAlert(
  db: Queryable,
  alert: {
    kind: string;
    key: string;
    message: string;
    link?: string | null;
    /** The job's or event's behind the alert, carried by its deliveries; null for a periodic check's. */
    correlationId: string | null;
  },
  channels: AlertChannel[],
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `with opened as (
       insert into alerts (kind, key, message, link) values ($1, $2, $3, $5)
       on conflict (kind, key) where closed_at is null do nothing
       returning id
     ), queued as (
       insert into outbox (topic, payload, dedupe_key, correlation_id)
       select 'notify.alert', jsonb_build_object('alertId', opened.id, 'channel', ch), 'alert:' || opened.id || ':' || ch, $6
       from opened, unnest($4::text[]) ch
     )
     select id from opened`,
    [alert.kind, alert.key, alert.message, channels, alert.link ?? null, alert.correlationId],
  );
  return row?.id ?? null;
}

/**
 * Closes the open episodes of `kind` whose key is not among `stillActive`: the condition
 * recovered, so the next time it holds is a new episode and pages again. Returns how many closed.
 */
export async function closeRecoveredAlerts(db: Queryable, kind: string, stillActive: string[]): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `update alerts set closed_at = now() where kind = $1 and closed_at is null and not (key = any($2::text[])) returning id`,
    [kind, stillActive],
  );
  return rows.length;
}

/** Closes the open episodes about `key` (the job was delivered or settled by hand). */
export async function closeAlerts(db: Queryable, key: string): Promise<void> {
  await db.query('update alerts set closed_at = now() where key = $1 and closed_at is null', [key]);
}

export async function getAlert(db: Queryable, id: number) {
  const [row] = await db.query<{ id: number; kind: string; key: string; message: string; link: string | null; openedAt: Date }>(
    'select id, kind, key, message, link, opened_at as "openedAt" from alerts where id = $1',
    [id],
  );
  return row ?? null;
}

/**
 * CRM jobs still undelivered after `olderThanMs` raise `crm_sync_pending`, one episode per
 * job; returns how many episodes were opened.
 */
export async function raiseStaleCrmAlerts(
  db: Queryable,
  olderThanMs: number,
  channels: AlertChannel[],
  link: (jobId: number) => string | null = () => null,
): Promise<number> {
  const stale = await db.query<{ id: number; topic: string }>(
    `select o.id, o.topic from outbox o
     where o.topic like 'crm.%' and o.status in ('pending', 'processing')
       and o.created_at < now() - make_interval(secs => $1::double precision / 1000)
       and not exists (select 1 from alerts a where a.kind = 'crm_sync_pending' and a.key = o.id::text and a.closed_at is null)
     order by o.id limit 100`,
    [olderThanMs],
  );
  let opened = 0;
  for (const job of stale) {
    const id = await raiseAlert(
      db,
      {
        kind: 'crm_sync_pending',
        key: String(job.id),
        message: `CRM sync job ${job.id} (${job.topic}) has been pending for more than ${Math.round(olderThanMs / 60000)} minutes.`,
        link: link(job.id),
        correlationId: null,
      },
      channels,
    );
    if (id !== null) opened++;
  }
  return opened;
}
