/**
 * The load generator of the HTTP benchmarks (bench/http.ts, bench/instances.ts): signed `/support` commands from
 * the seeded workspaces, sent open loop at a fixed rate, each request's latency counted from its scheduled send
 * time. Also what they read of an app process (CPU, memory) from /proc.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../test/support/built-cli.js';
import { signRequest, slashCommandBody } from '../test/support/signed-request.js';

export { freePort } from '../test/support/free-port.js';

/** the seeded workspaces the commands come from (seedLoad's TSEED0 … TSEED999) */
export const WORKSPACES = 1_000;
export const SIGNING_SECRET = 'bench-signing-secret';
const DEFAULT_TEXTS = [
  'help',
  'sla p1 gold',
  'sla sev a unified',
  'due p1',
  'due b unified at 2026-03-06 16:00',
  'fee flex 250000',
  'fee cancel 2026-12-20 notice 2026-12-07 amount 5000',
  'price gold education',
  'quota',
  'contract',
  'what is a CSM',
  'sal p1',
];
/** BENCH_TEXTS="help|sla p1 gold" replaces the mix (to see what one kind of question costs) */
export const TEXTS = process.env.BENCH_TEXTS ? process.env.BENCH_TEXTS.split('|') : DEFAULT_TEXTS;

/** The environment of an app process under load: OAuth mode against the fake Web API on `port`, nothing inherited. */
export function appEnv(apiUrl: string, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'bench-client-secret',
    SLACK_STATE_SECRET: 'bench-state-secret',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'error',
  };
}

/** CPU time (user + system) the process has used, in ms (/proc/<pid>/stat counts clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

// idle pooled sockets are closed by the client after 4 s, before the server's 5 s keep-alive timeout closes
// them under a request (a race that shows up as ECONNRESET, a client artefact rather than an app error)
export const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
let sequence = 0;

export interface Prepared {
  body: string;
  headers: Record<string, string>;
}

/** A signed slash command, unique (trigger id), from one of the seeded workspaces and 200 users. */
export function prepareCommand(responseUrl: string): Prepared {
  sequence += 1;
  const body = slashCommandBody({
    text: TEXTS[sequence % TEXTS.length]!,
    teamId: `TSEED${sequence % WORKSPACES}`,
    userId: `U${sequence % 200}`,
    channelId: `CSEED${sequence % 50}`,
    responseUrl,
    triggerId: `${sequence}.${Date.now()}`,
  });
  return { body, headers: signRequest(SIGNING_SECRET, body, 'form').headers };
}

/**
 * Sends one prepared request; resolves with the latency in ms, or an error description. The latency counts from
 * `scheduledAt` (the moment the open-loop schedule says the request goes out), not from when the generator got
 * round to sending it: a stalled app or generator delays sending, and that delay is part of what an asker waits
 * (coordinated omission otherwise hides it).
 */
export function send(
  port: number,
  prepared: Prepared,
  scheduledAt = performance.now(),
): Promise<{ ms: number } | { error: string }> {
  const started = scheduledAt;
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: prepared.headers,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return resolve({ error: `HTTP ${res.statusCode}` });
          if (!text.includes('"blocks"')) return resolve({ error: `no answer in the response: ${text.slice(0, 80)}` });
          resolve({ ms });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error: error.message }));
    req.end(prepared.body);
  });
}

export async function waitReady(port: number, child: ChildProcess, responseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const r = await send(port, prepareCommand(responseUrl));
    if ('ms' in r) return;
    if (Date.now() > deadline) throw new Error(`the app did not answer within a minute: ${r.error}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runRate(port: number | number[], rate: number, seconds: number, responseUrl: string) {
  const total = Math.round(rate * seconds);
  // signed before the clock starts, so that the generator does as little as possible while it runs
  const prepared = Array.from({ length: total }, () => prepareCommand(responseUrl));
  return runSchedule(port, rate, prepared);
}

/**
 * Sends `prepared` at `rate` a second (open loop); latency of each from its scheduled time. Given several ports,
 * the requests go to each in turn (round robin, as a load balancer would spread them).
 */
export async function runSchedule(port: number | number[], rate: number, prepared: Prepared[]) {
  const ports = Array.isArray(port) ? port : [port];
  const total = prepared.length;
  const interval = 1000 / rate;
  const each: number[] = new Array(total).fill(Number.NaN);
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = start + sent * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, Math.floor(wait)));
    // send everything that is due now (a late timer sends a small burst, as real traffic does)
    while (sent < total && start + sent * interval <= performance.now()) {
      const index = sent;
      const next = prepared[index]!;
      sent += 1;
      pending.push(
        send(ports[index % ports.length]!, next, start + index * interval).then((r) => {
          if ('ms' in r) {
            latencies.push(r.ms);
            each[index] = r.ms;
          } else errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
        }),
      );
    }
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    rate,
    sent: total,
    each,
    /** the generator's own CPU (this process), as a share of one core over the phase */
    generatorCpu: (cpu.user + cpu.system) / 1000 / (elapsed * 1000),
    achieved: total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    errors: [...errors.values()].reduce((a, b) => a + b, 0),
    errorKinds: [...errors.entries()].map(([k, n]) => `${k} ×${n}`),
  };
}

/** The node flags `npm start` runs the app with (package.json), so that the bench measures what users run. */
export const START_NODE_ARGS = splitArgs(
  /^node\s+(.*?)\s*dist\/(?:bundle\/)?cli\.js/.exec(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start,
  )?.[1] ?? '',
);

export function splitArgs(text: string): string[] {
  return text.split(' ').filter(Boolean);
}
