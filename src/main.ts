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

const gateway = await createGateway(config);
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
    server.close(() => void gateway.close().then(() => process.exit(0)));
  });
}
