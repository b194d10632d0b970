import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { rightCall, type RightCall } from './calls.ts';
import { openSandbox, userToken, type ChatResult, type ModelEnv, type Sandbox, type StoredState } from './gateway.ts';
import type { CorpusLine } from './load.ts';
import { conversationKey, SCRIPTED_API_KEY, startScriptedOpenAI } from './openai-server.ts';

/**
 * Plays corpus lines through the real HTTP app: each line in a fresh conversation,
 * on an emptied database, with a freshly started rate limiter, as its own caller from
 * its own client address. Records what the client saw and what was committed.
 */

export const CORPUS_MODELS = ['puppet', 'local', 'openai-scripted'] as const;
export type CorpusModel = (typeof CORPUS_MODELS)[number];

/** The confidence the puppet reports with the right call: well above any threshold. */
export const PUPPET_CONFIDENCE = 0.9;
/** The answer to a confirmation question (the gateway's own affirmative list has it in every language tested). */
export const CONFIRMATION_ANSWER = 'yes';

export interface RequestRecord {
  /** Index of the line's turn; the confirmation belongs to the last turn. */
  turn: number;
  kind: 'chat' | 'confirm';
  result: ChatResult;
}

export interface LineRun {
  line: CorpusLine;
  requests: RequestRecord[];
  state: StoredState;
  /** An exception in the runner itself (not a refusal): the line is scored as failed. */
  error?: string;
  ms: number;
}

export interface RunOptions {
  model: CorpusModel;
  /** Workers, each with its own embedded database. */
  concurrency?: number;
  /** Run the workers on worker threads (real parallelism; PGlite is single-threaded), else in this thread. */
  threads?: boolean;
  /**
   * Run every line in this thread on this database, which the caller opened and closes, instead
   * of opening databases of its own: several runs in one process then share one.
   */
  sandbox?: Sandbox;
  onLine?: (run: LineRun, done: number, total: number) => void;
}

