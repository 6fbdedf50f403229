/**
 * Start-up benchmark: `entitlebot ask "due p1 silver"` end to end (spawn → exit) against `node -e 0` in the same
 * run, interleaved (node, ask, ask …) so that all meet the same load on a shared machine. The ask runs the built
 * CLI (the bundle) as the `entitlebot` binary does (no node flags), each round once on a fresh SQLite file (the
 * database created and migrated, as on a first use) and once on a database in use (the usual ask), and once more
 * with `npm start`'s heap flags (sized for the long-running Slack process; shown for comparison). Also: a glossary
 * question, and the same without the saved knowledge and search index (the first start after a change to
 * knowledge/).
 * Target (issue 15): the ask at most 3× `node -e 0` (median of the rounds), reported for both databases.
 *
 *   npx tsx bench/startup.ts            # 10 rounds
 *   BENCH_ROUNDS=20 npx tsx bench/startup.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureBuilt, ROOT } from '../test/support/built-cli.js';
import { START_NODE_ARGS } from './_load.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const TARGET_RATIO = 3;
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { ms, stdout: child.stdout };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
const spread = (xs: number[]) => `${sorted(xs)[0]?.toFixed(0)}–${sorted(xs).at(-1)?.toFixed(0)} ms`;

async function main() {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'entitlebot-startup-'));
  // as the `entitlebot` binary runs (its `#!/usr/bin/env node` line: no node flags), or with npm start's flags
  const ask = (round: string, flags: readonly string[] = []) => [
    ...flags,
    CLI,
    'ask',
    '--db',
    join(dir, `${round}.db`),
    '--now',
    '2026-03-02T09:00:00+01:00',
    'due p1 silver',
  ];
  try {
    timed(ask('warm')); // writes the saved knowledge if it was missing, so the rounds measure the usual start
    const node: number[] = [];
    const cli: number[] = [];
    const inUse: number[] = [];
    const withFlags: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      node.push(timed(['-e', '0']).ms);
      cli.push(timed(ask(`r${i}`)).ms);
      // the usual ask after the first: the database exists and is at the current schema
      inUse.push(timed(ask('warm')).ms);
      withFlags.push(timed(ask('warm', START_NODE_ARGS)).ms);
    }
    const ratios = cli.map((ms, i) => ms / (node[i] ?? Number.NaN));
    const inUseRatios = inUse.map((ms, i) => ms / (node[i] ?? Number.NaN));
    const flagRatios = withFlags.map((ms, i) => ms / (node[i] ?? Number.NaN));
    const perRound = (rs: number[]) => `${sorted(rs)[0]?.toFixed(2)}–${sorted(rs).at(-1)?.toFixed(2)}×`;

    // the first start after knowledge/ changed: no saved knowledge, no saved index (moved aside, then back)
    const saved = ['knowledge.json', 'search-index.v8'].map((f) => join(ROOT, 'data', f));
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const f of saved) if (existsSync(f)) renameSync(f, `${f}.bench-aside`);
      try {
        cold.push(timed([...ask(`cold${i}`).slice(0, -1), 'what is a CSM']).ms);
      } finally {
        for (const f of saved) {
          if (existsSync(`${f}.bench-aside`)) {
            rmSync(f, { force: true });
            renameSync(`${f}.bench-aside`, f);
          }
        }
      }
    }
    const glossary: number[] = [];
    for (let i = 0; i < 3; i++) glossary.push(timed([...ask(`g${i}`).slice(0, -1), 'what is a CSM']).ms);

    console.log(`## Start-up: ${ROUNDS} interleaved rounds`);
    console.log('| command | median | spread | median ÷ `node -e 0` |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| \`node -e 0\` | ${median(node).toFixed(0)} ms | ${spread(node)} | 1.0× |`);
    console.log(
      `| \`entitlebot ask "due p1 silver"\`, new database (created and migrated) | ${median(cli).toFixed(0)} ms | ${spread(cli)} | ${(median(cli) / median(node)).toFixed(2)}× (per round ${perRound(ratios)}) |`,
    );
    console.log(
      `| the same on a database in use | ${median(inUse).toFixed(0)} ms | ${spread(inUse)} | ${(median(inUse) / median(node)).toFixed(2)}× (per round ${perRound(inUseRatios)}) |`,
    );
    console.log(
      `| the same with npm start's node flags (${START_NODE_ARGS.join(' ')}) | ${median(withFlags).toFixed(0)} ms | ${spread(withFlags)} | ${(median(withFlags) / median(node)).toFixed(2)}× (per round ${perRound(flagRatios)}) |`,
    );
    console.log(
      `| \`entitlebot ask "what is a CSM"\` (reads the saved search index), 3 runs | ${median(glossary).toFixed(0)} ms | ${spread(glossary)} | ${(median(glossary) / median(node)).toFixed(1)}× |`,
    );
    console.log(
      `| the same, no saved knowledge or index (validates knowledge/, builds and saves both), 3 runs | ${median(cold).toFixed(0)} ms | ${spread(cold)} | ${(median(cold) / median(node)).toFixed(1)}× |`,
    );
    const ratio = median(cli) / median(node);
    const inUseRatio = median(inUse) / median(node);
    console.log(
      `target: ask ≤ ${TARGET_RATIO}× node -e 0: on a new database ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×), on a database in use ${inUseRatio <= TARGET_RATIO ? 'met' : 'NOT met'} (${inUseRatio.toFixed(2)}×)`,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
