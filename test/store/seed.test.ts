import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { seedLoad } from '../../src/store/seed.js';

const NOW = Date.UTC(2025, 0, 6, 2, 0);

describe('seeding load for the benchmarks', () => {
  it('spreads cases over workspaces with their contracts, installs and pending reminders', async () => {
    const store = await openStore(':memory:');
    const seeded = seedLoad(store, { workspaces: 7, cases: 70, closedEvery: 10, now: NOW });
    expect(seeded).toMatchObject({ contracts: 7, cases: 70, events: 70, reminders: 63 * 2 });
    expect(seeded.workspaceIds).toHaveLength(7);
    for (const ws of seeded.workspaceIds) {
      const cases = await store.listCases(ws);
      expect(cases).toHaveLength(10);
      expect(cases.every(async (c) => c.contractId === (await store.listContracts(ws))[0]!.id)).toBe(true);
      expect((await store.fetchWorkspaceInstallation(ws))?.bot?.token).toMatch(/^xoxb-seed-/);
      const pending = await store.listReminders(ws, { status: 'pending' });
      expect(pending.every(async (r) => (await store.getCase(ws, r.caseId!))?.status === 'open')).toBe(true);
    }
    expect((await store.listCases(seeded.workspaceIds[0]!, { status: 'closed' })).length).toBeGreaterThan(0);
    expect(await store.claimDueReminders(NOW, 10_000)).toHaveLength(seeded.dueNow);
    await store.close();
  });

  it('gives the same rows for the same options', async () => {
    const dueTimes = async () => {
      const store = await openStore(':memory:');
      const { workspaceIds } = seedLoad(store, { workspaces: 3, cases: 30, now: NOW });
      const times = workspaceIds.flatMap(async (ws) => (await store.listReminders(ws)).map((r) => r.dueAt));
      await store.close();
      return times;
    };
    expect(await dueTimes()).toEqual(await dueTimes());
  });
});
