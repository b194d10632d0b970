import { Worker } from 'node:worker_threads';

/**
 * Calls the export `fn` of the module at `module` on a worker thread of its own and resolves
 * with its result. Why: `node --test` enables an async hook on the thread that runs the
 * tests, which tracks every promise made there (an init and a destroy callback each, and a
 * weak reference per promise); an eval through the app makes millions of them, and that hook
 * took about a tenth of the CPU time. A worker thread has no such hook. The arguments and the
 * result cross by structured clone, so both are plain data.
 */
export function offTestThread<F extends (...args: never[]) => unknown>(module: URL, fn: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
  return new Promise((resolve, reject) => {
    // A worker thread does not inherit tsx's loader: the bootstrap registers it, then loads the TypeScript module.
    const bootstrap = `
      const { parentPort, workerData } = require('node:worker_threads');
      import('tsx/esm/api')
        .then((tsx) => { tsx.register(); return import(workerData.module); })
        .then((m) => m[workerData.fn](...workerData.args))
        .then((result) => parentPort.postMessage(result));`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { module: module.href, fn, args } });
    let result: { value: Awaited<ReturnType<F>> } | null = null;
    worker.once('message', (value: Awaited<ReturnType<F>>) => (result = { value }));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result.value) : reject(new Error(`${fn} on its own thread exited with code ${code} and no result`))));
  });
}
