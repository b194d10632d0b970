/**
 * Why a delivery failed, in the terms the outbox worker acts on: try again (after
 * `retryAfterMs` when the vendor said so), or stop and dead-letter. `outcomeUnknown`
 * marks a call that may have taken effect (timed out, connection lost after sending):
 * the next attempt must read back before it creates.
 */
export class DeliveryError extends Error {
  readonly retryable: boolean;
  readonly errorClass: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    options: { retryable: boolean; errorClass: string; status?: number; retryAfterMs?: number; outcomeUnknown?: boolean },
  ) {
    super(message);
    this.name = 'DeliveryError';
    this.retryable = options.retryable;
    this.errorClass = options.errorClass;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }
}
