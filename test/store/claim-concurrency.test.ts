import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { dropSchema, freshSchema, POSTGRES_TEST_URL, postgresAvailable } from '../support/engines.js';
import { caseInput, reminderInput, tempDir } from '../support/store.js';

const worker = fileURLToPath(new URL('../support/claim-worker.ts', import.meta.url));
const T0 = Date.UTC(2025, 0, 6, 2, 0);
const temp = tempDir();
afterEach(() => temp.cleanup());

function runWorker(args: string[]): Promise<number[]> {
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
      if (code === 0) resolve(JSON.parse(out) as number[]);
      else reject(new Error(`claim worker exited with ${code}: ${err}`));
    });
  });
}

// SQLite: separate processes on one file (the file's lock is what they share)
describe('two schedulers on one file', () => {
  it('never claim the same reminder twice, and together claim every due one', async () => {
    const path = temp.file('shared.db');
    const store = await openStore(path);
    const due: number[] = [];
    for (let w = 0; w < 4; w++) {
      const ws = `T${w}`;
      for (let c = 0; c < 5; c++) {
        const opened = await store.createCase(ws, caseInput({ threadTs: `1736130000.${c}` }));
        for (let r = 0; r < 60; r++) {
          const reminder = await store.scheduleReminder(
            ws,
            reminderInput({ caseId: opened.id, dedupeKey: `${c}:${r}`, dueAt: T0 - (r % 7) * 1000 }),
          );
          due.push(reminder.id);
        }
      }
      await store.scheduleReminder(ws, reminderInput({ dedupeKey: 'future', dueAt: T0 + 1 }));
    }
    await store.close();

    const barrier = temp.file('barrier');
    mkdirSync(barrier);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) => runWorker([path, String(T0), '3', barrier, '3', name])),
    );
    const all = results.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((x, y) => x - y)).toEqual([...due].sort((x, y) => x - y));

    const after = await openStore(path);
    for (let w = 0; w < 4; w++) {
      expect(await after.listReminders(`T${w}`, { status: 'sent' })).toHaveLength(300);
      expect((await after.listReminders(`T${w}`, { status: 'pending' })).map((r) => r.dedupeKey)).toEqual(['future']);
    }
    await after.close();
  });
});

// PostgreSQL: several instances, each its own pool, on one schema (what several app processes on one server are)
describe.runIf(postgresAvailable)('several instances on one PostgreSQL database', () => {
  const DUE = Date.UTC(2025, 0, 6, 2, 0);

  async function instances(count: number): Promise<{ stores: Store[]; close: () => Promise<void> }> {
    const schema = freshSchema();
    const stores: Store[] = [];
    try {
      // the first creates the schema; the others open it as it is
      stores.push(await openStore(POSTGRES_TEST_URL, { postgres: { schema, poolSize: 3 } }));
      for (let i = 1; i < count; i++) {
        stores.push(await openStore(POSTGRES_TEST_URL, { postgres: { schema, poolSize: 3 } }));
      }
    } catch (error) {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(schema);
      throw error;
    }
    return {
      stores,
      close: async () => {
        await Promise.all(stores.map((s) => s.close()));
        await dropSchema(schema);
      },
    };
  }

  /** 4 workspaces × 150 due reminders (due times a few seconds apart, many equal) and one not yet due each */
  async function schedule(store: Store): Promise<number[]> {
    const due: number[] = [];
    for (let w = 0; w < 4; w++) {
      for (let r = 0; r < 150; r++) {
        const reminder = await store.scheduleReminder(
          `T${w}`,
          reminderInput({ dedupeKey: `due:${r}`, dueAt: DUE - (r % 7) * 1000 }),
        );
        due.push(reminder.id);
      }
      await store.scheduleReminder(`T${w}`, reminderInput({ dedupeKey: 'future', dueAt: DUE + 1 }));
    }
    return due.sort((a, b) => a - b);
  }

  it('claim disjoint sets when they claim at once, and together claim every due reminder exactly once', async () => {
    const { stores, close } = await instances(4);
    try {
      const due = await schedule(stores[0]!);
      // two schedulers per instance (a pool of 3 connections), small batches: many claims meet on the same rows
      const loops = stores.flatMap((store, i) =>
        [0, 1].map(async (j) => {
          const claimed: number[] = [];
          for (;;) {
            const batch = await store.claimDueReminders(DUE, 4, 60_000, `instance-${i}-${j}`);
            if (batch.length === 0) return claimed;
            for (const r of batch) {
              claimed.push(r.id);
              expect(await store.markReminderSent(r.workspaceId, r.id, DUE)).toMatchObject({ status: 'sent' });
            }
          }
        }),
      );
      const perLoop = await Promise.all(loops);
      const all = perLoop.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort((a, b) => a - b)).toEqual(due);
      // the work was shared, not done by one instance while the others waited
      expect(perLoop.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
      for (let w = 0; w < 4; w++) {
        expect(await stores[1]!.listReminders(`T${w}`, { status: 'sent' })).toHaveLength(150);
        expect((await stores[2]!.listReminders(`T${w}`, { status: 'pending' })).map((r) => r.dedupeKey)).toEqual([
          'future',
        ]);
      }
    } finally {
      await close();
    }
  });

  it('skip the rows another instance is claiming instead of waiting, and get them back when that claim rolls back', async () => {
    const { stores, close } = await instances(2);
    const [a, b] = stores as [Store, Store];
    try {
      const due = await schedule(a);
      let finish: (commit: boolean) => void = () => undefined;
      const decided = new Promise<boolean>((resolve) => {
        finish = resolve;
      });
      let taken: (ids: number[]) => void = () => undefined;
      const claimedByA = new Promise<number[]>((resolve) => {
        taken = resolve;
      });
      // A claims 10 and keeps its transaction open: its rows stay locked
      const aDone = a
        .transaction(async () => {
          taken((await a.claimDueReminders(DUE, 10, 60_000, 'A')).map((r) => r.id));
          if (!(await decided)) throw new Error('A gives up');
        })
        .catch(() => undefined);
      const heldByA = await claimedByA;
      expect(heldByA).toHaveLength(10);
      // B does not wait for A: it takes everything else that is due
      const byB = (await b.claimDueReminders(DUE, 1_000, 60_000, 'B')).map((r) => r.id);
      expect(byB).toHaveLength(due.length - 10);
      expect(byB.filter((id) => heldByA.includes(id))).toEqual([]);
      // A's claim is rolled back (it failed before committing): its reminders are due again, none lost
      finish(false);
      await aDone;
      const again = (await b.claimDueReminders(DUE, 1_000, 60_000, 'B')).map((r) => r.id);
      expect(again.sort((x, y) => x - y)).toEqual([...heldByA].sort((x, y) => x - y));
      // and now every due reminder is held by B under a live lease: nobody else gets one
      expect(await a.claimDueReminders(DUE, 1_000, 60_000, 'A')).toEqual([]);
      expect(await b.renewReminderLeases([{ workspaceId: 'T0', id: again[0]! }], 'A', DUE + 120_000)).toEqual([]);
    } finally {
      await close();
    }
  });
});
