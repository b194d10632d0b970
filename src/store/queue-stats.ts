import type { Queryable } from './database.ts';

export interface TopicQueueStats {
  topic: string;
  /** Pending or being delivered. */
  depth: number;
  /** Seconds since the oldest undelivered job was queued; 0 when none. */
  oldestAgeSeconds: number;
  /** In the dead-letter queue now. */
  dead: number;
}

/** The outbox per topic, in one scan of the jobs not yet done (done and resolved jobs are skipped by the filter). */
export function outboxStatsByTopic(db: Queryable): Promise<TopicQueueStats[]> {
  return db.query<TopicQueueStats>(
    `select topic,
            count(*) filter (where status in ('pending', 'processing'))::int as depth,
            coalesce(extract(epoch from now() - min(created_at) filter (where status in ('pending', 'processing'))), 0)::double precision as "oldestAgeSeconds",
            count(*) filter (where status = 'dead')::int as dead
     from outbox where status in ('pending', 'processing', 'dead')
     group by topic order by topic`,
  );
}
