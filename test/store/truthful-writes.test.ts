/**
 * Issue 12, findings 4 and 10: what a command answers is what it stored. Every command's writes are one
 * transaction; a failure anywhere rolls all of them back; the database waits for a busy file instead of failing,
 * and a failure that remains names the file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationContext, ConversationDeps } from '../../src/conversation/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { READS } from '../../src/store/guard.js';
import { openStore, type Store } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
import { tempDir } from '../support/store.js';

const knowledge = loadKnowledge();
const temp = tempDir();
afterEach(() => temp.cleanup());

const NOW = new Date('2026-12-01T10:00:00Z');

function depsOf(store: Store, now = NOW): ConversationDeps {
  return { store, knowledge, search: undefined, clock: { now: () => now } };
}

function ctx(over: Partial<ConversationContext> = {}): ConversationContext {
  return { workspaceId: 'T1', channelId: 'C1', userId: 'U1', now: NOW, via: 'console', ...over };
}

/** the store with one method made to fail after `after` other calls to it, the way a lock or a bug would */
function failing(store: Store, method: keyof Store, error: () => Error): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== method || typeof value !== 'function') return value;
      return () => {
        throw error();
      };
    },
  });
}

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe.each(engines)('truthful writes on $name', (engine) => {
  it('quota use on a contract starting next year records once per try and says so (the repro)', async () => {
    const store = await engine.open();
    const deps = depsOf(store);
    await handleText(
      deps,
      ctx(),
      'contract add autodesk enterprise region=apac zone=Asia/Singapore start=2027-01-01 end=2027-12-31',
    );
    for (let i = 1; i <= 3; i++) {
      const reply = await handleText(deps, ctx(), 'quota use coaching 1 on 2027-01-15');
      expect(reply.answer.kind).toBe('quota');
      expect(reply.answer.summary).toMatch(new RegExp(`Recorded 1 .* ${i} of 3 used`));
      expect(await store.listQuotaUses('T1')).toHaveLength(i);
    }
    // a date outside the term is refused before anything is written, and the reply says so
    const outside = await handleText(deps, ctx(), 'quota use coaching 1 on 2028-02-01');
    expect(outside.answer.summary).toMatch(/after the term of contract #1 .*nothing was recorded/);
    expect(await store.listQuotaUses('T1')).toHaveLength(3);
    await store.close();
  });

  it('a failure after the quota use is written rolls it back, so "nothing was changed" is true', async () => {
    const store = await engine.open();
    await handleText(depsOf(store), ctx(), 'contract add autodesk enterprise region=apac zone=Asia/Singapore');
    const broken = failing(store, 'listQuotaUses', () => new Error('boom'));
    const reply = await handleText(depsOf(broken), ctx(), 'quota use coaching 1');
    expect(reply.answer.kind).toBe('error');
    expect(reply.answer.summary).toMatch(/nothing was changed/);
    expect(await store.listQuotaUses('T1')).toEqual([]);
    await store.close();
  });

  it('case open at --now 9999-12-31 fails without leaving a case row', async () => {
    const store = await engine.open();
    const late = new Date('9999-12-31T10:00:00Z');
    const deps = depsOf(store, late);
    await handleText(deps, ctx({ now: late }), 'contract add jamf gold zone=UTC');
    const reply = await handleText(deps, ctx({ now: late, threadTs: '9.9' }), 'case open p1');
    expect(reply.answer.kind).toBe('error');
    expect(await store.listCases('T1')).toEqual([]);
    await store.close();
  });
});

// these need the SQLite file itself (its path, a busy lock, deleting it)
describe('truthful writes', () => {
  it('case open whose reminders cannot be written leaves no case, no event and says the database failed', async () => {
    const path = temp.file('cases.db');
    const store = await openStore(path);
    await handleText(depsOf(store), ctx(), 'contract add jamf gold zone=UTC');
    const broken = failing(store, 'replaceCaseReminders', busy);
    const reply = await handleText(depsOf(broken), ctx({ threadTs: '1.1' }), 'case open p1');
    expect(reply.answer.kind).toBe('error');
    expect(await store.listCases('T1')).toEqual([]);
    expect(await store.listReminders('T1')).toEqual([]);
    // the same command afterwards works: nothing half-done is in the way
    const again = await handleText(depsOf(store), ctx({ threadTs: '1.1' }), 'case open p1');
    expect(again.answer.kind).toBe('case');
    expect(await store.listCases('T1')).toHaveLength(1);
    expect((await store.listReminders('T1', { status: 'pending' })).length).toBeGreaterThan(0);
    await store.close();
  });

  it('a database still busy after the timeout is reported as such, naming the file; nothing is written', async () => {
    const path = temp.file('busy.db');
    const store = await openStore(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(async () => await store.updateSettings('T1', { zone: 'Europe/Berlin' })).rejects.toThrow(
        expect.objectContaining({ code: 'database', message: expect.stringContaining(path) }),
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.getSettings('T1')).zone).not.toBe('Europe/Berlin');
    await store.updateSettings('T1', { zone: 'Europe/Berlin' });
    expect((await store.getSettings('T1')).zone).toBe('Europe/Berlin');
    await store.close();
  });

  it('every method that only reads skips the file check (one stat() each call): the guard knows each by name', async () => {
    const store = await openStore(temp.file('reads.db'));
    const readers = Object.keys(store).filter((name) =>
      /^(get|list|fetch|has|next|last)[A-Z]|Revision$|^schemaStatus$/.test(name),
    );
    expect(readers.length).toBeGreaterThan(15);
    expect(readers.filter((name) => !READS.has(name))).toEqual([]);
    await store.close();
  });

  it('a database file deleted while the app runs: writes are refused with an error naming the file', async () => {
    const path = temp.file('vanishing.db');
    const store = await openStore(path);
    const deps = depsOf(store);
    await handleText(deps, ctx(), 'contract add jamf gold zone=UTC');
    rmSync(path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    await expect(async () => await store.addContract('T1', (await store.listContracts('T1'))[0]!)).rejects.toThrow(
      expect.objectContaining({ code: 'database-gone', message: expect.stringContaining(path) }),
    );
    const reply = await handleText(deps, ctx(), 'contract add jamf silver zone=UTC');
    expect(reply.answer.kind).toBe('error');
    expect(reply.answer.summary).toContain(path);
    expect(reply.answer.summary).toMatch(/deleted/);
    await store.close();
  });
});

const worker = fileURLToPath(new URL('../support/case-worker.ts', import.meta.url));

function runWorker(args: string[]): Promise<{ opened: number; failed: number; messages: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`case worker exited with ${code}: ${err}`));
    });
  });
}

describe('several processes on one SQLite file', () => {
  it('every case a reply says was opened has its reminders; no reply claims a change that did not happen', async () => {
    const path = temp.file('shared.db');
    const now = Date.parse('2026-03-02T09:00:00Z');
    const store = await openStore(path);
    await handleText(depsOf(store, new Date(now)), ctx({ now: new Date(now) }), 'contract add jamf gold zone=UTC');
    await store.close();
    const barrier = temp.file('barrier');
    mkdirSync(barrier);
    const workers = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const results = await Promise.all(
      workers.map((name) => runWorker([path, String(now), '25', barrier, String(workers.length), name])),
    );
    const after = await openStore(path);
    const cases = await after.listCases('T1');
    const opened = results.reduce((n, r) => n + r.opened, 0);
    expect(cases).toHaveLength(opened);
    for (const kase of cases) {
      expect((await after.listReminders('T1', { caseId: kase.id })).length, `case ${kase.id}`).toBeGreaterThan(0);
      expect((await after.listCaseEvents('T1', kase.id)).map((e) => e.kind)).toEqual(['opened']);
    }
    // with the busy timeout, contention waits rather than fails
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(opened).toBe(workers.length * 25);
    await after.close();
  }, 120_000);
});
