/**
 * A scheduler stand-in for the concurrency test: waits until every worker is ready, then claims and marks
 * reminders on a shared file until none are due, and prints the ids it claimed as JSON.
 * Usage: node --import tsx claim-worker.ts <db> <now> <batch> <barrier-dir> <workers> <name>
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';

const [dbPath, nowText, batchText, barrier, workersText, name] = process.argv.slice(2);
if (!dbPath || !nowText || !batchText || !barrier || !workersText || !name) {
  console.error('usage: claim-worker <db> <now> <batch> <barrier-dir> <workers> <name>');
  process.exit(2);
}
const store = await openStore(dbPath);
const pause = new Int32Array(new SharedArrayBuffer(4));
writeFileSync(join(barrier, `ready-${name}`), '');
while (readdirSync(barrier).filter((f) => f.startsWith('ready-')).length < Number(workersText)) {
  Atomics.wait(pause, 0, 0, 5);
}
if (!existsSync(barrier)) process.exit(3);

const claimed: number[] = [];
for (;;) {
  const batch = await store.claimDueReminders(Number(nowText), Number(batchText));
  if (batch.length === 0) break;
  for (const reminder of batch) {
    claimed.push(reminder.id);
    await store.markReminderSent(reminder.workspaceId, reminder.id, Number(nowText));
  }
}
await store.close();
process.stdout.write(JSON.stringify(claimed));
