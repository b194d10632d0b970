import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../http/logger.ts';
import { createScrubber } from '../policy/output-gate/index.ts';
import { openDatabase } from '../store/open.ts';
import { workerFromConfig } from './from-config.ts';

/**
 * `npm run worker`: the outbox worker on its own, for server mode. Several may run against
 * one Postgres; each claims with SKIP LOCKED under its own lease. SIGTERM finishes the
 * round in flight; a SIGKILL leaves leased jobs that another worker takes after the lease.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`toolgate worker: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT
  ? (await import('../observability/setup.ts')).startTracing({ otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
  : null;
const logger = createLogger(config.LOG_LEVEL, { scrub: createScrubber(config.secretValues) });
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const worker = workerFromConfig(config, db, logger);
worker.start();
logger.info({ worker: worker.id, database: db.kind }, 'outbox worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void worker
      .stop()
      .then(() => db.close())
      .then(() => tracing?.shutdown())
      .then(() => process.exit(0));
  });
}
