import { parentPort, workerData } from 'node:worker_threads';
import { openSandbox, type ModelEnv } from './gateway.ts';
import type { CorpusLine } from './load.ts';
import { runLine, type CorpusModel } from './runner.ts';

/** A corpus worker thread: its own embedded database; runs the lines the main thread hands it, one at a time. */
const { env, model, runId } = workerData as { env: ModelEnv; model: CorpusModel; runId: string };
const port = parentPort!;
const sandbox = await openSandbox();
port.on('message', async (m: { type: 'line'; index: number; line: CorpusLine } | { type: 'stop' }) => {
  if (m.type === 'stop') {
    await sandbox.close();
    port.close();
    return;
  }
  port.postMessage({ type: 'done', index: m.index, run: await runLine(sandbox, env, model, m.line, m.index, runId) });
});
port.postMessage({ type: 'ready' });
