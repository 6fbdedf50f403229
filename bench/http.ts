/**
 * HTTP benchmark: the built app, started as `npm start` starts it (`node <its heap flags> dist/bundle/cli.js`, OAuth mode,
 * real signature verification) on loopback,
 * against a store seeded with 1,000 workspaces and 100,000 cases, answering signed `/support` commands sent
 * at a fixed rate (open loop: requests go out on schedule whether or not earlier ones were answered).
 *
 * Measures: start-up to ready (spawn → first signed request answered); a cold phase right after (first askers of
 * 100 workspaces while users.info is slow, the first glossary question, first deadlines in new years), reported
 * apart from the warm phases, which start only once the reminders due at start have been posted (how long that
 * catch-up took is reported too); p50/p99/max latency from each request's scheduled send time (so that a stall on
 * either side counts) and errors at 100 and 500 requests a second; the app's CPU per request (/proc), its
 * resident memory (VmRSS, VmHWM) and, through bench/_probe.mjs loaded into it with --import, its event-loop delay
 * and live heap per phase; the load generator's own CPU (if it nears a full core, its figures are its own).
 * Targets (issue 15): ready < 0.5 s; no event-loop stall over 50 ms after ready; app CPU ≤ 0.4 ms a request;
 * p99 at 500 req/s ≤ 3× the trivial server's p99 in the same run, no errors; RSS after 500 req/s ≤ 130 MB.
 * A benchmark never fails: it prints which targets were met.
 *
 *   npx tsx bench/http.ts              # 30 s per rate
 *   BENCH_SECONDS=5 npx tsx bench/http.ts
 *   BENCH_COMPARE=1 npx tsx bench/http.ts          # also plain `node` without the heap flags, side by side
 *   BENCH_NODE_ARGS="--max-semi-space-size=8" …    # other node flags instead of `npm start`'s
 *   BENCH_CONFIGS="a=--max-semi-space-size=2;b=--v8-pool-size=1" …  # named node flag sets, side by side
 *   BENCH_RATES=500 BENCH_FLOOR=0 …                # one rate; skip the trivial-server baseline
 *   BENCH_PROFILE_DIR=/tmp/prof …                  # CPU profile of each phase (window-1: start-up, 2: cold,
 *                                                  # 3: warm-up, 4…: the rates), written by bench/_probe.mjs
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/store/index.js';
import { seedLoad } from '../src/store/seed.js';
import { CLI, ensureBuilt, ROOT } from '../test/support/built-cli.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { signRequest, slashCommandBody } from '../test/support/signed-request.js';
import {
  agent,
  appEnv,
  cpuMsOf,
  freePort,
  memoryOf,
  type Prepared,
  runRate,
  runSchedule,
  SIGNING_SECRET,
  START_NODE_ARGS,
  splitArgs,
  WORKSPACES,
  waitReady,
} from './_load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RATES = (process.env.BENCH_RATES ?? '100,500').split(',').map(Number);
const CASES = 100_000;
/** how slowly the fake's users.info answers during the cold phase */
const USERS_INFO_DELAY_MS = Number(process.env.BENCH_USERS_INFO_MS ?? 500);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 15);
/**
 * A trivial Node HTTP server answering every POST with a fixed 3 KB JSON message: the same generator against it
 * shows what this machine and its current load allow, whatever the app does.
 */
const FLOOR_SERVER = `
const body = JSON.stringify({ response_type: 'ephemeral', text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3000) } }] });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'));`;

async function measureFloor(responseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', FLOOR_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  try {
    const results = new Map<number, Awaited<ReturnType<typeof runRate>> & { cpuPerRequest: number }>();
    for (const rate of RATES) {
      const cpuBefore = cpuMsOf(child.pid!);
      const r = await runRate(port, rate, SECONDS, responseUrl);
      results.set(rate, { ...r, cpuPerRequest: (cpuMsOf(child.pid!) - cpuBefore) / r.sent });
    }
    return results;
  } finally {
    child.kill('SIGTERM');
  }
}

interface AppConfig {
  name: string;
  nodeArgs: string[];
}

interface RateResult extends Awaited<ReturnType<typeof runRate>> {
  rssMB: number;
  peakMB: number;
  cpuPerRequest: number;
  probe: Probe;
}

