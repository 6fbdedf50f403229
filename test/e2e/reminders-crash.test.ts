/**
 * The scheduler survives SIGKILL: a child process (`entitlebot reminders`, posting to a slow fake Slack) is
 * killed while it posts, twice, and restarted. Every reminder is posted, each crash repeats at most the
 * messages that were in flight (one per channel being posted to), and every reminder ends up marked sent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, ensureBuilt, ROOT } from '../support/built-cli.js';

const REMINDERS = 24;
let dir: string;
let db: string;
let server: Server;
let apiUrl: string;
const posted: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-crash-'));
  db = join(dir, 'crash.db');
  // a Slack that takes a while to answer, so that a kill lands while a message is in flight
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const text = new URLSearchParams(body).get('text') ?? '';
      // the poster also asks conversations.info whether a channel is shared; only posts count here
      if (req.url?.endsWith('/chat.postMessage')) posted.push(text);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, ts: `${Date.now() / 1000}` }));
      }, 60);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}, 180_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

function startChild(): ChildProcess {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SLACK_')) env[k] = v;
  Object.assign(env, {
    SLACK_BOT_TOKEN: 'xoxb-crash-test',
    SLACK_SIGNING_SECRET: 'crash-test-secret',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'error',
    // a killed process's claims are taken over once their lease runs out: a short one keeps the test short
    ENTITLEBOT_REMINDER_LEASE_MS: '2000',
  });
  return spawn(process.execPath, [CLI, 'reminders', '--db', db], { cwd: ROOT, env, stdio: 'ignore' });
}

async function until(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('scheduler crash', () => {
  it('loses no reminder and repeats at most the messages in flight per SIGKILL', async () => {
    const store = await openStore(db);
    const now = Date.now();
    for (let i = 0; i < REMINDERS; i++) {
      // one channel each, so that the one-message-a-second pacing does not slow the test
      await store.scheduleReminder('T0CRASH', {
        channelId: `C${i}`,
        threadTs: '1.1',
        kind: 'update-breach',
        dueAt: now - 1000 * (REMINDERS - i),
        text: `reminder ${i}`,
        dedupeKey: `crash-${i}`,
      });
    }
    await store.close();

    let crashes = 0;
    for (const killAfter of [5, 12]) {
      const child = startChild();
      await until(() => posted.length >= killAfter, `${killAfter} posts`);
      child.kill('SIGKILL');
      await exited(child);
      crashes += 1;
    }
    const last = startChild();
    const check = await openStore(db);
    try {
      await until(
        async () => (await check.listReminders('T0CRASH', { status: 'sent' })).length === REMINDERS,
        'every reminder sent',
      );
    } finally {
      last.kill('SIGTERM');
      await exited(last);
    }

    const counts = new Map<string, number>();
    // a reminder taken over after a crash may go out marked late: count it by its own text at the end
    for (const text of posted) {
      const own = /reminder \d+$/.exec(text)?.[0] ?? text;
      counts.set(own, (counts.get(own) ?? 0) + 1);
    }
    for (let i = 0; i < REMINDERS; i++) expect(counts.get(`reminder ${i}`) ?? 0).toBeGreaterThanOrEqual(1);
    const repeats = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
    // at most the messages in flight when the process died: one per channel being posted to (4 at once)
    expect(repeats).toBeLessThanOrEqual(crashes * 4);
    expect(await check.listReminders('T0CRASH', { status: 'pending' })).toEqual([]);
    expect(await check.listReminders('T0CRASH', { status: 'sending' })).toEqual([]);
    await check.close();
  }, 120_000);
});
