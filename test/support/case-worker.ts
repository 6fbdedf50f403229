/**
 * A Slack process stand-in for the contention test: waits until every worker is ready, then opens cases in its
 * own threads through the conversation (as `@Entitlebot case open p1` would) on a shared file, and prints what
 * each reply said as JSON: { opened, failed, messages }.
 * Usage: node --import tsx case-worker.ts <db> <now-ms> <cases> <barrier-dir> <workers> <name>
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleText } from '../../src/conversation/handle.js';
import { openRuntime } from '../../src/conversation/runtime.js';

const [dbPath, nowText, casesText, barrier, workersText, name] = process.argv.slice(2);
if (!dbPath || !nowText || !casesText || !barrier || !workersText || !name) {
  console.error('usage: case-worker <db> <now-ms> <cases> <barrier-dir> <workers> <name>');
  process.exit(2);
}
const now = new Date(Number(nowText));
const deps = await openRuntime({ databasePath: dbPath, now });
const pause = new Int32Array(new SharedArrayBuffer(4));
writeFileSync(join(barrier, `ready-${name}`), '');
while (readdirSync(barrier).filter((f) => f.startsWith('ready-')).length < Number(workersText)) {
  Atomics.wait(pause, 0, 0, 5);
}

let opened = 0;
let failed = 0;
const messages: string[] = [];
for (let i = 0; i < Number(casesText); i++) {
  const reply = await handleText(
    deps,
    { workspaceId: 'T1', channelId: 'C1', threadTs: `${name}.${i}`, userId: 'U1', now, via: 'mention' },
    'case open p1',
  );
  if (reply.answer.kind === 'case') opened += 1;
  else {
    failed += 1;
    messages.push(`${reply.answer.title}: ${reply.answer.summary}`);
  }
}
await deps.store.close();
process.stdout.write(JSON.stringify({ opened, failed, messages }));
