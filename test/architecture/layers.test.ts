import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer order of lib/ (README, design notes): each folder imports only folders of its own layer or to
 * its left, and no two folders import each other, directly or through others. A new folder must be
 * placed here, so the order stays a decision and not an accident.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model', 'aws'],
  ['snapshot'],
  ['collect', 'collectors', 'checks'],
  ['scan', 'report'],
  ['store', 'evidence', 'digest', 'config', 'securityhub'],
  ['pipeline', 'docs'],
  ['cli'],
];
const RANK = new Map(LAYERS.flatMap((folders, rank) => folders.map((f) => [f, rank] as const)));

const LIB = resolve(import.meta.dirname, '../../lib');
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const folderOf = (file: string): string => relative(LIB, file).split('/')[0] ?? '';

/** Folder-level import edges of lib/: from -> to -> one example `file -> import` for the message. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? '');
      if (!target.startsWith(LIB + '/')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(LIB, file)} -> ${match[1]}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

describe('lib/ layers', () => {
  const graph = folderGraph();

  it('places every folder of lib/ in a layer', () => {
    const folders = readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !RANK.has(f)), 'folders missing from LAYERS').toEqual([]);
  });

  it('imports only from its own layer or layers to its left', () => {
    const upward: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, example] of edges) {
        if ((RANK.get(to) ?? Infinity) > (RANK.get(from) ?? -1)) upward.push(`${from} imports ${to} (${example})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      for (const next of graph.get(node)?.keys() ?? []) {
        const at = path.indexOf(next);
        if (at >= 0) cycles.push([...path.slice(at), next].join(' -> '));
        else visit(next, [...path, next]);
      }
    };
    for (const start of graph.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });

  it('detects an upward import and a cycle (the rules are not vacuous)', () => {
    expect(RANK.get('checks')).toBeLessThan(RANK.get('scan') ?? 0);
    expect(graph.get('scan')?.has('checks')).toBe(true);
    expect(graph.get('checks')?.has('scan') ?? false).toBe(false);
  });
});
