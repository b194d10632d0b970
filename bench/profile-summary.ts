import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `tsx bench/profile-summary.ts <dir> [toolgate=<ms>,bare=<ms>]`: self time by category for each
 * server's `.cpuprofile` in `dir` (as written by `TOOLGATE_BENCH_CPU_PROF=dir`), start-up left out,
 * so profiles of two builds can be compared in a table rather than by clicking through DevTools.
 * The profile that ran `runTurn` is the gateway's; the other is the bare server's.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: the order puts specific packages ahead of the broad runtime buckets. */
const CATEGORIES: Array<[string, (url: string, fn: string) => boolean]> = [
  ['GC', (_u, fn) => fn === '(garbage collector)'],
  ['idle', (_u, fn) => fn === '(idle)' || fn === '(program)'],
  ['socket writes (system calls)', (u, fn) => u === '' && /^write(v|Buffer|Utf8String|Latin1String)$/.test(fn)],
  ['AI SDK (`ai`, `@ai-sdk/*`)', (u) => /node_modules\/(ai|@ai-sdk)\//.test(u)],
  ['web streams (node:internal/webstreams)', (u) => u.includes('internal/webstreams') || u.includes('internal/worker/js_transferable')],
  ['zod', (u) => u.includes('node_modules/zod/')],
  ['node-postgres', (u) => /node_modules\/(pg|pg-[a-z-]+|pgpass|postgres-[a-z-]+)\//.test(u)],
  ['HTTP (hono, node-server, undici, node:http)', (u) => /node_modules\/(hono|@hono)\//.test(u) || /internal\/(http|undici|deps\/undici)|node:_http|^node:http/.test(u)],
  ['logging (pino)', (u) => /node_modules\/(pino|pino-[a-z-]+|sonic-boom|fast-redact|thread-stream)\//.test(u)],
  ['module loading', (u) => u.includes('internal/modules') || u.includes('node_modules/tsx/') || u.includes('node_modules/esbuild/')],
  ['async hooks (AsyncLocalStorage)', (u) => u.includes('async_hooks')],
  ['toolgate `src/`', (u) => u.includes('/src/')],
  ['other dependencies', (u) => u.includes('node_modules/')],
  ['sockets and buffers (node:net, stream, buffer)', (u) => /internal\/(net|streams|stream_base_commons|buffer)|^node:(net|stream|buffer)/.test(u)],
  ['other runtime (microtasks, timers, natives)', () => true],
];

/** Nodes under a module's evaluation: start-up work, which the benchmark's CPU figure excludes. */
function startupNodes(profile: Profile): Set<number> {
  const startup = new Set<number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mark = (id: number, inside: boolean) => {
    const node = byId.get(id)!;
    const here = inside || node.callFrame.url.includes('esm/module_job') || node.callFrame.url.includes('internal/modules/');
    if (here) startup.add(id);
    for (const child of node.children ?? []) mark(child, here);
  };
  mark(profile.nodes[0]!.id, false);
  return startup;
}

function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const startup = startupNodes(profile);
  const totals = new Map<string, number>();
  let all = 0;
  // Only the gateway's turns run the policy; the bare server merely imports some of `src/`.
  const gateway = profile.nodes.some((n) => n.callFrame.functionName === 'runTurn');
  const serves = profile.nodes.some((n) => n.callFrame.url.includes('@hono/node-server'));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    const [category] = startup.has(id) ? ['start-up (excluded)'] : CATEGORIES.find(([, match]) => match(url, functionName))!;
    const dt = profile.timeDeltas[i] ?? 0;
    totals.set(category, (totals.get(category) ?? 0) + dt);
    all += dt;
  });
  return { gateway, serves, totals, all };
}

const dir = process.argv[2];
// Optional `toolgate=12.0,bare=5.2`: the run's CPU ms per turn, to show each category in ms per turn too.
const perTurn = Object.fromEntries((process.argv[3] ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
if (!dir) {
  process.stderr.write('usage: profile-summary.ts <dir with .cpuprofile files>\n');
  process.exit(2);
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  const { gateway, serves, totals, all } = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile);
  const busy = all - (totals.get('idle') ?? 0) - (totals.get('start-up (excluded)') ?? 0);
  // tsx's loader thread writes a profile of its own, with no request in it: skip it.
  if (!serves) continue;
  process.stdout.write(`\n${gateway ? 'toolgate' : 'bare'} (${file}): ${(busy / 1000).toFixed(0)} ms busy after start-up\n`);
  for (const [category, us] of [...totals].filter(([c]) => c !== 'idle' && c !== 'start-up (excluded)').sort((a, b) => b[1] - a[1])) {
    const share = us / busy;
    const ms = perTurn[gateway ? 'toolgate' : 'bare'];
    process.stdout.write(`| ${category} | ${(100 * share).toFixed(1)}% |${ms ? ` ${(share * Number(ms)).toFixed(2)} ms |` : ''}\n`);
  }
}
