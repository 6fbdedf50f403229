import { describe, expect, it } from 'vitest';
import { seedLoad } from '../../src/store/seed.js';
import { engines } from '../support/engines.js';

const NOW = Date.UTC(2025, 0, 6, 2, 0);

describe.each(engines)('seeding load for the benchmarks, on $name', (engine) => {
  it('spreads cases over workspaces with their contracts, installs and pending reminders', async () => {
    const store = await engine.open();
    try {
      const seeded = await seedLoad(store, { workspaces: 7, cases: 70, closedEvery: 10, now: NOW });
      expect(seeded).toMatchObject({ contracts: 7, cases: 70, events: 70, reminders: 63 * 2 });
      expect(seeded.workspaceIds).toHaveLength(7);
      for (const ws of seeded.workspaceIds) {
        const cases = await store.listCases(ws);
        expect(cases).toHaveLength(10);
        const [contract] = await store.listContracts(ws);
        expect(cases.every((c) => c.contractId === contract!.id)).toBe(true);
        expect((await store.fetchWorkspaceInstallation(ws))?.bot?.token).toMatch(/^xoxb-seed-/);
        expect(await store.listCaseEvents(ws, cases[0]!.id)).toMatchObject([{ kind: 'opened' }]);
        const open = new Set(cases.filter((c) => c.status === 'open').map((c) => c.id));
        const pending = await store.listReminders(ws, { status: 'pending' });
        expect(pending).toHaveLength(open.size * 2);
        expect(pending.every((r) => open.has(r.caseId!))).toBe(true);
      }
      expect((await store.listCases(seeded.workspaceIds[0]!, { status: 'closed' })).length).toBeGreaterThan(0);
      expect(await store.claimDueReminders(NOW, 10_000)).toHaveLength(seeded.dueNow);
    } finally {
      await store.close();
    }
  });

  it('gives the same rows for the same options', async () => {
    const dueTimes = async () => {
      const store = await engine.open();
      try {
        const { workspaceIds } = await seedLoad(store, { workspaces: 3, cases: 30, now: NOW });
        const times: number[][] = [];
        for (const ws of workspaceIds) times.push((await store.listReminders(ws)).map((r) => r.dueAt));
        return times;
      } finally {
        await store.close();
      }
    };
    const first = await dueTimes();
    expect(first.flat()).toHaveLength(60);
    expect(await dueTimes()).toEqual(first);
  });
});
