/**
 * Search benchmark: how long start-up takes (loading the glossary and clauses, building the index, cold
 * in a fresh process) and how fast questions are answered (p50/p99 of `search` and `lookup` over the
 * quality set's questions, labelled and out-of-scope), plus the quality figures themselves.
 * Targets (issue 3): index built in under 300 ms; p99 query latency under 1 ms.
 * Run: `npx tsx bench/search.ts` (or `npm run bench`, which runs every benchmark).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { loadClauses } from '../src/knowledge/corpus.js';
import { loadTerms } from '../src/knowledge/terms.js';
import { buildSearchIndex } from '../src/search/index.js';
import { LABELLED_QUERIES, OUT_OF_SCOPE } from '../test/search/queries.js';

const BUILD_TARGET_MS = 300;
const P99_TARGET_MS = 1;
const ROUNDS = 30;

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`;

// ---- start-up, cold ----
const [terms, loadTermsMs] = time(() => loadTerms());
const [clauses, loadClausesMs] = time(() => loadClauses());
const [search, buildMs] = time(() => buildSearchIndex({ terms, clauses }));
const warmBuilds: number[] = [];
for (let i = 0; i < 5; i++) warmBuilds.push(time(() => buildSearchIndex({ terms, clauses }))[1]);
warmBuilds.sort((a, b) => a - b);

// ---- quality ----
let top1 = 0;
let top3 = 0;
for (const { q, expect } of LABELLED_QUERIES) {
  const r = search.lookup(q, { limit: 3 });
  const ids = r.status === 'found' ? [r.best, ...r.others].map((h) => h.id) : [];
  if (ids[0] === expect) top1++;
  if (ids.slice(0, 3).includes(expect)) top3++;
}
const notCovered = OUT_OF_SCOPE.filter((q) => search.lookup(q).status === 'not-covered').length;

// ---- latency ----
// Wall-clock time per call, after three warm-up rounds. (process.cpuUsage is no help here: it counts
// every thread of the process, garbage-collector helpers included.)
const questions = [...LABELLED_QUERIES.map((l) => l.q), ...OUT_OF_SCOPE];
function latencies(f: (q: string) => unknown): number[] {
  for (let round = 0; round < 3; round++) for (const q of questions) f(q);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const q of questions) samples.push(time(() => f(q))[1]);
  return samples.sort((a, b) => a - b);
}
const searchTimes = latencies((q) => search.search(q));
const lookupTimes = latencies((q) => search.lookup(q));

// ---- report ----
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `node ${process.version}, ${availableParallelism()} cores (${cpu}), load average ${loadavg()[0]?.toFixed(1)}`,
);
console.log(`index: ${search.size.terms} terms + ${search.size.clauses} clauses`);
console.log('');
console.log('| start-up (cold, one process)        | time       |');
console.log('|-------------------------------------|-----------:|');
console.log(`| load glossary (YAML + zod)          | ${ms(loadTermsMs).padStart(10)} |`);
console.log(`| split sources into clauses          | ${ms(loadClausesMs).padStart(10)} |`);
console.log(`| build index (first build)           | ${ms(buildMs).padStart(10)} |`);
console.log(`| build index (median of 5 rebuilds)  | ${ms(percentile(warmBuilds, 0.5)).padStart(10)} |`);
console.log('');
console.log(`| query latency (${questions.length} questions × ${ROUNDS}) | p50        | p99        | max        |`);
console.log('|------------------------------------|-----------:|-----------:|-----------:|');
for (const [name, t] of [
  ['search', searchTimes],
  ['lookup', lookupTimes],
] as const) {
  console.log(
    `| ${name.padEnd(34)} | ${ms(percentile(t, 0.5)).padStart(10)} | ${ms(percentile(t, 0.99)).padStart(10)} | ${ms(t.at(-1) ?? 0).padStart(10)} |`,
  );
}
console.log('');
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
console.log(
  `quality: top-1 ${top1}/${LABELLED_QUERIES.length} (${pct(top1, LABELLED_QUERIES.length)}), ` +
    `top-3 ${top3}/${LABELLED_QUERIES.length} (${pct(top3, LABELLED_QUERIES.length)}), ` +
    `not-covered ${notCovered}/${OUT_OF_SCOPE.length}`,
);
const p99 = Math.max(percentile(searchTimes, 0.99), percentile(lookupTimes, 0.99));
console.log(
  `targets: first build < ${BUILD_TARGET_MS} ms ${buildMs < BUILD_TARGET_MS ? 'met' : 'NOT met'}; ` +
    `p99 < ${P99_TARGET_MS} ms ${p99 < P99_TARGET_MS ? 'met' : 'NOT met'}`,
);
