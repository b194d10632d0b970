import type { Queryable } from './database.ts';

export interface DeadJob {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The dead-letter queue, newest first: jobs that used up their attempts and wait for a human. */
export function listDeadJobs(db: Queryable, limit = 500): Promise<DeadJob[]> {
  return db.query<DeadJob>(
    `select id, topic, payload, attempts, last_error as "lastError", created_at as "createdAt", updated_at as "updatedAt"
     from outbox where status = 'dead' order by id desc limit $1`,
    [limit],
  );
}

/** Puts a dead-lettered job back in the queue with fresh attempts; null when no dead job has that id. */
export async function retryDeadJob(db: Queryable, id: number): Promise<{ id: number; status: 'pending' } | null> {
  const [job] = await db.query<{ id: number; status: 'pending' }>(
    `update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
     where id = $1 and status = 'dead' returning id, status`,
    [id],
  );
  return job ?? null;
}
