import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_THRESHOLDS, findTool, TOOL_INPUTS, TOOL_NAMES, TOOLS } from './index.ts';

test('names, inputs and thresholds are derived from the tool modules', () => {
  assert.deepEqual([...TOOL_NAMES], Object.keys(TOOLS));
  assert.ok(TOOL_NAMES.includes('capture_lead'));
  for (const name of TOOL_NAMES) {
    assert.equal(TOOLS[name].name, name);
    assert.equal(TOOL_INPUTS[name], TOOLS[name].input);
    assert.equal(DEFAULT_THRESHOLDS[name], TOOLS[name].confidenceThreshold);
  }
});

test('an inherited key is no tool', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(findTool(name), undefined, name);
  assert.equal(findTool('capture_lead'), TOOLS.capture_lead);
});

/** Every module a source file imports or re-exports, with whether only its types are taken. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'|\bimport\('([^']+)'\)/gms)].map((m) => ({
    target: m[2] ?? m[3]!,
    typeOnly: m[1] !== undefined,
  }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SRC = resolve(import.meta.dirname, '..');
const layerOf = (path: string) => relative(SRC, path).split('/')[0]!;

test('layers point one way: routes → agent → policy → tools → store', () => {
  const problems: string[] = [];
  for (const [layer, rule] of [
    // Shared text models (the hashed linear classifier) sit below every layer that reads text.
    ['text', (to: string) => to === 'text'],
    ['store', (to: string) => !['tools', 'policy', 'agent', 'routes', 'http'].includes(to)],
    ['tools', (to: string) => !['policy', 'agent', 'routes', 'http'].includes(to)],
    ['policy', (to: string, typeOnly: boolean) => !['agent', 'routes', 'http'].includes(to) && (to !== 'tools' || typeOnly)],
  ] as const) {
    for (const file of sourceFiles(join(SRC, layer))) {
      for (const { target, typeOnly } of importsOf(file)) {
        if (!target.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), target));
        if (!rule(to, typeOnly)) problems.push(`${relative(SRC, file)} imports ${target}${typeOnly ? ' (types)' : ''}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
