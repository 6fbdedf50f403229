/**
 * Computes public-holiday years ahead, in a worker thread, into the disk cache (cache.ts), so that the main
 * thread, which answers every workspace, never computes one (a Chinese-calendar year takes 25–35 ms there, plus
 * 100 ms to load date-holidays the first time). The Slack process warms every contract's regions at start-up,
 * each new contract's as it is added, and again hourly (the horizon moves with the clock).
 *
 * The years warmed are those a request may reach: HORIZON_YEARS either side of now, and one more each side
 * (a deadline near the horizon's end may run into the next year), nearest first. Batches run one at a time in
 * a fresh worker that exits when done (date-holidays' tables are not kept in memory between batches).
 */
import { Worker } from 'node:worker_threads';
import { HORIZON_YEARS } from '../answers/horizon.js';
import { type HolidayDiskCache, MAX_CACHED_YEARS } from './cache.js';

export interface HolidayRegion {
  country: string;
  subdivision?: string;
}

/** What one batch is given (the worker's workerData). */
export interface WarmJob {
  root: string;
  fingerprint: string;
  regions: (HolidayRegion & { years: number[] })[];
  max: number;
}

export interface WarmResult {
  /** years computed and written */
  computed: number;
  /** years the worker found usable on disk */
  present: number;
  /** regions it could not compute, with why */
  failed: string[];
  /** the worker's CPU time, in milliseconds */
  cpuMs: number;
}

export interface HolidayWarmer {
  /** computes, off the main thread, the horizon's years of each region that are not on disk yet */
  warm(regions: HolidayRegion[], now: Date): Promise<WarmResult>;
  /** resolves when no batch is queued or running */
  idle(): Promise<void>;
  /** waits for the running batch to be stopped; later calls to warm do nothing */
  stop(): Promise<void>;
}

/** The years a request may reach around `now`, nearest first. */
export function horizonYears(now: Date): number[] {
  const year = now.getUTCFullYear();
  const years = [year];
  for (let d = 1; d <= HORIZON_YEARS + 1; d++) years.push(year + d, year - d);
  return years;
}

const NOTHING: WarmResult = { computed: 0, present: 0, failed: [], cpuMs: 0 };
/** The worker needs no more (date-holidays and one region's tables); a bound keeps a surprise from growing. */
const WORKER_HEAP_MB = 128;

/**
 * A worker running worker.ts: the compiled file under dist, or, where the source runs (tsx, vitest), the
 * TypeScript file through tsx's loader, which a worker does not inherit from its parent on Node 20.
 */
function startWorker(job: WarmJob): Worker {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), options);
  // tsx's ES module API (its CommonJS one registers hooks that cannot find their files from a worker)
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { ...options, eval: true });
}

export function holidayWarmer(cache: HolidayDiskCache, options: { max?: number } = {}): HolidayWarmer {
  let queue: Promise<unknown> = Promise.resolve();
  let running: Worker | undefined;
  let stopped = false;

  const batch = (regions: HolidayRegion[], now: Date): Promise<WarmResult> => {
    if (stopped) return Promise.resolve(NOTHING);
    const years = horizonYears(now);
    const seen = new Set<string>();
    const todo: WarmJob['regions'] = [];
    for (const { country, subdivision } of regions) {
      const key = `${country}/${subdivision ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // a stat per year: when every file is there, no worker starts (an hourly re-warm then costs ~1 ms)
      const missing = years.filter((y) => !cache.has(country, subdivision, y));
      if (missing.length > 0) todo.push({ country, ...(subdivision ? { subdivision } : {}), years: missing });
    }
    if (todo.length === 0) return Promise.resolve(NOTHING);
    const job: WarmJob = {
      root: cache.root,
      fingerprint: cache.fingerprint,
      regions: todo,
      max: options.max ?? MAX_CACHED_YEARS,
    };
    return new Promise<WarmResult>((resolve, reject) => {
      const worker = startWorker(job);
      running = worker;
      let result: WarmResult | undefined;
      worker.once('message', (message: WarmResult) => {
        result = message;
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        running = undefined;
        if (result) resolve(result);
        else reject(new Error(`the holiday worker stopped (exit ${code}) before it finished`));
      });
    });
  };

  return {
    warm(regions, now) {
      // begun after the caller's turn (a request that added a contract finishes first), one batch at a time
      const next = queue.then(() =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => batch(regions, now)),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    idle: () => queue.then(() => undefined),
    async stop() {
      stopped = true;
      await running?.terminate();
    },
  };
}
