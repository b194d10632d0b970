import type { Queryable } from './database.ts';

/**
 * Returns the secret stored under `name`, storing `candidate` first when there is none.
 * One statement, so two processes starting at once agree on the same secret: the loser's
 * insert does nothing and both read the winner's row.
 */
export async function loadOrCreateServerKey(db: Queryable, name: string, candidate: string): Promise<string> {
  const [row] = await db.query<{ secret: string }>(
    `with inserted as (
       insert into server_keys (name, secret) values ($1, $2) on conflict (name) do nothing returning secret
     )
     select secret from inserted
     union all
     select secret from server_keys where name = $1 and not exists (select 1 from inserted)`,
    [name, candidate],
  );
  if (!row) throw new Error(`server key ${name} could not be stored`);
  return row.secret;
}
