import type { BillingServices } from '../billing/services.ts';
import type { z } from 'zod';
import type { Queryable } from '../store/database.ts';
import type { OneStatementWrite } from '../store/effects.ts';
import type { OutboxMessage } from '../store/outbox.ts';
import type { Reason } from './reasons.ts';
import type { Session } from './session.ts';
import type { ToolResult } from './tool-result.ts';

/**
 * The contract every tool module fulfils, and the types it needs. They live here,
 * below the policy, so a tool is plain data and functions: the policy reads these
 * facts and extends these types, never the other way round.
 */

/** What a tool may know about the turn, all of it from the server's side. */
export interface ToolContext {
  session: Session;
  conversationId: string;
  /** The user's own words in this conversation, oldest first (quotes and pasted text removed). */
  userTexts: string[];
  /**
   * Whether any user message in this conversation carried text the user did not write
   * (pasted, quoted, fenced), which could speak to the model in the user's name. Absent
   * means unknown, and counts as yes.
   */
  foreignText?: boolean;
  /** Emails the user typed in this conversation, normalized to lower case. */
  typedEmails: string[];
  /**
   * How strongly any one of the user's own messages asks for a tool (0 to 1), by the server's
   * own estimate: evidence a tool may require where the model's word is not enough. Absent
   * means no evidence.
   */
  ownWordsAsk?: (tool: string) => number;
  /** The caller's network address as TRUST_PROXY resolves it (or `unknown`): abuse limits per address. */
  clientAddress: string;
}

/** What a tool's write needs besides the turn. */
export interface ExecutionContext extends ToolContext {
  requestId: string;
  /** Base URL for links handed to humans (ticket transcript). */
  publicBaseUrl: string;
  /** Billing settings and Stripe calls (grace period, portal links); absent where no billing is served. */
  billing?: BillingServices;
  /** Which vendors the outbox delivers to, so a result can say "syncing" only when something syncs. */
  vendors?: { crm: boolean; helpdesk: boolean };
}

/** How many hits a key may make within a sliding window. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** One limit of a tool: the rule, and the key that says whose budget a call spends. */
export interface RateLimit<I> {
  rule: RateRule;
  key(input: I, ctx: ToolContext): string;
}

/** An argument value that must come from the user's own words or profile. */
export interface GroundedField {
  field: string;
  value: string;
  kind: 'email' | 'name';
}

/** Why a tool will not run for this caller, in words the user can act on. */
export interface Refusal {
  reason: Reason;
  message: string;
}

export interface ToolRun {
  result: ToolResult;
  /** Side effects for the outbox, written in the same transaction as the domain row. */
  outbox: OutboxMessage[];
}

/**
 * A write made in one statement together with its idempotency record, outbox rows and audit
 * row (store/effects.ts): atomic on its own, so it needs no transaction. The store module
 * gives the domain fragment; the tool says what its result and its outbox messages are, and
 * which of their fields come from the written row (ids the database generated).
 */
export type StatementWrite = OneStatementWrite<ToolResult>;

/**
 * How a tool writes: `write`, one statement with its effects (one round trip), or `execute`,
 * any number of statements in the transaction that then records the effects.
 */
export type ToolWrite<S extends z.ZodType> =
  | { write(input: z.output<S>, ctx: ExecutionContext): StatementWrite; execute?: never }
  | { execute(tx: Queryable, input: z.output<S>, ctx: ExecutionContext): Promise<ToolRun>; write?: never };

/** One tool: its contract, the policy facts about it, and the write it performs. */
export type ToolSpec<N extends string = string, S extends z.ZodType = z.ZodType> = ToolFacts<N, S> & ToolWrite<S>;

/** What the policy knows of a tool: its contract and the facts its gates read. */
export interface ToolFacts<N extends string = string, S extends z.ZodType = z.ZodType> {
  name: N;
  description: string;
  /** Strict: an unknown key (a `customer_id`, a `role`) is an error, because arguments carry content, never authority. */
  input: S;
  /** Below this confidence the user confirms first, unless CONFIDENCE_THRESHOLD(_<TOOL>) says otherwise. */
  confidenceThreshold: number;
  groundedFields(input: z.output<S>): GroundedField[];
  /** Who may call it, from the session (and the input): null when this caller may. */
  identity(input: z.output<S>, ctx: ToolContext): Refusal | null;
  /** Every one must allow the call. */
  rateLimits: ReadonlyArray<RateLimit<z.output<S>>>;
  /**
   * Same key, same effect: a repeat is reported as a duplicate. Null for reads. Scoped to the
   * conversation (the key covers its id): the policy skips the lookup in a conversation that
   * has had no write yet (`PolicyContext.noPriorWrites`).
   */
  idempotencyKey(input: z.output<S>, ctx: ToolContext): string | null;
  /**
   * For a tool whose write is triaged: the priority it would settle on, under the triage rules'
   * own priorities or a candidate's (policy shadow mode compares the two). Absent: no triage.
   */
  settledPriority?(input: z.output<S>, ctx: ToolContext, rulePriorities?: Readonly<Record<string, string>>): string;
}

/** Keeps a tool's literal name and its schema's type, so the registry can derive names and inputs from the modules. */
export function defineTool<N extends string, S extends z.ZodType>(spec: ToolSpec<N, S>): ToolSpec<N, S> {
  return spec;
}
