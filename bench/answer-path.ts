/**
 * The conversation path alone: what answering one `/support` text costs without HTTP, Bolt or Block Kit, so
 * that bench/http.ts's CPU per request can be split into "the answer" and "everything around it".
 *
 * The same command mix as bench/http.ts (bench/_load.ts, BENCH_TEXTS replaces it), from 100 seeded workspaces
 * of a SQLite file (10 cases each), answered by `handleText` as the Slack listener calls it, one after another;
 * 2,400 answers to warm up, then ROUNDS rounds of 12,000. Reports per round the wall and CPU time per answer and
 * the time spent in the store's methods (timed from the caller, so including Kysely's building and compiling);
 * per text, the mean wall time. No target of its own: issue 15's 0.4 ms is for the whole request.
 *
 *   npx tsx bench/answer-path.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleText } from '../src/conversation/handle.js';
import { openRuntime } from '../src/conversation/runtime.js';
import { openStore, type Store } from '../src/store/index.js';
import { seedLoad } from '../src/store/seed.js';
import { TEXTS } from './_load.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_ROUND = 12_000;
const WORKSPACES = 100;

/** Wraps every store method to add its wall time (from the caller's side) to `spent`. */
function timed(store: Store, spent: { ms: number; calls: number }): void {
  const methods = store as unknown as Record<string, unknown>;
  for (const [name, method] of Object.entries(methods)) {
    if (typeof method !== 'function' || name === 'close' || name === 'transaction') continue;
    const call = method as (...args: unknown[]) => Promise<unknown>;
    methods[name] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await call(...args);
      } finally {
        spent.ms += performance.now() - start;
        spent.calls += 1;
      }
    };
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'entitlebot-answer-path-'));
  try {
    const path = join(dir, 'bench.db');
    const seeding = await openStore(path);
    await seedLoad(seeding, { workspaces: WORKSPACES, cases: WORKSPACES * 10, now: Date.now() });
    await seeding.close();
    const deps = await openRuntime({ databasePath: path, search: 'eager', holidayCache: null });
    const spent = { ms: 0, calls: 0 };
    timed(deps.store, spent);
    const perText = new Map<string, { ms: number; n: number }>();
    const answer = async (i: number, record: boolean) => {
      const text = TEXTS[i % TEXTS.length]!;
      const start = performance.now();
      await handleText(
        deps,
        {
          workspaceId: `TSEED${i % WORKSPACES}`,
          channelId: 'C1',
          userId: 'U1',
          userZone: 'Asia/Taipei',
          now: new Date(),
          via: 'command',
        },
        text,
      );
      if (!record) return;
      const entry = perText.get(text) ?? { ms: 0, n: 0 };
      entry.ms += performance.now() - start;
      entry.n += 1;
      perText.set(text, entry);
    };
    for (let i = 0; i < 2_400; i++) await answer(i, false);
    console.log(`${TEXTS.length} texts, ${WORKSPACES} workspaces; load average ${loadavg()[0]!.toFixed(1)}`);
    console.log('| round | wall µs / answer | CPU µs / answer | store µs / answer (calls) |');
    console.log('| ---: | ---: | ---: | ---: |');
    for (let round = 1; round <= ROUNDS; round++) {
      spent.ms = 0;
      spent.calls = 0;
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < PER_ROUND; i++) await answer(i, true);
      const wall = ((performance.now() - start) * 1000) / PER_ROUND;
      const used = process.cpuUsage(cpu);
      const cpuUs = (used.user + used.system) / PER_ROUND;
      const storeUs = (spent.ms * 1000) / PER_ROUND;
      console.log(
        `| ${round} | ${wall.toFixed(0)} | ${cpuUs.toFixed(0)} | ${storeUs.toFixed(0)} (${(spent.calls / PER_ROUND).toFixed(1)}) |`,
      );
    }
    console.log('\nmean wall time per text, all rounds:');
    for (const [text, { ms, n }] of [...perText].sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n)) {
      console.log(`  ${((ms * 1000) / n).toFixed(0).padStart(5)} µs  ${text}`);
    }
    console.log(
      `machine: ${cpus().length} cores, node ${process.version}, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    await deps.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
