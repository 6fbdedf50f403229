/**
 * What the one-shot commands and the console load. Start-up time is a benchmark's business (bench/startup.ts);
 * this checks the cause that is easy to lose: a value import of Bolt (hundreds of milliseconds of module loading)
 * or of the validating code (zod, js-yaml, date-holidays: the saved knowledge makes them unnecessary) creeping
 * back onto the path of a command that has no use for it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, packagesIn, runCli } from '../support/built-cli.js';

let dir: string;
let db: string;
let runs = 0;
const RECORDER = new URL('../support/load-recorder.mjs', import.meta.url).href;
const NOW = '2026-03-02T09:00:00+01:00';

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-startup-'));
  db = join(dir, 'test.db');
  // the first run may validate knowledge/ and save it (a fresh checkout): the runs below then start from the copy
  await runCli(['ask', '--db', db, '--now', NOW, 'help'], { cwd: dir });
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The packages (node_modules/<name>) a CLI run loaded, and its result. */
async function packagesLoadedBy(args: string[], input?: string, env: Record<string, string> = {}) {
  runs += 1;
  const record = join(dir, `loaded-${runs}.txt`);
  const result = await runCli(args, {
    cwd: dir,
    input,
    nodeArgs: ['--import', RECORDER],
    env: { ...env, LOAD_RECORD_FILE: record },
  });
  const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  return { result, packages: packagesIn(urls), urls };
}

// pg: a SQLite command (the default) needs no PostgreSQL driver
const HEAVY = ['@slack/bolt', '@slack/web-api', '@slack/socket-mode', 'zod', 'js-yaml', 'date-holidays', 'pg'];

describe('what a command loads', () => {
  it('entitlebot ask answers a deadline question without Bolt, zod, YAML, date-holidays, pg or the search engine', async () => {
    const { result, packages, urls } = await packagesLoadedBy(['ask', '--db', db, '--now', NOW, 'due p1 silver']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/First response due/);
    // the recorder works: it saw the app's own files and the packages the answer needs
    expect(urls.some((u) => u.endsWith('/dist/bundle/cli.js'))).toBe(true);
    expect(packages).toContain('better-sqlite3');
    for (const name of HEAVY) expect(packages, name).not.toContain(name);
    // nor the search engine: only a glossary question reads the index
    expect(packages).not.toContain('minisearch');
  });

  it('a glossary question through the CLI reads the search index, still without Bolt', async () => {
    const { result, packages } = await packagesLoadedBy(['ask', '--db', db, 'what is a CSM']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Customer Success/i);
    expect(packages).toContain('minisearch');
    for (const name of HEAVY) expect(packages, name).not.toContain(name);
  });

  it('the console and `entitlebot reminders` without Slack credentials do not load Bolt', async () => {
    const consoleRun = await packagesLoadedBy([], 'sla p1 gold\n', { DATABASE_PATH: db });
    expect(consoleRun.result.code).toBe(0);
    expect(consoleRun.result.stdout).toMatch(/Priority 1|P1/);
    const reminders = await packagesLoadedBy(['reminders', '--once', '--db', db, '--now', NOW]);
    expect(reminders.result.code).toBe(0);
    for (const run of [consoleRun, reminders]) {
      for (const name of ['@slack/bolt', '@slack/web-api', '@slack/socket-mode']) {
        expect(run.packages, name).not.toContain(name);
      }
    }
  });
});
