/**
 * The holiday warmer's worker thread (started by warm.ts with a WarmJob as its workerData): loads date-holidays,
 * computes each asked region's years that the disk cache lacks or cannot use, writes them, prunes the cache and
 * posts a WarmResult. It runs beside the main thread, which keeps answering meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkHolidayRegion, computeLibraryHolidays } from '../rules/index.js';
import { openHolidayCache } from './cache.js';
import type { WarmJob, WarmResult } from './warm.js';

const job = workerData as WarmJob;
const started = process.cpuUsage();
const cache = openHolidayCache(job.root, { fingerprint: job.fingerprint });
const result: WarmResult = { computed: 0, present: 0, failed: [], cpuMs: 0 };
for (const { country, subdivision, years } of job.regions) {
  try {
    // a region date-holidays does not know gets no files (so the cache never vouches for it)
    checkHolidayRegion(country, subdivision);
    for (const year of years) {
      if (cache.read(country, subdivision, year)) {
        result.present++;
        continue;
      }
      cache.write(country, subdivision, year, computeLibraryHolidays(country, subdivision, year));
      result.computed++;
    }
  } catch (error) {
    result.failed.push(`${country}${subdivision ? `-${subdivision}` : ''}: ${(error as Error).message}`);
  }
}
cache.prune(job.max);
const used = process.cpuUsage(started);
result.cpuMs = (used.user + used.system) / 1000;
parentPort?.postMessage(result);
