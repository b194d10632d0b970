import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PRIORITIES } from '../tools/escalate-ticket.ts';
import { TOOL_NAMES, type ToolName } from '../tools/index.ts';
import { TRIAGE_TAGS } from '../tools/ticket-rules.ts';
import { policyVersion } from './policy-version.ts';

/**
 * The candidate policy file (POLICY_CANDIDATE_FILE): the settings to try, each overriding the
 * enforced one. Strict, so a misspelt key stops the boot instead of silently trying nothing.
 */
/** The scope of a tool's limit: the second segment of its key (`capture_lead:email:…`). */
export const LIMIT_SCOPES = ['conversation', 'caller', 'address', 'email', 'user'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

const rule = z.object({ limit: z.number().int().min(1).max(100_000), windowSeconds: z.number().int().min(1).max(7 * 24 * 3600) }).strict();

export const candidateFileSchema = z
  .object({
    thresholds: z.partialRecord(z.enum(TOOL_NAMES), z.number().min(0).max(1)).default({}),
    /** Per tool and scope, a limit replacing the tool's own (e.g. `capture_lead.email`). */
    limits: z.partialRecord(z.enum(TOOL_NAMES), z.partialRecord(z.enum(LIMIT_SCOPES), rule)).default({}),
    /** Per triage rule tag (e.g. `outage`), the priority ceiling it sets instead of its own. */
    triage: z.partialRecord(z.enum(TRIAGE_TAGS), z.enum(PRIORITIES)).default({}),
  })
  .strict();

export type LimitOverrides = Partial<Record<ToolName, Partial<Record<LimitScope, { limit: number; windowSeconds: number }>>>>;

export interface CandidatePolicy {
  version: string;
  thresholds: Record<ToolName, number>;
  limits: LimitOverrides;
  triage: Readonly<Record<string, (typeof PRIORITIES)[number]>>;
}

export class CandidatePolicyError extends Error {}

/** Reads and checks the candidate; its version hashes the same way the enforced one does. */
export function loadCandidatePolicy(file: string, enforced: Record<ToolName, number>): CandidatePolicy {
  let parsed: z.output<typeof candidateFileSchema>;
  try {
    parsed = candidateFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    const reason = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ') : (error as Error).message;
    throw new CandidatePolicyError(reason);
  }
  const thresholds = { ...enforced, ...parsed.thresholds } as Record<ToolName, number>;
  const limits = parsed.limits as LimitOverrides;
  const triage = parsed.triage as CandidatePolicy['triage'];
  return { version: policyVersion({ thresholds, limits, triage }), thresholds, limits, triage };
}