function clientIp(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

export async function runLine(sandbox: Sandbox, env: ModelEnv, model: CorpusModel, line: CorpusLine, index: number, runId: string): Promise<LineRun> {
  const started = performance.now();
  const requests: RequestRecord[] = [];
  await sandbox.reset();
  const gateway = await sandbox.gateway(env);
  try {
    let token: string | undefined;
    if (line.caller.kind === 'user') {
      const user = { sub: `corpus-${line.id}`, email: line.caller.email, name: line.caller.name };
      await sandbox.seedCustomer({ ...user, ...(line.expect.fields.invoice ? { invoice: line.expect.fields.invoice } : {}) });
      token = await userToken(user);
    }
    const caller = { ip: clientIp(index), ...(token ? { token } : {}) };
    const conversationId = `cq-${runId}-${line.id}`;
    const call = rightCall(line);
    for (const [turn, text] of line.turns.entries()) {
      const last = turn === line.turns.length - 1;
      const puppet =
        model !== 'puppet'
          ? undefined
          : last && call
            ? { calls: [{ ...call, confidence: PUPPET_CONFIDENCE }], text: 'On it.' }
            : { text: last ? 'Happy to help.' : 'Thanks, go on.' };
      const result = await gateway.chat(conversationId, text, caller, puppet);
      requests.push({ turn, kind: 'chat', result });
      // The confirmation protocol on the turn the expectation is about: answer a question once.
      if (last && result.toolCalls.some((t) => t.output?.status === 'needs_confirmation')) {
        const yes = await gateway.chat(conversationId, CONFIRMATION_ANSWER, caller, model === 'puppet' ? { text: 'Okay.' } : undefined);
        requests.push({ turn, kind: 'confirm', result: yes });
      }
    }
    return { line, requests, state: await sandbox.read(), ms: performance.now() - started };
  } catch (error) {
    const state = await sandbox.read().catch(() => ({ contacts: [], tickets: [], audit: [] }));
    return { line, requests, state, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
  } finally {
    await gateway.close();
  }
}

/** The scripted OpenAI-compatible server's answers: each line's turns map to its right call. */
function openAiScript(lines: CorpusLine[]): Map<string, RightCall> {
  const script = new Map<string, RightCall>();
  for (const line of lines) {
    const call = rightCall(line);
    if (!call) continue;
    const key = conversationKey(line.turns);
    const prior = script.get(key);
    if (prior && JSON.stringify(prior) !== JSON.stringify(call)) {
      throw new Error(`lines with the same turns expect different calls (${line.id}): the scripted server cannot tell them apart`);
    }
    script.set(key, call);
  }
  return script;
}

/** Runs the lines with `concurrency` workers, each with its own embedded database; results in corpus order. */
export async function runCorpus(lines: CorpusLine[], o: RunOptions): Promise<LineRun[]> {
  const runId = randomBytes(4).toString('hex');
  const server = o.model === 'openai-scripted' ? await startScriptedOpenAI(openAiScript(lines)) : null;
  const env: ModelEnv = server ? { model: 'openai', baseURL: server.baseURL, apiKey: SCRIPTED_API_KEY } : { model: o.model as 'puppet' | 'local' };
  const workers = Math.max(1, Math.min(o.concurrency ?? 2, lines.length));
  const out: LineRun[] = new Array(lines.length);
  let next = 0;
  let done = 0;
  const take = () => (next < lines.length ? next++ : null);
  const finish = (index: number, run: LineRun) => {
    out[index] = run;
    o.onLine?.(run, ++done, lines.length);
  };
  try {
    if (o.sandbox) {
      for (let index = take(); index !== null; index = take()) finish(index, await runLine(o.sandbox, env, o.model, lines[index]!, index, runId));
    } else if (o.threads) {
      await Promise.all(Array.from({ length: workers }, () => threadWorker(lines, env, o.model, runId, take, finish)));
    } else {
      const sandboxes = await Promise.all(Array.from({ length: workers }, () => openSandbox()));
      try {
        await Promise.all(
          sandboxes.map(async (sandbox) => {
            for (let index = take(); index !== null; index = take()) finish(index, await runLine(sandbox, env, o.model, lines[index]!, index, runId));
          }),
        );
      } finally {
        await Promise.all(sandboxes.map((s) => s.close()));
      }
    }
  } finally {
    await server?.close();
  }
  return out;
}

/**
 * Several runs, one after another, on one embedded database of their own: `runCorpus` with a
 * sandbox, for a caller that runs them on a thread of their own (evals/off-test-thread.ts),
 * where opening a database once costs more than most runs.
 */
export async function runCorpusBatches(batches: ReadonlyArray<{ lines: CorpusLine[]; model: CorpusModel }>): Promise<LineRun[][]> {
  const sandbox = await openSandbox();
  try {
    const out: LineRun[][] = [];
    for (const { lines, model } of batches) out.push(await runCorpus(lines, { model, sandbox }));
    return out;
  } finally {
    await sandbox.close();
  }
}

/** One worker thread (evals/corpus/worker.ts) with its own database, fed one line at a time. */
function threadWorker(
  lines: CorpusLine[],
  env: ModelEnv,
  model: CorpusModel,
  runId: string,
  take: () => number | null,
  finish: (index: number, run: LineRun) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // A worker thread does not inherit tsx's loader: the bootstrap registers it, then loads the TypeScript worker.
    const entry = new URL('./worker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { env, model, runId } });
    const feed = () => {
      const index = take();
      if (index === null) worker.postMessage({ type: 'stop' });
      else worker.postMessage({ type: 'line', index, line: lines[index] });
    };
    worker.on('message', (m: { type: 'ready' } | { type: 'done'; index: number; run: LineRun }) => {
      if (m.type === 'done') finish(m.index, m.run);
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`corpus worker exited with ${code}`))));
  });
}
