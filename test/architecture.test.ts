/**
 * The layout's rules (docs/architecture.md), checked on the source itself: imports point one way, Slack and
 * SQL stay in their rooms, the rules core stays pure. A new import that breaks one fails here, naming it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  from: string;
  spec: string;
  /** the file it resolves to, for a relative import */
  target?: string;
  /** `import(…)` at run time, not at load */
  dynamic: boolean;
}

const STATIC = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

const imports: Import[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const [re, dynamic] of [
    [STATIC, false],
    [DYNAMIC, true],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? '';
      const target = spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.js$/, '.ts') : undefined;
      found.push({ from: file, spec, target, dynamic });
    }
  }
  return found;
});

const rel = (file: string) => relative(SRC, file);
/** The top-level folder of a source file ("slack", "answers" …), or the file name for src/*.ts. */
const folderOf = (file: string) => rel(file).split('/')[0] ?? '';

describe('the layout', () => {
  it('finds the source', () => {
    expect(imports.length).toBeGreaterThan(300);
  });

  it('keeps @slack/* inside src/slack', () => {
    const leaks = imports.filter((i) => i.spec.startsWith('@slack/') && folderOf(i.from) !== 'slack');
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('speaks SQL only in src/store', () => {
    const leaks = imports.filter((i) => /^(better-sqlite3|pg|kysely)/.test(i.spec) && folderOf(i.from) !== 'store');
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('keeps the rules core pure: only its own files and its date libraries', () => {
    const allowed = /^(luxon|zod|date-holidays|node:module)$/;
    const leaks = imports.filter(
      (i) => folderOf(i.from) === 'rules' && (i.target ? folderOf(i.target) !== 'rules' : !allowed.test(i.spec)),
    );
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('keeps the model to plain types', () => {
    const leaks = imports.filter((i) => folderOf(i.from) === 'model' && (!i.target || folderOf(i.target) !== 'model'));
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('has no cycle between folders (imports point one way)', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.target || i.dynamic) continue;
      const a = folderOf(i.from);
      const b = folderOf(i.target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(b);
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between files', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.target || i.dynamic) continue;
      const a = rel(i.from);
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(rel(i.target));
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('names files in kebab-case', () => {
    const bad = sourceFiles(SRC)
      .map(rel)
      .filter((f) => !/^[a-z0-9-]+(\/[a-z0-9-]+)*(\.d)?\.ts$/.test(f));
    expect(bad).toEqual([]);
  });
});

/** Every cycle found by a depth-first walk, as "a → b → a". */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}
