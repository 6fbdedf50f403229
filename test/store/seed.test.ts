import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { seedLoad } from '../../src/store/seed.js';

const NOW = Date.UTC(2025, 0, 6, 2, 0);

describe('seeding load for the benchmarks', () => {
  it('spreads cases over workspaces with their contracts, installs and pending reminders', () => {
    const store = openStore(':memory:');
    const seeded = seedLoad(store, { workspaces: 7, cases: 70, closedEvery: 10, now: NOW });
    expect(seeded).toMatchObject({ contracts: 7, cases: 70, events: 70, reminders: 63 * 2 });
    expect(seeded.workspaceIds).toHaveLength(7);
    for (const ws of seeded.workspaceIds) {
      const cases = store.listCases(ws);
      expect(cases).toHaveLength(10);
      expect(cases.every((c) => c.contractId === store.listContracts(ws)[0]!.id)).toBe(true);
      expect(store.fetchWorkspaceInstallation(ws)?.bot?.token).toMatch(/^xoxb-seed-/);
      const pending = store.listReminders(ws, { status: 'pending' });
      expect(pending.every((r) => store.getCase(ws, r.caseId!)?.status === 'open')).toBe(true);
    }
    expect(store.listCases(seeded.workspaceIds[0]!, { status: 'closed' }).length).toBeGreaterThan(0);
    expect(store.claimDueReminders(NOW, 10_000)).toHaveLength(seeded.dueNow);
    store.close();
  });

  it('gives the same rows for the same options', () => {
    const dueTimes = () => {
      const store = openStore(':memory:');
      const { workspaceIds } = seedLoad(store, { workspaces: 3, cases: 30, now: NOW });
      const times = workspaceIds.flatMap((ws) => store.listReminders(ws).map((r) => r.dueAt));
      store.close();
      return times;
    };
    expect(dueTimes()).toEqual(dueTimes());
  });
});