interface Probe {
  maxDelayMs: number;
  p99DelayMs: number;
  usedHeapMB: number;
  totalHeapMB: number;
  externalMB: number;
}

interface ColdResult {
  sent: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  firstGlossaryMs: number;
  newYearMaxMs: number;
  firstAskerMaxMs: number;
  /** event-loop delay from ready to the end of the cold phase and a second of quiet after it */
  probe: Probe;
}

interface ConfigRun {
  config: AppConfig;
  readyMs: number;
  readyRssMB: number;
  /** event-loop delay from spawn to ready (module loading and start-up work; not a target) */
  startProbe: Probe;
  cold: ColdResult;
  results: RateResult[];
  peakMB: number;
  idleRssMB: number;
}

const PROBE_MODULE = join(ROOT, 'bench', '_probe.mjs');

/** Asks the app's probe (bench/_probe.mjs) for the event-loop delay and heap since the previous ask. */
async function probe(child: ChildProcess, file: string): Promise<Probe> {
  const read = () => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Probe & { window: number };
    } catch {
      return undefined;
    }
  };
  const before = read()?.window ?? 0;
  child.kill('SIGUSR2');
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = read();
    if (now && now.window > before) return now;
    if (Date.now() > deadline) throw new Error('the probe in the app did not answer');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const COLD_REQUESTS = 100;
const COLD_RATE = 50;
const GLOSSARY = ['what is a CSM', '什麼是彈性額度', 'what is REDE', '什么是主动服务'];

/**
 * The cold phase, right after ready and before any warm-up: every request comes from a workspace and a user not
 * seen yet (installation read, users.info, the workspace's contract), every fourth is a glossary question (the
 * first one is the first of the process), every fourth asks for a deadline in one of the next five years (the
 * first asker of each year compiles it).
 */
function coldRequests(responseUrl: string): { prepared: Prepared[]; glossary: number[]; newYear: number[] } {
  const prepared: Prepared[] = [];
  const glossary: number[] = [];
  const newYear: number[] = [];
  for (let i = 0; i < COLD_REQUESTS; i++) {
    let text: string;
    if (i % 4 === 0) {
      text = GLOSSARY[(i / 4) % GLOSSARY.length]!;
      glossary.push(i);
    } else if (i % 4 === 1) {
      // the next five years, each first asked here: a year's calendar (with its holidays) is compiled once per
      // calendar and then cached, so the first asker of a year pays for it (and for every year before it that
      // the "business time left" count spans)
      text = `due p1 at ${2027 + (((i - 1) / 4) % 5)}-03-06 16:00`;
      newYear.push(i);
    } else text = i % 4 === 2 ? 'sla p1 gold' : 'due p1';
    const body = slashCommandBody({
      text,
      teamId: `TSEED${WORKSPACES - 1 - i}`,
      userId: `UCOLD${i}`,
      channelId: `CSEED${i % 50}`,
      responseUrl,
      triggerId: `cold${i}.${Date.now()}`,
    });
    prepared.push({ body, headers: signRequest(SIGNING_SECRET, body, 'form').headers });
  }
  return { prepared, glossary, newYear };
}

/**
 * Waits until the app has posted no seeded reminder for two seconds (at most two minutes): the reminders due when
 * it started. Counts those posted since `spawnedAtMs` (epoch ms) and when the last one went out.
 */
