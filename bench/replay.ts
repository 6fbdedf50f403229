/**
 * Replay-guard benchmark: what remembering each accepted request signature costs per request, in memory (the
 * old `SeenSignatures`) and in the store (`storedSignatures`: one indexed insert into `seen_once` on a WAL file,
 * shared by every process and kept across restarts), side by side in one run: rounds alternate, each offers
 * 20,000 new signatures (one request each) at 500 a second of simulated time, then 2,000 replays.
 * Reports µs per request (median and spread over the rounds) and the rows the table holds after pruning.
 * Run: `npx tsx bench/replay.ts` (or `npm run bench`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeenSignatures, storedSignatures } from '../src/slack/receiver.js';
import { openStore } from '../src/store/index.js';
import { databaseOf } from '../src/store/internal.js';

const ROUNDS = 5;
const PER_ROUND = 20_000;
const RATE = 500;
const dir = mkdtempSync(join(tmpdir(), 'entitlebot-bench-replay-'));
const store = await openStore(join(dir, 'replay.db'));
const kinds = {
  memory: new SeenSignatures(),
  store: storedSignatures(store),
};
let clock = Date.UTC(2026, 2, 2, 9, 0);

async function round(guard: {
  accept(s: string, t: number, n: number): Promise<boolean>;
}): Promise<{ newUs: number; replayUs: number }> {
  const sigs = Array.from({ length: PER_ROUND }, () => `v0=${randomBytes(32).toString('hex')}`);
  const t0 = performance.now();
  for (const sig of sigs) {
    clock += 1000 / RATE;
    if (!(await guard.accept(sig, Math.floor(clock / 1000), clock))) throw new Error('a new signature was refused');
  }
  const t1 = performance.now();
  for (const sig of sigs.slice(-2_000)) {
    if (await guard.accept(sig, Math.floor(clock / 1000), clock)) throw new Error('a replay was accepted');
  }
  const t2 = performance.now();
  return { newUs: ((t1 - t0) * 1000) / PER_ROUND, replayUs: ((t2 - t1) * 1000) / 2_000 };
}

const results: Record<string, { newUs: number[]; replayUs: number[] }> = {
  memory: { newUs: [], replayUs: [] },
  store: { newUs: [], replayUs: [] },
};
await round(kinds.memory); // warm-up, not counted
await round(kinds.store);
for (let i = 0; i < ROUNDS; i++) {
  for (const name of ['memory', 'store'] as const) {
    const r = await round(kinds[name]);
    results[name]!.newUs.push(r.newUs);
    results[name]!.replayUs.push(r.replayUs);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(2)} µs (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(
  `${cpus().length} cpus, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${ROUNDS} rounds`,
);
for (const name of ['memory', 'store'] as const) {
  console.log(
    `${name.padEnd(6)}  new signature ${fmt(results[name]!.newUs)}   replay refused ${fmt(results[name]!.replayUs)}`,
  );
}
console.log(
  `store / memory, new signature: ${(median(results.store!.newUs) / median(results.memory!.newUs)).toFixed(1)}×`,
);
const rows = databaseOf(store).prepare('SELECT count(*) FROM seen_once').pluck().get() as number;
console.log(
  `seen_once rows after ${(ROUNDS + 1) * PER_ROUND} requests to the store: ${rows} (expired ones pruned once a minute)`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
