import type { Queryable } from './database.ts';

export interface ShadowDecisionRow {
  requestId: string | null;
  conversationId: string | null;
  tool: string;
  enforcedVersion: string;
  candidateVersion: string;
  enforcedDecision: string;
  enforcedReason: string | null;
  candidateDecision: string;
  candidateReason: string | null;
  /** Hashed rate-limit keys of the call (see countCandidateAllowed). */
  limitKeys?: string[];
}

/** How many calls under `key` the candidate would have allowed in the last `windowSeconds`. */
export async function countCandidateAllowed(db: Queryable, key: string, windowSeconds: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from policy_shadow_decisions
     where limit_keys @> array[$1]::text[] and candidate_decision = 'allowed'
       and at > now() - make_interval(secs => $2::double precision)`,
    [key, windowSeconds],
  );
  return row?.n ?? 0;
}

/** One call as both policies decided it; `differs` is stored so the summary never recomputes it. */
export async function recordShadowDecision(db: Queryable, row: ShadowDecisionRow): Promise<void> {
  const differs = row.enforcedDecision !== row.candidateDecision || row.enforcedReason !== row.candidateReason;
  await db.query(
    `insert into policy_shadow_decisions (request_id, conversation_id, tool, enforced_version, candidate_version,
       enforced_decision, enforced_reason, candidate_decision, candidate_reason, differs, limit_keys)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[])`,
    [row.requestId, row.conversationId, row.tool, row.enforcedVersion, row.candidateVersion, row.enforcedDecision, row.enforcedReason, row.candidateDecision, row.candidateReason, differs, row.limitKeys ?? []],
  );
}

export interface ShadowDifference {
  tool: string;
  enforcedDecision: string;
  enforcedReason: string | null;
  candidateDecision: string;
  candidateReason: string | null;
  count: number;
  /** A few request ids to open with the trace view, newest first. */
  exampleRequestIds: string[];
}

export interface ShadowSummary {
  since: Date;
  /** Calls both policies decided in the window, and how many of them they decided differently. */
  compared: number;
  differed: number;
  /** Per tool. */
  tools: Array<{ tool: string; compared: number; differed: number }>;
  /** Each way the two disagreed, most frequent first. */
  differences: ShadowDifference[];
  /** The candidate versions seen in the window (a candidate file edited mid-week is a new version). */
  candidateVersions: string[];
}

/** Where candidate and enforced decisions differed since `since`: counts per tool and per kind of disagreement. */
export async function summarizeShadowDecisions(db: Queryable, since: Date): Promise<ShadowSummary> {
  const tools = await db.query<{ tool: string; compared: number; differed: number }>(
    `select tool, count(*)::int as compared, count(*) filter (where differs)::int as differed
     from policy_shadow_decisions where at >= $1 group by tool order by tool`,
    [since.toISOString()],
  );
  const differences = await db.query<ShadowDifference>(
    `select tool, enforced_decision as "enforcedDecision", enforced_reason as "enforcedReason",
            candidate_decision as "candidateDecision", candidate_reason as "candidateReason", count(*)::int as count,
            coalesce((array_agg(request_id order by id desc) filter (where request_id is not null))[1:5], '{}') as "exampleRequestIds"
     from policy_shadow_decisions where at >= $1 and differs
     group by tool, enforced_decision, enforced_reason, candidate_decision, candidate_reason
     order by count desc, tool limit 100`,
    [since.toISOString()],
  );
  const versions = await db.query<{ version: string }>(
    'select distinct candidate_version as version from policy_shadow_decisions where at >= $1 order by 1',
    [since.toISOString()],
  );
  return {
    since,
    compared: tools.reduce((n, t) => n + t.compared, 0),
    differed: tools.reduce((n, t) => n + t.differed, 0),
    tools,
    differences,
    candidateVersions: versions.map((v) => v.version),
  };
}