async function startupReminders(
  fake: Awaited<ReturnType<typeof startFakeSlack>>,
  spawnedAtMs: number,
): Promise<{ posted: number; lastAfterSpawnMs: number; settled: boolean }> {
  const posts = () =>
    fake
      .callsTo('chat.postMessage')
      .filter((c) => c.at >= spawnedAtMs && /Seed reminder/.test(String(c.params.text ?? '')));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const last = posts().at(-1)?.at ?? spawnedAtMs;
    const settled = Date.now() - last >= 2_000;
    if (settled || Date.now() > deadline) {
      return { posted: posts().length, lastAfterSpawnMs: last - spawnedAtMs, settled };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts the built app with the config's node flags, measures ready time, each rate and memory, stops it. */
async function runConfig(
  config: AppConfig,
  dbPath: string,
  fake: Awaited<ReturnType<typeof startFakeSlack>>,
  responseUrl: string,
): Promise<ConfigRun> {
  console.log(`\n# ${config.name}${config.nodeArgs.length ? ` (${config.nodeArgs.join(' ')})` : ''}`);
  const port = await freePort();
  const probeFile = join(dirname(dbPath), `probe-${port}.json`);
  const cold = coldRequests(responseUrl);
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...config.nodeArgs, '--import', pathToFileURL(PROBE_MODULE).href, CLI], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...appEnv(fake.apiUrl, port),
      DATABASE_PATH: dbPath,
      BENCH_PROBE_FILE: probeFile,
      ...(process.env.BENCH_PROFILE_DIR ? { BENCH_PROFILE_DIR: process.env.BENCH_PROFILE_DIR } : {}),
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    },
  });
  try {
    await waitReady(port, child, responseUrl);
    const readyMs = performance.now() - spawnedAt;
    const atReady = memoryOf(child.pid!);
    const startProbe = await probe(child, probeFile);
    console.log(
      `ready ${readyMs.toFixed(0)} ms after spawn; RSS ${atReady.rssMB.toFixed(1)} MB; ` +
        `longest event-loop stall before ready ${startProbe.maxDelayMs.toFixed(0)} ms; live heap ` +
        `${startProbe.usedHeapMB.toFixed(1)} MB of ${startProbe.totalHeapMB.toFixed(1)} MB`,
    );

    // cold phase: users.info answers slowly, as it sometimes does; a first-time asker should not wait for it
    fake.slowDown('users.info', USERS_INFO_DELAY_MS);
    const c = await runSchedule(port, COLD_RATE, cold.prepared);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    fake.slowDown('users.info', 0);
    const coldProbe = await probe(child, probeFile);
    const at = (indexes: number[]) => Math.max(...indexes.map((i) => c.each[i] ?? Number.NaN));
    const coldResult: ColdResult = {
      sent: c.sent,
      p50: c.p50,
      p99: c.p99,
      max: c.max,
      errors: c.errors,
      firstGlossaryMs: c.each[cold.glossary[0]!] ?? Number.NaN,
      newYearMaxMs: at(cold.newYear),
      firstAskerMaxMs: c.max,
      probe: coldProbe,
    };
    console.log(
      `cold phase (${c.sent} first askers at ${COLD_RATE} req/s, users.info answering after ${USERS_INFO_DELAY_MS} ms): ` +
        `p50 ${c.p50.toFixed(2)} ms, p99 ${c.p99.toFixed(2)} ms, max ${c.max.toFixed(1)} ms, errors ${c.errors}; ` +
        `first glossary question ${coldResult.firstGlossaryMs.toFixed(1)} ms; slowest first deadline in a new year ` +
        `${coldResult.newYearMaxMs.toFixed(1)} ms; longest event-loop stall ${coldProbe.maxDelayMs.toFixed(1)} ms; ` +
        `load generator CPU ${(c.generatorCpu * 100).toFixed(0)} % of a core`,
    );

    // warm-up: JIT, the users.info cache for every asker, every workspace's installation read once
    await runRate(port, 200, Math.min(5, SECONDS), responseUrl);
    // the reminders due at start (seeded as overdue) are a cold path of their own: each posts, updates its case's
    // card and refreshes its owner's Home. The warm phases start once they are out, so that their CPU per request
    // is the requests'; how long the catch-up took is reported beside the cold phase.
    const catchUp = await startupReminders(fake, Date.now() - (performance.now() - spawnedAt));
    console.log(
      `reminders due at start: ${catchUp.posted} posted, the last ${(catchUp.lastAfterSpawnMs / 1000).toFixed(1)} s ` +
        `after spawn${catchUp.settled ? '' : ' (still posting when the bench went on)'}`,
    );
    await probe(child, probeFile);

    const results: RateResult[] = [];
    for (const rate of RATES) {
      const cpuBefore = cpuMsOf(child.pid!);
      const r = await runRate(port, rate, SECONDS, responseUrl);
      const mem = memoryOf(child.pid!);
      // the app's own CPU per request: steadier than latency on a shared machine
      const cpuPerRequest = (cpuMsOf(child.pid!) - cpuBefore) / r.sent;
      const p = await probe(child, probeFile);
      results.push({ ...r, ...mem, cpuPerRequest, probe: p });
      console.log(
        `${rate} req/s for ${SECONDS} s: achieved ${r.achieved.toFixed(0)}/s, p50 ${r.p50.toFixed(2)} ms, ` +
          `p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(1)} ms, errors ${r.errors}` +
          `${r.errorKinds.length ? ` (${r.errorKinds.join(', ')})` : ''}; RSS ${mem.rssMB.toFixed(1)} MB; ` +
          `app CPU ${cpuPerRequest.toFixed(2)} ms per request; live heap ${p.usedHeapMB.toFixed(1)} MB of ` +
          `${p.totalHeapMB.toFixed(1)} MB; longest event-loop stall ${p.maxDelayMs.toFixed(1)} ms; ` +
          `load generator CPU ${(r.generatorCpu * 100).toFixed(0)} % of a core`,
      );
    }
    const finalMem = memoryOf(child.pid!);
    // V8 gives memory back once the process has been idle a while (its memory reducer starts after about 8 s)
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idleMem = memoryOf(child.pid!);
    console.log(`RSS after ${IDLE_SECONDS} s idle: ${idleMem.rssMB.toFixed(1)} MB`);
    if (process.env.BENCH_SMAPS) {
      const smaps = readFileSync(`/proc/${child.pid}/smaps`, 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
      const rows = smaps.map((m) => ({ head: m.split('\n')[0]!, rss: Number(/\nRss:\s+(\d+)/.exec(m)?.[1] ?? 0) }));
      rows.sort((a, b) => b.rss - a.rss);
      for (const r of rows.slice(0, 15)) console.log(`${(r.rss / 1024).toFixed(1)} MB  ${r.head}`);
    }
    return {
      config,
      readyMs,
      readyRssMB: atReady.rssMB,
      startProbe,
      cold: coldResult,
      results,
      peakMB: finalMem.peakMB,
      idleRssMB: idleMem.rssMB,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function report(
  runs: ConfigRun[],
  floor: Map<number, Awaited<ReturnType<typeof runRate>> & { cpuPerRequest: number }>,
): void {
  console.log('');
  console.log(
    '| app | load | sent | p50 ms | p99 ms | max ms | errors | app CPU ms/req | RSS after (MB) | live heap (MB) | trivial server p50 / p99 ms | p99 ÷ trivial p99 | generator CPU (app / trivial) |',
  );
  console.log(
    '| --- | ---: | ---: | -----: | -----: | -----: | -----: | -------------: | -------------: | -------------: | --------------------------: | ----------------: | ----------------------------: |',
  );
  for (const run of runs) {
    const c = run.cold;
    console.log(
      `| ${run.config.name} | cold: ${c.sent} first askers, ${COLD_RATE} req/s | ${c.sent} | ${c.p50.toFixed(2)} | ${c.p99.toFixed(2)} | ${c.max.toFixed(1)} | ${c.errors} | – | – | – | – | – | – |`,
    );
    for (const r of run.results) {
      const f = floor.get(r.rate);
      const floorText = f ? `${f.p50.toFixed(2)} / ${f.p99.toFixed(2)}` : '–';
      const ratio = f ? `${(r.p99 / f.p99).toFixed(1)}×` : '–';
      const gen = `${(r.generatorCpu * 100).toFixed(0)} % / ${f ? `${(f.generatorCpu * 100).toFixed(0)} %` : '–'}`;
      console.log(
        `| ${run.config.name} | ${r.rate} req/s × ${SECONDS} s | ${r.sent} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} | ${r.errors} | ${r.cpuPerRequest.toFixed(2)} | ${r.rssMB.toFixed(1)} | ${r.probe.usedHeapMB.toFixed(1)} | ${floorText} | ${ratio} | ${gen} |`,
      );
    }
  }
  console.log('');
  for (const run of runs) {
    const top = run.results.find((r) => r.rate === 500) ?? run.results.at(-1);
    const f = top ? floor.get(top.rate) : undefined;
    console.log(`${run.config.name}:`);
    console.log(
      `  ready (spawn → first answer): ${run.readyMs.toFixed(0)} ms (target < 500): ${met(run.readyMs < 500)}`,
    );
    console.log(
      `  longest event-loop stall after ready (cold phase + 1 s): ${run.cold.probe.maxDelayMs.toFixed(1)} ms ` +
        `(target ≤ 50): ${met(run.cold.probe.maxDelayMs <= 50)}`,
    );
    console.log(
      `  first-time askers with users.info answering after ${USERS_INFO_DELAY_MS} ms: slowest ${run.cold.firstAskerMaxMs.toFixed(1)} ms ` +
        `(target: not waiting for it, < ${USERS_INFO_DELAY_MS} ms): ${met(run.cold.firstAskerMaxMs < USERS_INFO_DELAY_MS)}`,
    );
    if (top) {
      console.log(
        `  app CPU per request at ${top.rate} req/s: ${top.cpuPerRequest.toFixed(2)} ms (target ≤ 0.4): ${met(top.cpuPerRequest <= 0.4)}` +
          (f ? `; the trivial server's: ${f.cpuPerRequest.toFixed(3)} ms` : ''),
      );
      if (f) {
        console.log(
          `  p99 at ${top.rate} req/s: ${top.p99.toFixed(2)} ms = ${(top.p99 / f.p99).toFixed(1)}× the trivial server's ` +
            `${f.p99.toFixed(2)} ms (target ≤ 3×): ${met(top.p99 <= 3 * f.p99 && top.errors === 0)}`,
        );
      }
      console.log(
        `  RSS after ${top.rate} req/s: ${top.rssMB.toFixed(1)} MB (target ≤ 130): ${met(top.rssMB <= 130)}; ` +
          `live heap ${top.probe.usedHeapMB.toFixed(1)} MB; peak ${run.peakMB.toFixed(1)} MB; at ready ` +
          `${run.readyRssMB.toFixed(1)} MB; ${run.idleRssMB.toFixed(1)} MB after ${IDLE_SECONDS} s idle`,
      );
    }
  }
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

async function main() {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'entitlebot-bench-'));
  const dbPath = join(dir, 'bench.db');
  const seedStarted = performance.now();
  const store = await openStore(dbPath);
  // reminders spread over the next 30 days from now, as in a live workspace: a handful fall due during the run
  const seeded = await seedLoad(store, {
    workspaces: WORKSPACES,
    cases: CASES,
    now: Date.now(),
    spreadMs: 30 * 86_400_000,
  });
  await store.close();
  console.log(
    `seeded ${seeded.workspaceIds.length} workspaces, ${seeded.contracts} contracts, ${seeded.cases} cases, ` +
      `${seeded.reminders} reminders (${seeded.dueNow} due now) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  const fake = await startFakeSlack();
  const responseUrl = fake.responseUrl('bench');
  const floor = process.env.BENCH_FLOOR === '0' ? new Map() : await measureFloor(responseUrl);
  for (const [rate, r] of floor) {
    console.log(
      `trivial server, ${rate} req/s: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, errors ${r.errors}; ` +
        `its CPU ${r.cpuPerRequest.toFixed(3)} ms per request; ` +
        `load generator CPU ${(r.generatorCpu * 100).toFixed(0)} % of a core`,
    );
  }
  const configs: AppConfig[] = [{ name: '`npm start`', nodeArgs: START_NODE_ARGS }];
  if (process.env.BENCH_NODE_ARGS !== undefined) {
    configs[0] = { name: `node ${process.env.BENCH_NODE_ARGS}`, nodeArgs: splitArgs(process.env.BENCH_NODE_ARGS) };
  }
  if (process.env.BENCH_COMPARE === '1') configs.push({ name: 'plain `node` (no heap flags)', nodeArgs: [] });
  // BENCH_CONFIGS="small=--max-semi-space-size=2;pool=--v8-pool-size=1": these instead, in this order
  if (process.env.BENCH_CONFIGS) {
    configs.splice(
      0,
      configs.length,
      ...process.env.BENCH_CONFIGS.split(';').map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0
          ? { name: entry, nodeArgs: [] }
          : { name: entry.slice(0, eq), nodeArgs: splitArgs(entry.slice(eq + 1)) };
      }),
    );
  }
  const runs: ConfigRun[] = [];
  try {
    for (const config of configs) runs.push(await runConfig(config, dbPath, fake, responseUrl));
    report(runs, floor);
  } finally {
    agent.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
