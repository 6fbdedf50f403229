/**
 * Loaded into the app by bench/http.ts (`node --import bench/_probe.mjs …`): on each SIGUSR2 it writes, to the
 * file named by BENCH_PROBE_FILE, the event-loop delay since the previous signal (perf_hooks'
 * monitorEventLoopDelay: how late a 5 ms timer fired, so a stall of the loop shows as its length) and the V8
 * heap (live: after a full collection the probe forces; total: as V8 had sized it before that), then starts a new
 * window (the forced collection's pause falls before the new window starts). With BENCH_PROFILE_DIR set it also CPU-profiles each window (node:inspector)
 * and writes it there as window-<n>.cpuprofile, so that the warm phase can be profiled apart from start-up and the
 * cold phase. Plain JavaScript because the app under test runs from dist/ without tsx.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // a full collection before reading the heap, so that "live" means live (not what the next GC would free)
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  let window = 0;
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  }
  process.on('SIGUSR2', () => {
    window += 1;
    if (session) {
      const n = window;
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(`${profileDir}/window-${n}.cpuprofile`, JSON.stringify(result.profile));
        session.post('Profiler.start');
      });
    }
    const before = getHeapStatistics();
    const maxDelayMs = delay.max / 1e6;
    const p99DelayMs = delay.percentile(99) / 1e6;
    gc();
    const heap = getHeapStatistics();
    const mb = (bytes) => bytes / 1048576;
    writeFileSync(
      file,
      JSON.stringify({
        window,
        maxDelayMs,
        p99DelayMs,
        usedHeapMB: mb(heap.used_heap_size),
        totalHeapMB: mb(before.total_heap_size),
        externalMB: mb(process.memoryUsage().external),
      }),
    );
    delay.reset();
  });
}
