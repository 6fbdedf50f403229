import { afterEach, describe, expect, it } from 'vitest';
import { buildHomeModel } from '../../src/conversation/home-model.js';
import { storeWorkspaceKnowledge } from '../../src/conversation/workspace-knowledge.js';
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

  it('lists many cases with the deadlines each would have alone, and says which it cannot time and why', async () => {
    await open();
    const ms = await store.addContract('T1', contractInput());
    const jamf = await store.addContract('T1', contractInput({ vendor: 'jamf', plan: 'gold', name: 'Macs' }));
    const opened = now.getTime() - 3_600_000;
    for (let i = 0; i < 12; i++) {
      const contract = i % 2 === 0 ? ms : jamf;
      const severity = i % 2 === 0 ? (i % 4 === 0 ? 'A' : 'B') : 'P2';
      const kase = await store.createCase('T1', caseInput({ contractId: contract.id, severity, threadTs: `1.${i}` }));
      await store.addCaseEvent('T1', kase.id, { kind: 'opened', at: opened + i * 60_000, source: 'command' });
      if (i % 3 === 0) {
        await store.addCaseEvent('T1', kase.id, {
          kind: 'responded',
          at: opened + i * 60_000 + 600_000,
          source: 'auto',
        });
      }
    }
    // a case without a contract: listed, without deadlines, and a note says why (in the reader's language)
    await store.createCase('T1', caseInput({ contractId: null, threadTs: '9.9' }));
    const model = await buildHomeModel({ store, knowledge }, 'T1', now);
    expect(model.cases).toHaveLength(13);
    // each case's deadlines as the Home tab showed them when it read each case apart (one Home of one case)
    for (const kase of (await store.listCases('T1')).filter((k) => k.contractId !== null)) {
      const alone = await openStore(':memory:');
      const c = (await store.getContract('T1', kase.contractId!))!;
      const copy = await alone.addContract('T1', c);
      const k = await alone.createCase('T1', { ...kase, contractId: copy.id });
      for (const e of await store.listCaseEvents('T1', kase.id)) await alone.addCaseEvent('T1', k.id, e);
      const [only] = (await buildHomeModel({ store: alone, knowledge }, 'T1', now)).cases;
      const listed = model.cases.find((x) => x.threadTs === kase.threadTs);
      expect(listed?.due.map((d) => [d.label, d.at, d.left])).toEqual(only?.due.map((d) => [d.label, d.at, d.left]));
      await alone.close();
    }
    // most of them are running (a met response with no update cadence leaves none)
    expect(model.cases.filter((x) => x.due.length > 0).length).toBeGreaterThanOrEqual(8);
    expect(model.cases.find((x) => x.threadTs === '9.9')?.due).toEqual([]);
    const notes = (m: { notes?: string[] }) => (m.notes ?? []).join('\n');
    expect(notes(model)).toMatch(/Case #13: its deadlines could not be computed/);
    const zh = await buildHomeModel({ store, knowledge }, 'T1', now, undefined, [], 'zh-Hant');
    expect(notes(zh)).toMatch(/案件 #13：無法計算其期限/);
    expect(notes(zh)).toMatch(/合約已被移除/);
    expect(notes(zh)).not.toMatch(/could not|removed/);
  });

  it("reads the workspace's plan revision once, however many cases it times", async () => {
    await open();
    const c = await store.addContract('T1', contractInput());
    for (let i = 0; i < 5; i++) await store.createCase('T1', caseInput({ contractId: c.id, threadTs: `1.${i}` }));
    let reads = 0;
    const revision = store.workspacePlanRevision;
    store.workspacePlanRevision = (ws) => {
      reads++;
      return revision(ws);
    };
    const workspaceKnowledge = storeWorkspaceKnowledge(store, knowledge);
    const model = await buildHomeModel({ store, knowledge, workspaceKnowledge }, 'T1', now);
    expect(model.cases.filter((x) => x.due.length > 0)).toHaveLength(5);
    expect(reads).toBe(1);
  });

  it('shows nothing from another workspace', async () => {
    await open();
    await store.addContract('T2', contractInput());
    expect((await buildHomeModel({ store, knowledge }, 'T1', now)).contracts).toEqual([]);
  });
});
