import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
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
