import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress: a chat request's id, a Stripe event's id, or the
 * id an outbox job inherited from whichever of those queued it. It is carried implicitly (async
 * local storage) so that log lines, outbox rows and vendor calls made deep inside a request pick
 * it up without every function taking it as a parameter.
 */
const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with `id` as the correlation id of everything it does. */
export function withCorrelation<T>(id: string, fn: () => T): T {
  return storage.run(id, fn);
}

/** The current correlation id, or null outside any request, event or job. */
export function currentCorrelationId(): string | null {
  return storage.getStore() ?? null;
}

/** The pino mixin: every log line made inside a correlated piece of work names its id. */
export function correlationLogFields(): { correlationId?: string } {
  const id = storage.getStore();
  return id === undefined ? {} : { correlationId: id };
}
