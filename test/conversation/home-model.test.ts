import { afterEach, describe, expect, it } from 'vitest';
import { buildHomeModel } from '../../src/conversation/home-model.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { openStore, type Store } from '../../src/store/index.js';
import { formatTime } from '../../src/text/time.js';
import { caseInput, contractInput, tempDir } from '../support/store.js';

const knowledge = loadKnowledge();
const now = new Date('2025-03-03T02:00:00Z');
let store: Store;
let cleanup: () => void;

async function open(): Promise<Store> {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = await openStore(tmp.file('home.db'));
  return store;
}

afterEach(async () => {
  await store?.close();
  cleanup?.();
});

describe('the Home model', () => {
  it('names each contract once with its vendor, never the vendor twice', async () => {
    await open();
    await store.addContract('T1', contractInput({ addons: ['uer'] }));
    await store.addContract('T1', contractInput({ vendor: 'jamf', plan: 'gold', name: 'Macs' }));
    const model = await buildHomeModel({ store, knowledge }, 'T1', now);
    const titles = model.contracts.map((c) => c.title);
    expect(titles[0]).toMatch(/^Microsoft Unified Enterprise Support \+ /);
    expect(titles[1]).toMatch(/^Macs — Jamf \S/);
    for (const title of titles) expect(title).not.toMatch(/\b(\w+) \1\b/);
  });

  it('lists open cases with their running deadlines: the instant, its time in the contract zone, and how long is left', async () => {
    await open();
    const c = await store.addContract('T1', contractInput({ startDate: '2025-01-01', endDate: '2025-12-31' }));
    await store.createCase('T1', caseInput({ contractId: c.id, severity: 'A', openedAt: now.getTime() - 60_000 }));
    const model = await buildHomeModel({ store, knowledge }, 'T1', now, 'Europe/Berlin');
    expect(model.cases).toHaveLength(1);
    const due = model.cases[0]?.due ?? [];
    expect(due.length).toBeGreaterThan(0);
    // each reader sees the instant in their own zone (a Slack date token); the fallback is the contract's zone
    expect(due[0]?.when).toBe(formatTime(due[0]!.at!, c.zone));
    expect(due[0]?.zone).toBe(c.zone);
    expect(due[0]?.left).toMatch(/^in .* of business time$/);
  });

  it('shows nothing from another workspace', async () => {
    await open();
    await store.addContract('T2', contractInput());
    expect((await buildHomeModel({ store, knowledge }, 'T1', now)).contracts).toEqual([]);
  });
});
