import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.ts';
import { createGateway } from './gateway.ts';
import { createApp } from './server.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`toolgate: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// Tracing only when a collector is configured; otherwise the SDK is not even loaded.
const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT
  ? (await import('./observability/setup.ts')).startTracing({ otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
  : null;
const gateway = await createGateway(config);
// The outbox worker runs beside the server unless OUTBOX_WORKER=false (separate `npm run worker` processes).
// Loaded only once the configuration is valid, so a bad variable exits before the vendor clients load.
const worker = config.OUTBOX_WORKER ? (await import('./jobs/from-config.ts')).workerFromConfig(config, gateway.db, gateway.logger) : null;
worker?.start();
// The weekly digest goes out with the worker that delivers it (the alert channel is an outbox topic).
const stopDigest = config.OUTBOX_WORKER ? (await import('./web/console/digest-schedule.ts')).startDigestSchedule(gateway.db, config, gateway.logger) : null;
const server = serve({ fetch: createApp(gateway).fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  gateway.logger.info(
    { port: info.port, host: config.HOST, database: gateway.db.kind, model: config.MODEL },
    `toolgate listening on http://${config.HOST}:${info.port}`,
  );
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stopDigest?.();
    server.close(() =>
      void (worker?.stop() ?? Promise.resolve())
        .then(() => gateway.close())
        .then(() => tracing?.shutdown())
        .then(() => process.exit(0)),
    );
  });
}
