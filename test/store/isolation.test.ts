import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoreError, openStore, type Store } from '../../src/store/index.js';
import { contractInput } from '../support/store.js';

const T0 = Date.UTC(2025, 0, 6, 2, 0);

/** Text a person might type, hostile SQL included. */
const typed = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom(
    "'); DROP TABLE contracts;--",
    "x' OR '1'='1",
    '"; DELETE FROM cases; --',
    '%',
    '_',
    '\\',
    '下次更新',
  ),
);
const workspaceId = fc.oneof(
  fc.stringMatching(/^T[A-Z0-9]{2,10}$/),
  fc.constantFrom('local', "T1' OR 1=1 --", 'E0AAA'),
);

const workspaceData = fc.record({
  contracts: fc.array(
    fc.record({ name: typed, plan: typed, zone: fc.constantFrom('UTC', 'Asia/Taipei', 'America/New_York') }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  cases: fc.array(
    fc.record({
      channel: fc.constantFrom('C1', 'C2', "C'); --"),
      thread: fc.constantFrom('1.1', '1.2', '2.1', '3.3'),
      severity: fc.option(typed, { nil: null }),
      vendorRef: fc.option(typed, { nil: null }),
      events: fc.array(fc.record({ kind: typed, data: fc.jsonValue() }), { maxLength: 3 }),
      reminders: fc.array(fc.record({ key: typed, offsetMinutes: fc.integer({ min: -60, max: 60 }), text: typed }), {
        maxLength: 3,
      }),
      closed: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  quotaUses: fc.array(fc.record({ quotaId: typed, count: fc.integer({ min: 1, max: 5 }), note: typed }), {
    maxLength: 3,
  }),
  users: fc.array(
    fc.record({ userId: fc.constantFrom('U1', 'U2', 'U3'), zone: fc.constantFrom('UTC', 'Asia/Taipei') }),
    {
      maxLength: 3,
    },
  ),
  language: fc.constantFrom('en' as const, 'zh' as const),
  zone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Taipei'),
});

interface Ids {
  contracts: number[];
  cases: number[];
  events: number[];
  reminders: number[];
  quotaUses: number[];
  threads: Array<[string, string]>;
  users: string[];
}

async function fill(store: Store, ws: string, data: WorkspaceData): Promise<Ids> {
  const ids: Ids = { contracts: [], cases: [], events: [], reminders: [], quotaUses: [], threads: [], users: [] };
  await store.updateSettings(ws, { language: data.language, zone: data.zone });
  store.storeInstallation({
    team: { id: ws },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', token: `xoxb-${ws}`, scopes: ['chat:write'] },
  });
  for (const c of data.contracts) {
    ids.contracts.push((await store.addContract(ws, contractInput({ name: c.name, plan: c.plan, zone: c.zone }))).id);
  }
  const contractId = ids.contracts[0]!;
  for (const q of data.quotaUses) {
    ids.quotaUses.push(
      (
        await store.recordQuotaUse(ws, {
          contractId,
          quotaId: q.quotaId,
          count: q.count,
          usedOn: '2025-02-03',
          note: q.note,
        })
      ).id,
    );
  }
  for (const u of data.users) {
    await store.cacheUserZone(ws, u.userId, u.zone, T0);
    ids.users.push(u.userId);
  }
  for (const c of data.cases) {
    if (ids.threads.some(([ch, th]) => ch === c.channel && th === c.thread)) continue;
    const opened = await store.createCase(ws, {
      channelId: c.channel,
      threadTs: c.thread,
      contractId,
      severity: c.severity,
      productScope: null,
      vendorRef: c.vendorRef,
      openedAt: T0,
      openedBy: 'U1',
    });
    ids.cases.push(opened.id);
    ids.threads.push([c.channel, c.thread]);
    for (const e of c.events) {
      ids.events.push(
        (await store.addCaseEvent(ws, opened.id, { kind: e.kind, at: T0, source: 'command', data: e.data })).id,
      );
    }
    const reminders = await store.replaceCaseReminders(
      ws,
      opened.id,
      c.reminders.map((r, i) => ({
        channelId: c.channel,
        threadTs: c.thread,
        kind: 'update-warning',
        dueAt: T0 + r.offsetMinutes * 60_000,
        text: r.text,
        dedupeKey: `${r.key}#${i}`,
      })),
    );
    ids.reminders.push(...reminders.map((r) => r.id));
    if (c.closed) await store.updateCase(ws, opened.id, { status: 'closed', closedAt: T0 });
  }
  return ids;
}
type WorkspaceData = typeof workspaceData extends fc.Arbitrary<infer T> ? T : never;

/** Every read for `ws` returns only its own rows, and no id of `other` reaches anything through `ws`. */
async function expectSealed(store: Store, ws: string, own: Ids, other: Ids): Promise<void> {
  const mine = (rows: Array<{ workspaceId: string }>) => rows.every((row) => row.workspaceId === ws);

  const contracts = await store.listContracts(ws);
  expect(mine(contracts)).toBe(true);
  expect(contracts.map((c) => c.id)).toEqual(own.contracts);
  const cases = await store.listCases(ws);
  expect(mine(cases)).toBe(true);
  expect(cases.map((c) => c.id).sort((a, b) => a - b)).toEqual([...own.cases].sort((a, b) => a - b));
  expect(mine(await store.listCases(ws, { status: ['open', 'waiting', 'closed'] }))).toBe(true);
  expect(mine(await store.listQuotaUses(ws))).toBe(true);
  expect((await store.listQuotaUses(ws)).map((q) => q.id)).toEqual(own.quotaUses);
  expect(mine(await store.listReminders(ws))).toBe(true);
  for (const id of own.cases) {
    expect(mine(await store.listCaseEvents(ws, id))).toBe(true);
    expect(mine(await store.listReminders(ws, { caseId: id }))).toBe(true);
  }
  for (const [channel, thread] of own.threads) {
    expect((await store.getCaseByThread(ws, channel, thread))?.workspaceId).toBe(ws);
  }
  expect((await store.fetchWorkspaceInstallation(ws))?.bot?.token).toBe(`xoxb-${ws}`);

  for (const id of other.contracts) {
    expect(await store.getContract(ws, id)).toBeNull();
    expect(await store.listQuotaUses(ws, { contractId: id })).toEqual([]);
    await expect(
      async () => await store.recordQuotaUse(ws, { contractId: id, quotaId: 'q', count: 1, usedOn: '2025-01-01' }),
    ).rejects.toThrow(/no contract/);
    await expect(async () => await store.createCase(ws, { ...caseFor(id), threadTs: `new-${id}` })).rejects.toThrow(
      /no contract/,
    );
  }
  for (const id of other.cases) {
    expect(await store.getCase(ws, id)).toBeNull();
    expect(await store.listCaseEvents(ws, id)).toEqual([]);
    expect(await store.listReminders(ws, { caseId: id })).toEqual([]);
    await expect(async () => await store.updateCase(ws, id, { severity: 'A' })).rejects.toThrow(/no case/);
    await expect(
      async () => await store.addCaseEvent(ws, id, { kind: 'note', at: T0, source: 'command' }),
    ).rejects.toThrow(/no case/);
    await expect(async () => await store.replaceCaseReminders(ws, id, [])).rejects.toThrow(/no case/);
  }
  for (const id of other.events) {
    expect(await store.getCaseEvent(ws, id)).toBeNull();
    expect(await store.undoCaseEvent(ws, id)).toBeNull();
  }
  for (const id of other.reminders) {
    expect(await store.getReminder(ws, id)).toBeNull();
    expect(await store.snoozeReminder(ws, id, T0)).toBeNull();
    expect(await store.cancelReminder(ws, id)).toBe(false);
    expect(await store.markReminderSent(ws, id, T0)).toBeNull();
    expect(await store.releaseReminder(ws, id, 'x', T0)).toBeNull();
    expect(await store.markReminderFailed(ws, id, 'x')).toBeNull();
  }
  for (const id of other.quotaUses) expect(await store.deleteQuotaUse(ws, id)).toBe(false);
  for (const user of other.users) {
    if (!own.users.includes(user)) expect(await store.getCachedUserZone(ws, user, T0, 60_000)).toBeNull();
  }
}

function caseFor(contractId: number) {
  return {
    channelId: 'C9',
    threadTs: '9.9',
    contractId,
    severity: null,
    productScope: null,
    vendorRef: null,
    openedAt: T0,
    openedBy: 'U1',
  };
}

describe('workspace isolation', () => {
  it('one workspace never sees or changes another’s rows, for every entity', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(workspaceId, workspaceId).filter(([a, b]) => a !== b),
        workspaceData,
        workspaceData,
        async ([a, b], dataA, dataB) => {
          const store = await openStore(':memory:');
          try {
            const idsA = await fill(store, a, dataA);
            const idsB = await fill(store, b, dataB);
            const before = { a: await store.getSettings(a), b: await store.getSettings(b) };
            expect(before.a).toMatchObject({ language: dataA.language, zone: dataA.zone });
            expect(before.b).toMatchObject({ language: dataB.language, zone: dataB.zone });

            await expectSealed(store, a, idsA, idsB);
            await expectSealed(store, b, idsB, idsA);

            // The scheduler's claim crosses workspaces, and each row says whose it is.
            const claimed = await store.claimDueReminders(T0 + 3_600_000, 1000);
            for (const r of claimed) expect((r.workspaceId === a ? idsA : idsB).reminders).toContain(r.id);

            // Uninstalling A touches none of B's tokens, reminders or data.
            const bPending = (await store.listReminders(b, { status: 'pending' })).length;
            await store.deleteWorkspaceTokens(a);
            await store.cancelWorkspaceReminders(a);
            expect(await store.fetchWorkspaceInstallation(a)).toBeNull();
            expect(await store.fetchWorkspaceInstallation(b)).not.toBeNull();
            expect(await store.listReminders(b, { status: 'pending' })).toHaveLength(bPending);
            expect(await store.getSettings(b)).toEqual(before.b);
            expect((await store.listContracts(b)).map((c) => c.id)).toEqual(idsB.contracts);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses every scoped call without a workspace id', async () => {
    const store = await openStore(':memory:');
    const calls: Array<[string, (ws: string) => unknown]> = [
      ['getSettings', async (ws) => await store.getSettings(ws)],
      ['updateSettings', async (ws) => await store.updateSettings(ws, { language: 'zh' })],
      ['listContracts', async (ws) => await store.listContracts(ws)],
      ['getContract', async (ws) => await store.getContract(ws, 1)],
      ['addContract', async (ws) => await store.addContract(ws, contractInput())],
      ['removeContract', async (ws) => await store.removeContract(ws, 1)],
      [
        'recordQuotaUse',
        async (ws) => await store.recordQuotaUse(ws, { contractId: 1, quotaId: 'q', count: 1, usedOn: '2025-01-01' }),
      ],
      ['listQuotaUses', async (ws) => await store.listQuotaUses(ws)],
      ['getCachedUserZone', async (ws) => await store.getCachedUserZone(ws, 'U1', T0, 1)],
      ['cacheUserZone', async (ws) => await store.cacheUserZone(ws, 'U1', 'UTC', T0)],
      ['createCase', async (ws) => await store.createCase(ws, caseFor(1))],
      ['getCase', async (ws) => await store.getCase(ws, 1)],
      ['getCaseByThread', async (ws) => await store.getCaseByThread(ws, 'C1', '1.1')],
      ['listCases', async (ws) => await store.listCases(ws)],
      ['updateCase', async (ws) => await store.updateCase(ws, 1, {})],
      ['addCaseEvent', async (ws) => await store.addCaseEvent(ws, 1, { kind: 'note', at: T0, source: 'command' })],
      ['listCaseEvents', async (ws) => await store.listCaseEvents(ws, 1)],
      ['undoCaseEvent', async (ws) => await store.undoCaseEvent(ws, 1)],
      ['replaceCaseReminders', async (ws) => await store.replaceCaseReminders(ws, 1, [])],
      ['listReminders', async (ws) => await store.listReminders(ws)],
      ['cancelWorkspaceReminders', async (ws) => await store.cancelWorkspaceReminders(ws)],
      ['snoozeReminder', async (ws) => await store.snoozeReminder(ws, 1, T0)],
      ['markReminderSent', async (ws) => await store.markReminderSent(ws, 1, T0)],
      ['releaseReminder', async (ws) => await store.releaseReminder(ws, 1, 'e', T0)],
      ['markReminderFailed', async (ws) => await store.markReminderFailed(ws, 1, 'e')],
      ['deleteWorkspaceTokens', async (ws) => await store.deleteWorkspaceTokens(ws)],
      ['fetchWorkspaceInstallation', async (ws) => await store.fetchWorkspaceInstallation(ws)],
    ];
    for (const [name, call] of calls) {
      for (const missing of ['', '   ', undefined as unknown as string, null as unknown as string]) {
        let error: unknown;
        try {
          await call(missing);
        } catch (caught) {
          error = caught;
        }
        expect(isStoreError(error, 'workspace-required'), `${name}(${JSON.stringify(missing)})`).toBe(true);
      }
    }
    await store.close();
  });
});

describe('the SQL itself', () => {
  it('scopes every statement by workspace (or installation key), except the documented cross-workspace ones', () => {
    const dir = new URL('../../src/store/', import.meta.url);
    const statements: Array<{ file: string; sql: string }> = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      for (const match of source.matchAll(/\.prepare(?:<[^>]*>)?\(\s*(`[^`]*`|'[^']*'|"[^"]*")/g)) {
        statements.push({ file, sql: match[1]! });
      }
    }
    expect(statements.length).toBeGreaterThan(20);
    // scoped: a condition on the workspace (or installation key), or an insert that writes it
    const scoped = (sql: string) =>
      /(WHERE|AND|ON)\s+\(?[\w.]*\b(workspace_id|install_key)\b\s*(=|IN\b)/i.test(sql) ||
      (/^\W*INSERT/i.test(sql) && /workspace_id|install_key/.test(sql));
    const unscoped = statements.filter(({ sql }) => !scoped(sql));
    // installations, user zones and workspace plans speak Kysely: their statements are checked as they run, on
    // both engines (test/store/installations.test.ts, 'the statements on …'), the re-encryption sweep the one
    // unscoped statement among them; so do reminders (test/store/reminders.test.ts, 'the SQL it runs', where the
    // claim is the one unscoped statement)
    expect(unscoped.map((u) => u.file).sort()).toEqual(['contracts.ts']);
    expect(unscoped.find((u) => u.file === 'contracts.ts')!.sql).toMatch(
      /^'SELECT DISTINCT workspace_id FROM contracts/,
    );
  });

  it('lists the workspaces that have contracts, and nothing else about them', async () => {
    const store = await openStore(':memory:');
    await store.addContract('T-A', contractInput());
    await store.addContract('T-A', contractInput());
    await store.addContract('T-B', contractInput());
    await store.updateSettings('T-C', { zone: 'Asia/Taipei' });
    expect(await store.listWorkspacesWithContracts()).toEqual(['T-A', 'T-B']);
    await store.close();
  });
});
