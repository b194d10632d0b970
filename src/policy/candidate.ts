import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TOOL_NAMES, type ToolName } from '../tools/index.ts';
import { policyVersion } from './version.ts';

/**
 * The candidate policy file (POLICY_CANDIDATE_FILE): the settings to try, each overriding the
 * enforced one. Strict, so a misspelt key stops the boot instead of silently trying nothing.
 */
export const candidateFileSchema = z
  .object({
    thresholds: z.partialRecord(z.enum(TOOL_NAMES), z.number().min(0).max(1)).default({}),
  })
  .strict();

export interface CandidatePolicy {
  version: string;
  thresholds: Record<ToolName, number>;
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
  return { version: policyVersion({ thresholds }), thresholds };
}

