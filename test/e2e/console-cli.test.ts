/**
 * The console through the built binary (`node dist/bundle/cli.js`), in a scratch directory with no Slack variables.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/built-cli.js';

let dir: string;
let db: string;
const NOW = '2026-03-02T09:00:00+01:00'; // a Monday morning in Berlin

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-cli-'));
  db = join(dir, 'test.db');
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ask = (...args: string[]) => runCli(['ask', '--db', db, ...args], { cwd: dir });

describe('entitlebot ask', () => {
  it('prints an answer as text and exits 0', async () => {
    const r = await ask('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sla/i);
    expect(r.stderr).toBe('');
  });

  it('answers in the language of the question, and a bare command in the --locale given', async () => {
    const simplified = await ask('白金级 P1 多快回应');
    expect(simplified.stdout).toContain('首次回应');
    expect(simplified.stdout).not.toContain('首次回應');
    const bare = await ask('--locale', 'zh-TW', 'sla p1 gold');
    expect(bare.stdout).toContain('首次回應');
    const words = await ask('--locale', 'zh-TW', 'how fast does gold answer a p1?');
    expect(words.stdout).toContain('First response');
    const bad = await ask('--locale', 'klingon', 'help');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--locale');
  });

  it('exits 0 with a helpful reply for text it does not understand', async () => {
    const r = await ask('sal p1 gold');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sla/);
  });

  it('prints {"text","blocks","data"} with --json; data is the answer model', async () => {
    const r = await ask('--json', 'sla p1 gold');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['blocks', 'data', 'text']);
    expect(out.data.kind).toBe('sla');
    expect(out.text.split('\n')[0]).toBe(out.data.title);
    expect(out.blocks[0].type).toBe('section');
    expect(out.blocks[0].text.text.split('\n')[0]).toBe(`*${out.data.title}*`);
  });

  it('keeps state between calls in the database, per workspace', async () => {
    const add = await ask('--now', NOW, 'contract add jamf gold zone=Europe/Berlin holidays=DE');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Contract #\d+ added/);
    const list = await ask('--json', 'contract');
    expect(JSON.stringify(JSON.parse(list.stdout).data.tables)).toContain('Europe/Berlin');
    const other = await ask('--json', '--workspace', 'T0OTHER', 'contract');
    expect(JSON.parse(other.stdout).data.tables).toEqual([]);
  });

  it('gives times with their offsets, in the contract zone and the asker’s (--user-tz), at --now', async () => {
    await ask('--workspace', 'TTIMES', 'contract add jamf gold zone=Europe/Berlin holidays=DE');
    const r = await ask('--json', '--workspace', 'TTIMES', '--now', NOW, '--user-tz', 'Asia/Singapore', 'due p1');
    expect(r.code).toBe(0);
    const { data } = JSON.parse(r.stdout);
    expect(data.times.length).toBeGreaterThan(0);
    for (const t of data.times) {
      expect(t.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?[+-]\d\d:\d\d$/);
      expect(t.zone).toBe('Europe/Berlin');
      expect(t.userZone).toBe('Asia/Singapore');
      expect(t.userAt).toMatch(/\+08:00$/);
    }
    // opened at --now: the first response (1 h, 24x7) is due at 10:00 Berlin
    expect(data.times.some((t: { at: string }) => t.at.startsWith('2026-03-02T10:00'))).toBe(true);
  });

  it('tracks a case in a thread between calls', async () => {
    const ws = ['--workspace', 'TCASE'];
    await ask(...ws, 'contract add jamf gold zone=Europe/Berlin holidays=DE');
    const open = await ask(...ws, '--thread', '7.1', '--now', NOW, 'case open p1');
    expect(open.code).toBe(0);
    const q = await ask(
      ...ws,
      '--json',
      '--thread',
      '7.1',
      '--now',
      '2026-03-02T09:30:00+01:00',
      'when is the response due?',
    );
    expect(q.code).toBe(0);
    const { data } = JSON.parse(q.stdout);
    expect(data.kind).toBe('case');
    // opened 09:00 on a 1-hour 24x7 target: due 10:00 Berlin, 30 minutes left at 09:30
    expect(data.times[0].at).toMatch(/^2026-03-02T10:00/);
    expect(data.times[0].minutesLeft).toBe(30);
    // another thread is not that case: it says no case is tracked there (issue 10), with none of case #1's clocks
    const elsewhere = JSON.parse((await ask(...ws, '--json', '--thread', '8.1', 'when is the response due?')).stdout);
    expect(elsewhere.data.title).toBe('No case is tracked in this thread');
    expect(elsewhere.data.times).toEqual([]);
  });

  it('exits 2 with usage for a bad flag, a missing text, a bad --now or --user-tz', async () => {
    for (const args of [
      ['--bogus', 'x', 'help'],
      [],
      ['--now', 'tomorrow', 'help'],
      ['--now', '2026-03-02T09:00:00', 'help'],
      ['--user-tz', 'Mars/Base', 'help'],
      ['--db'],
    ]) {
      const r = await ask(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/usage: entitlebot ask/);
      expect(r.stdout).toBe('');
    }
    const bogus = await ask('--bogus', 'x', 'help');
    expect(bogus.stderr).toContain('--bogus');
  });

  it('stores nothing for bad input and keeps working', async () => {
    const ws = ['--workspace', 'TBAD'];
    await ask('--workspace', 'TGOOD', 'contract add jamf gold zone=Europe/Berlin');
    const bad = await ask(...ws, "contract add jamf gold zone=Mars/Base name=x'); DROP TABLE contracts;--");
    expect(bad.code).toBe(0);
    expect(bad.stdout).toContain('Mars/Base');
    const remove = await ask(...ws, 'contract remove 999');
    expect(remove.code).toBe(0);
    const list = await ask(...ws, '--json', 'contract');
    expect(list.stderr).toBe('');
    expect(JSON.parse(list.stdout).data.tables).toEqual([]);
    const elsewhere = await ask('--json', '--workspace', 'TGOOD', 'contract');
    expect(JSON.stringify(JSON.parse(elsewhere.stdout).data.tables)).toContain('Europe/Berlin');
  });
});

describe('entitlebot (no command)', () => {
  it('runs the console without Slack credentials, reading lines until end of input', async () => {
    const r = await runCli([], {
      cwd: dir,
      input: 'contract add autodesk enterprise region=emea\nquota\n',
      env: { DATABASE_PATH: join(dir, 'console.db') },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/To connect to Slack, set SLACK_APP_TOKEN/);
    expect(r.stdout).toMatch(/Contract #1 added/);
    expect(r.stdout).toMatch(/coaching/i);
    // the same store afterwards, in workspace "local"
    const again = await runCli(['ask', '--db', join(dir, 'console.db'), '--json', 'contract'], { cwd: dir });
    expect(JSON.stringify(JSON.parse(again.stdout).data.tables)).toMatch(/Enterprise Success Plan/);
  });

  it('continues in the thread of a case it opened, in the console', async () => {
    const r = await runCli([], {
      cwd: dir,
      input: 'contract add jamf gold zone=Europe/Berlin\ncase open p2\nwhen is my next update due?\n',
      env: { DATABASE_PATH: join(dir, 'thread.db') },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/now in thread \d+\.\d+/);
    expect(r.stdout.split('now in thread')[1]).toMatch(/update/i);
  });

  it('names the missing variable when Slack is half configured, and exits 1', async () => {
    const r = await runCli([], { cwd: dir, env: { SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SLACK_SIGNING_SECRET');
  });

  it('reads .env in the working directory when there is one, without overriding the environment', async () => {
    const here = join(dir, 'with-dotenv');
    mkdirSync(here);
    writeFileSync(join(here, '.env'), 'DATABASE_PATH=from-dotenv.db\nSLACK_BOT_TOKEN=xoxb-1\n');
    // .env half-configures Slack: the command says which variable is missing
    const half = await runCli([], { cwd: here });
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('SLACK_SIGNING_SECRET');
    // the database named in .env is the one used, unless the environment names another
    expect((await runCli(['ask', 'sla p1 gold'], { cwd: here })).code).toBe(0);
    expect(existsSync(join(here, 'from-dotenv.db'))).toBe(true);
    const own = await runCli(['ask', 'sla p1 gold'], { cwd: here, env: { DATABASE_PATH: 'from-env.db' } });
    expect(own.code).toBe(0);
    expect(existsSync(join(here, 'from-env.db'))).toBe(true);
  });

  it('prints usage for help, and exits 2 for an unknown command', async () => {
    const help = await runCli(['help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/usage: entitlebot/);
    const unknown = await runCli(['frobnicate'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
