/**
 * What holds the Slack process's live heap at ready (issue 15): each start-up step taken in turn in one process,
 * the live heap measured after a full collection between steps. Run by hand against a database (bench/http.ts
 * seeds one), after `npm run build`:
 *
 *   node --expose-gc --max-semi-space-size=4 --max-old-space-size=256 --v8-pool-size=1 bench/_heap-steps.mjs DB
 *
 * Plain JavaScript over dist/, as the app runs. Not run by `npm run bench` (a helper, `_`-prefixed).
 */
import { getHeapStatistics } from 'node:v8';

const live = () => {
  globalThis.gc();
  globalThis.gc();
  return getHeapStatistics().used_heap_size / 1048576;
};
const rows = [];
let last = live();
const step = (name) => {
  const now = live();
  rows.push([name, now - last, now]);
  last = now;
};
rows.push(['node itself', last, last]);
const runtimeMod = await import('../dist/conversation/runtime.js');
step('our conversation modules (answers, store, knowledge code)');
const deps = await runtimeMod.openRuntime({ databasePath: process.argv[2], search: 'eager' });
step('knowledge + search index (glossary, clauses, records) + store open');
await import('@slack/bolt');
step('Bolt and its dependencies (web-api, axios, express…)');
const { createApp } = await import('../dist/slack/app.js');
step('our Slack layer modules');
// kept in a variable until the end, so that the collection after this step cannot free it
globalThis.app = createApp({
  ...deps,
  config: {
    mode: { kind: 'oauth', clientId: '1.2', clientSecret: 'x', stateSecret: 'y', signingSecret: 'z', port: 0 },
    logLevel: 'error',
  },
});
step('the app (Bolt App, receiver, installer, listeners)');
for (const [n, d, t] of rows) console.log(`${d.toFixed(1).padStart(6)} MB  (${t.toFixed(1)} MB)  ${n}`);
await deps.store.close();
process.exit(0);
