import { DatabaseError, type DatabaseErrorKind } from './database-error.ts';

/** Network failures Node reports while connecting to or talking with the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Driver failures that carry no code: node-postgres (pool/client states and its own timeouts)
 * and PGlite (a closed instance). Matched on their fixed messages, in this one place.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /^PGlite is closed/,
];
const TIMEOUT_MESSAGES = [/^timeout exceeded when trying to connect/, /^Query read timeout/, /Connection terminated due to connection timeout/];

/**
 * SQLSTATE classes (PostgreSQL docs, Appendix A): 08 connection exception, 57P0x operator
 * intervention (shutdown, `pg_terminate_backend`), 53300 too many connections, 3D000 the database
 * is gone, 40001/40P01 serialization failure and deadlock (retrying succeeds), 57014 query
 * canceled (`statement_timeout`); 22 data exception and 23 integrity constraint violation are
 * the values being refused.
 */
function kindOfSqlState(state: string): DatabaseErrorKind {
  if (state === '57014') return 'timeout';
  if (state.startsWith('08') || /^57P0[1-5]$/.test(state) || ['53300', '3D000', '40001', '40P01'].includes(state)) return 'unavailable';
  if (state.startsWith('22') || state.startsWith('23')) return 'rejected_input';
  return 'internal';
}

/** The classified error for a database failure, or null when `error` does not come from the database or its driver. */
export function classifyDatabaseError(error: unknown): DatabaseError | null {
  if (error instanceof DatabaseError) return error;
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return new DatabaseError(kindOfSqlState(code), code, { cause: error });
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return new DatabaseError('unavailable', code, { cause: error });
  if (TIMEOUT_MESSAGES.some((m) => m.test(error.message))) return new DatabaseError('timeout', undefined, { cause: error });
  if (UNAVAILABLE_MESSAGES.some((m) => m.test(error.message))) return new DatabaseError('unavailable', undefined, { cause: error });
  // AggregateError from a failed connect (IPv4 and IPv6 both refused).
  if (error instanceof AggregateError && error.errors.some((e) => classifyDatabaseError(e)?.kind === 'unavailable')) {
    return new DatabaseError('unavailable', 'ECONNREFUSED', { cause: error });
  }
  return null;
}

/** For errors raised by a query itself: anything unrecognised is still a database error, of kind `internal`. */
export function toDatabaseError(error: unknown): DatabaseError {
  return classifyDatabaseError(error) ?? new DatabaseError('internal', undefined, { cause: error });
}
