/**
 * A database failure, classified once (classify-database-error.ts) so that routes and the
 * turn loop decide on `kind` and `retryable`, never on driver messages or SQLSTATEs.
 * - `unavailable`: no connection, lost connection, database gone or shutting down (retryable);
 * - `timeout`: the statement or connection timeout fired (retryable);
 * - `rejected_input`: a data exception or constraint violation, i.e. the values sent were refused;
 * - `internal`: anything else (a bug): not retryable.
 */
export type DatabaseErrorKind = 'unavailable' | 'timeout' | 'rejected_input' | 'internal';

export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  readonly retryable: boolean;

  constructor(
    readonly kind: DatabaseErrorKind,
    /** The SQLSTATE or the network error code, for logs; never shown to clients. */
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(`database ${kind}${code ? ` (${code})` : ''}`, options);
    this.retryable = kind === 'unavailable' || kind === 'timeout';
  }
}
