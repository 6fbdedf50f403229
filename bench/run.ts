/**
 * Runs every benchmark in bench/ (each `*.ts` except this file and helpers whose names start with `_`),
 * one after another, each in its own child process so that one benchmark's warm caches, JIT state and
 * garbage cannot colour another's numbers. `npm run bench` runs them all; `npx tsx bench/run.ts deadlines`
 * runs only those whose file name contains one of the words given. Exits non-zero when any benchmark fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && name !== self && !name.startsWith('_'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark in bench/ matches ${filters.join(', ') || '(anything)'}.`);
  process.exit(1);
}

const failed: string[] = [];
for (const name of files) {
  console.log(`\n=== bench/${name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}`], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed.push(name);
    console.log(`bench/${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
  } else {
    console.log(`(bench/${name}: ${seconds} s)`);
  }
}
if (failed.length) {
  console.error(`\n${failed.length} of ${files.length} benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
