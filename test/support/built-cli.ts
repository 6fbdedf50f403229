/**
 * The console is tested through the built binary, as `npm start` and the `entitlebot` command run it: the bundle
 * (scripts/bundle.mjs). `ensureBuilt()` runs `npm run build` once when dist/bundle/cli.js is missing or older than
 * any source file (a lock directory keeps parallel test files from building twice), and `runCli()` spawns
 * `node dist/bundle/cli.js …` with a clean environment (no Slack variables, no .env).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'bundle', 'cli.js');

/**
 * The packages (`node_modules/<name>`) whose code the given module URLs hold: a package file loaded on its own, or a
 * chunk of the bundle that has the package's files in it (dist/bundle/meta.json, written by the build).
 */
export function packagesIn(urls: readonly string[]): Set<string> {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Record<string, string[]>;
  const files = urls.flatMap((url) => {
    const chunk = /\/dist\/bundle\/([^/]+\.js)$/.exec(url)?.[1];
    return chunk ? (meta[chunk] ?? []) : [url];
  });
  return new Set(
    files.flatMap((file) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
      return m?.[1] ? [m[1]] : [];
    }),
  );
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestSource(path) : name.endsWith('.ts') ? st.mtimeMs : 0);
  }
  return newest;
}

function isStale(): boolean {
  return !existsSync(CLI) || statSync(CLI).mtimeMs < newestSource(join(ROOT, 'src'));
}

export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = join(ROOT, 'dist', '.build-lock');
  const startedAt = Date.now();
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another test file is building: use its build once it is done (a lock older than two minutes is abandoned)
      if (existsSync(CLI) && statSync(CLI).mtimeMs >= startedAt && !existsSync(lock)) return;
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() - startedAt > 180_000) throw new Error('timed out waiting for another build of dist/');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    // tsc emits even when another area's work in progress has type errors; what matters is a fresh bundle
    spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < startedAt)
    throw new Error('npm run build did not produce dist/bundle/cli.js');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string>; nodeArgs?: string[] },
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('SLACK_') && k !== 'DATABASE_PATH' && k !== 'PORT') env[k] = v;
  }
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
