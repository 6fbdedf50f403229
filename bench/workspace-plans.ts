/**
 * What a workspace's own plans cost (issue 14): every request now asks the store for its workspace's plan
 * revision, and a workspace with imports answers from its own Knowledge (shipped merged with its plans), built
 * once per change. Side by side in one run, interleaved so that load drift hits all three alike:
 *   A  shipped Knowledge only (no resolver: the code before issue 14)
 *   B  the resolver, workspace without imports (one indexed SQL read, then the shipped Knowledge)
 *   C  the resolver, workspace with the worked example imported (cache hit)
 * each answering "sla p1 gold" through handleText; then the cold build of C's Knowledge (the first request after
 * an import), `plan check` of the worked example and `plan scaffold` of the Jamf document.
 * Run: `npx tsx bench/workspace-plans.ts` (or `npm run bench -- workspace`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleText } from '../src/conversation/handle.js';
import type { ConversationDeps } from '../src/conversation/types.js';
import { storeWorkspaceKnowledge } from '../src/conversation/workspace-knowledge.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { buildWorkspaceKnowledge } from '../src/knowledge/workspace.js';
import { checkPlan } from '../src/plans/check.js';
import { importPlan } from '../src/plans/import.js';
import { scaffoldPlan } from '../src/plans/scaffold.js';
import { openStore } from '../src/store/index.js';

const ROUNDS = 400;
const NOW = new Date(Date.UTC(2026, 2, 2, 9, 0));
const dir = mkdtempSync(join(tmpdir(), 'entitlebot-bench-plans-'));
const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url));

const percentile = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s.at(-1) ?? Number.NaN };
};
const f = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`;

try {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${cpus().length} cores, node ${process.version}`,
  );
  const knowledge = loadKnowledge();
  const store = await openStore(join(dir, 'bench.db'), { now: () => NOW.getTime() });
  const planBytes = read('docs/examples/larkspur.yml');
  const docBytes = read('docs/examples/larkspur-support-policy.txt');
  const imported = await importPlan({
    store,
    knowledge,
    workspaceId: 'TIMPORT',
    planFile: 'larkspur.yml',
    planBytes,
    docFile: 'larkspur-support-policy.txt',
    docBytes,
    importedBy: null,
  });
  if (!imported.ok) throw new Error('the worked example did not import');
  for (const ws of ['TSHIPPED', 'TPLAIN', 'TIMPORT']) {
    await store.addContract(ws, {
      vendor: 'jamf',
      plan: 'gold',
      addons: [],
      name: null,
      customerType: null,
      region: null,
      zone: 'Europe/Berlin',
      holidays: null,
      hours: null,
      startDate: null,
      endDate: null,
      amounts: {},
    });
  }
  const base = { store, knowledge, search: undefined, clock: { now: () => NOW } };
  const a: ConversationDeps = base;
  const resolver: ConversationDeps = { ...base, workspaceKnowledge: storeWorkspaceKnowledge(store, knowledge) };
  const ask = async (deps: ConversationDeps, ws: string) => {
    const t = performance.now();
    const r = await handleText(
      deps,
      { workspaceId: ws, channelId: 'C1', userId: 'U1', now: NOW, via: 'console', userZone: 'Europe/Berlin' },
      'sla p1 gold',
    );
    const elapsed = performance.now() - t;
    if (r.answer.kind !== 'sla') throw new Error(`expected an sla answer, got ${r.answer.kind}`);
    return elapsed;
  };
  // warm-up: JIT, calendars, C's Knowledge built once
  for (let i = 0; i < 30; i++) {
    await ask(a, 'TSHIPPED');
    await ask(resolver, 'TPLAIN');
    await ask(resolver, 'TIMPORT');
  }
  const samples = { A: [] as number[], B: [] as number[], C: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    samples.A.push(await ask(a, 'TSHIPPED'));
    samples.B.push(await ask(resolver, 'TPLAIN'));
    samples.C.push(await ask(resolver, 'TIMPORT'));
  }
  const A = stats(samples.A);
  console.log(`\n"sla p1 gold" through handleText, ${ROUNDS} interleaved rounds:`);
  for (const [name, label] of [
    ['A', 'shipped only (no resolver)'],
    ['B', 'resolver, no imports'],
    ['C', 'resolver, imported plan (cached)'],
  ] as const) {
    const s = stats(samples[name]);
    console.log(
      `  ${name} ${label.padEnd(34)} p50 ${f(s.p50)} (${(s.p50 / A.p50).toFixed(2)}× A)  p99 ${f(s.p99)}  max ${f(s.max)}`,
    );
  }

  const stored = await store.listWorkspacePlans('TIMPORT');
  const cold: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    buildWorkspaceKnowledge(knowledge, stored);
    cold.push(performance.now() - t);
  }
  const c = stats(cold);
  console.log(`\ncold build of a workspace Knowledge (30 runs): p50 ${f(c.p50)}  max ${f(c.max)}`);

  const checks: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const r = checkPlan({
      planFile: 'larkspur.yml',
      planBytes,
      docFile: 'larkspur-support-policy.txt',
      docBytes,
      knowledge,
    });
    checks.push(performance.now() - t);
    if (r.problems.length) throw new Error('the worked example should check clean');
  }
  const k = stats(checks);
  console.log(`plan check of the worked example (20 runs): p50 ${f(k.p50)}  max ${f(k.max)}`);

  const jamf = read('knowledge/sources/jamf-support.zh-TW.txt');
  const scaffolds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    scaffoldPlan('jamf-support.zh-TW.txt', jamf);
    scaffolds.push(performance.now() - t);
  }
  const s = stats(scaffolds);
  console.log(`plan scaffold of the Jamf document (20 runs): p50 ${f(s.p50)}  max ${f(s.max)}`);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
