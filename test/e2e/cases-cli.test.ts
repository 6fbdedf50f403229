/**
 * A case thread in the console, through the built binary: open a case on thread 7.1, ask about it, then let
 * `reminders --once` post what is due later (a warning, then a breach), each printed as one line and recorded
 * as sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ensureBuilt, runCli } from '../support/built-cli.js';

let dir: string;
let db: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-cases-cli-'));
  db = join(dir, 'cases.db');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd: dir });
const ask = (...args: string[]) => cli('ask', '--db', db, ...args);

describe('a case thread in the console', () => {
  it('opens a case, answers a question about it, then posts a reminder and a breach', async () => {
    await ask('--now', '2026-03-02T09:00:00+01:00', 'contract add jamf silver zone=Europe/Berlin holidays=DE');
    const open = await ask('--thread', '7.1', '--now', '2026-03-02T16:10:00+01:00', '--json', 'case open p1');
    expect(open.code).toBe(0);
    const opened = JSON.parse(open.stdout).data;
    expect(opened.kind).toBe('case');
    // Silver P1: 1 hour of local business hours (Mon–Fri 09:00–17:00): 50 min today, 10 min tomorrow
    expect(opened.times[0].at).toBe('2026-03-03T09:10:00+01:00');

    const q = await ask(
      '--thread',
      '7.1',
      '--now',
      '2026-03-02T18:00:00+01:00',
      '--user-tz',
      'Asia/Tokyo',
      'when is the response due?',
    );
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('Tue 3 Mar 2026 09:10 (Europe/Berlin)');
    expect(q.stdout).toContain('Tue 3 Mar 2026 17:10 your time (Asia/Tokyo)');
    expect(q.stdout).toMatch(/in 10 min of business time/);
    expect(q.stdout).toMatch(/paused for the night until Tue 3 Mar 2026 09:00/);

    // 30 business minutes before Tue 09:10 is Mon 16:40 (20 min on Monday, 10 on Tuesday)
    const early = await cli('reminders', '--once', '--db', db, '--now', '2026-03-02T16:39:00+01:00');
    expect(early.stdout).toBe('');
    const warn = await cli('reminders', '--once', '--db', db, '--now', '2026-03-02T16:40:10+01:00');
    expect(warn.code).toBe(0);
    const warnLines = warn.stdout.trim().split('\n');
    expect(warnLines).toHaveLength(1);
    expect(warnLines[0]).toMatch(
      /^console 7\.1 response-warning: Reminder: Jamf's first response .* in 30 min of business time\.$/,
    );

    const none = await cli('reminders', '--once', '--db', db, '--now', '2026-03-02T16:41:00+01:00');
    expect(none.stdout).toBe('');

    const breach = await cli('reminders', '--once', '--db', db, '--now', '2026-03-03T09:10:05+01:00');
    expect(breach.stdout.trim()).toMatch(
      /^console 7\.1 response-breach: Breach: Jamf's first response .*has not come\.$/,
    );

    const store = await openStore(db);
    try {
      const sent = await store.listReminders('local', { status: 'sent' });
      expect(sent.map((r) => r.kind)).toEqual(['response-warning', 'response-breach']);
      expect(sent.every((r) => r.postedTs !== null && r.sentAt !== null)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses --now without --once, with the usage', async () => {
    const r = await cli('reminders', '--db', db, '--now', '2026-03-02T16:45:00+01:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--now needs --once/);
    expect(r.stderr).toMatch(/usage: entitlebot reminders/);
  });

  it('refuses --now 9999-12-31 with the years that work, and opens no case (issue 12)', async () => {
    const r = await ask('--thread', '9.1', '--now', '9999-12-31T00:00:00Z', 'case open p1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--now "9999-12-31T00:00:00Z".*1910–2490/);
    const store = await openStore(db);
    try {
      expect((await store.listContracts('local')).length).toBeGreaterThan(0);
      expect(await store.getCaseByThread('local', 'console', '9.1')).toBeNull();
    } finally {
      await store.close();
    }
    const ok = await ask('--thread', '9.1', '--now', '2026-03-04T10:00:00+01:00', 'case');
    expect(ok.code).toBe(0);
  });
});
