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

function fill(store: Store, ws: string, data: WorkspaceData): Ids {
  const ids: Ids = { contracts: [], cases: [], events: [], reminders: [], quotaUses: [], threads: [], users: [] };
  store.updateSettings(ws, { language: data.language, zone: data.zone });
  store.storeInstallation({
    team: { id: ws },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', token: `xoxb-${ws}`, scopes: ['chat:write'] },
  });
  for (const c of data.contracts) {
    ids.contracts.push(store.addContract(ws, contractInput({ name: c.name, plan: c.plan, zone: c.zone })).id);
  }
  const contractId = ids.contracts[0]!;
  for (const q of data.quotaUses) {
    ids.quotaUses.push(
      store.recordQuotaUse(ws, { contractId, quotaId: q.quotaId, count: q.count, usedOn: '2025-02-03', note: q.note })
        .id,
    );
  }
  for (const u of data.users) {
    store.cacheUserZone(ws, u.userId, u.zone, T0);
    ids.users.push(u.userId);
  }
  for (const c of data.cases) {
    if (ids.threads.some(([ch, th]) => ch === c.channel && th === c.thread)) continue;
    const opened = store.createCase(ws, {
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
      ids.events.push(store.addCaseEvent(ws, opened.id, { kind: e.kind, at: T0, source: 'command', data: e.data }).id);
    }
    const reminders = store.replaceCaseReminders(
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
    if (c.closed) store.updateCase(ws, opened.id, { status: 'closed', closedAt: T0 });
  }
  return ids;
}
type WorkspaceData = typeof workspaceData extends fc.Arbitrary<infer T> ? T : never;

/** Every read for `ws` returns only its own rows, and no id of `other` reaches anything through `ws`. */
function expectSealed(store: Store, ws: string, own: Ids, other: Ids): void {
  const mine = (rows: Array<{ workspaceId: string }>) => rows.every((row) => row.workspaceId === ws);

  const contracts = store.listContracts(ws);
  expect(mine(contracts)).toBe(true);
  expect(contracts.map((c) => c.id)).toEqual(own.contracts);
  const cases = store.listCases(ws);
  expect(mine(cases)).toBe(true);
  expect(cases.map((c) => c.id).sort((a, b) => a - b)).toEqual([...own.cases].sort((a, b) => a - b));
  expect(mine(store.listCases(ws, { status: ['open', 'waiting', 'closed'] }))).toBe(true);
  expect(mine(store.listQuotaUses(ws))).toBe(true);
  expect(store.listQuotaUses(ws).map((q) => q.id)).toEqual(own.quotaUses);
  expect(mine(store.listReminders(ws))).toBe(true);
  for (const id of own.cases) {
    expect(mine(store.listCaseEvents(ws, id))).toBe(true);
    expect(mine(store.listReminders(ws, { caseId: id }))).toBe(true);
  }
  for (const [channel, thread] of own.threads) {
    expect(store.getCaseByThread(ws, channel, thread)?.workspaceId).toBe(ws);
  }
  expect(store.fetchWorkspaceInstallation(ws)?.bot?.token).toBe(`xoxb-${ws}`);

  for (const id of other.contracts) {
    expect(store.getContract(ws, id)).toBeNull();
    expect(store.listQuotaUses(ws, { contractId: id })).toEqual([]);
    expect(() => store.recordQuotaUse(ws, { contractId: id, quotaId: 'q', count: 1, usedOn: '2025-01-01' })).toThrow(
      /no contract/,
    );
    expect(() => store.createCase(ws, { ...caseFor(id), threadTs: `new-${id}` })).toThrow(/no contract/);
  }
  for (const id of other.cases) {
    expect(store.getCase(ws, id)).toBeNull();
    expect(store.listCaseEvents(ws, id)).toEqual([]);
    expect(store.listReminders(ws, { caseId: id })).toEqual([]);
    expect(() => store.updateCase(ws, id, { severity: 'A' })).toThrow(/no case/);
    expect(() => store.addCaseEvent(ws, id, { kind: 'note', at: T0, source: 'command' })).toThrow(/no case/);
    expect(() => store.replaceCaseReminders(ws, id, [])).toThrow(/no case/);
  }
  for (const id of other.events) {
    expect(store.getCaseEvent(ws, id)).toBeNull();
    expect(store.undoCaseEvent(ws, id)).toBeNull();
  }
  for (const id of other.reminders) {
    expect(store.getReminder(ws, id)).toBeNull();
    expect(store.snoozeReminder(ws, id, T0)).toBeNull();
    expect(store.cancelReminder(ws, id)).toBe(false);
    expect(store.markReminderSent(ws, id, T0)).toBeNull();
    expect(store.releaseReminder(ws, id, 'x', T0)).toBeNull();
    expect(store.markReminderFailed(ws, id, 'x')).toBeNull();
  }
  for (const id of other.quotaUses) expect(store.deleteQuotaUse(ws, id)).toBe(false);
  for (const user of other.users) {
    if (!own.users.includes(user)) expect(store.getCachedUserZone(ws, user, T0, 60_000)).toBeNull();
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
  it('one workspace never sees or changes another’s rows, for every entity', () => {
    fc.assert(
      fc.property(
        fc.tuple(workspaceId, workspaceId).filter(([a, b]) => a !== b),
        workspaceData,
        workspaceData,
        ([a, b], dataA, dataB) => {
          const store = openStore(':memory:');
          try {
            const idsA = fill(store, a, dataA);
            const idsB = fill(store, b, dataB);
            const before = { a: store.getSettings(a), b: store.getSettings(b) };
            expect(before.a).toMatchObject({ language: dataA.language, zone: dataA.zone });
            expect(before.b).toMatchObject({ language: dataB.language, zone: dataB.zone });

            expectSealed(store, a, idsA, idsB);
            expectSealed(store, b, idsB, idsA);

            // The scheduler's claim crosses workspaces, and each row says whose it is.
            const claimed = store.claimDueReminders(T0 + 3_600_000, 1000);
            for (const r of claimed) expect((r.workspaceId === a ? idsA : idsB).reminders).toContain(r.id);

            // Uninstalling A touches none of B's tokens, reminders or data.
            const bPending = store.listReminders(b, { status: 'pending' }).length;
            store.deleteWorkspaceTokens(a);
            store.cancelWorkspaceReminders(a);
            expect(store.fetchWorkspaceInstallation(a)).toBeNull();
            expect(store.fetchWorkspaceInstallation(b)).not.toBeNull();
            expect(store.listReminders(b, { status: 'pending' })).toHaveLength(bPending);
            expect(store.getSettings(b)).toEqual(before.b);
            expect(store.listContracts(b).map((c) => c.id)).toEqual(idsB.contracts);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses every scoped call without a workspace id', () => {
    const store = openStore(':memory:');
    const calls: Array<[string, (ws: string) => unknown]> = [
      ['getSettings', (ws) => store.getSettings(ws)],
      ['updateSettings', (ws) => store.updateSettings(ws, { language: 'zh' })],
      ['listContracts', (ws) => store.listContracts(ws)],
      ['getContract', (ws) => store.getContract(ws, 1)],
      ['addContract', (ws) => store.addContract(ws, contractInput())],
      ['removeContract', (ws) => store.removeContract(ws, 1)],
      [
        'recordQuotaUse',
        (ws) => store.recordQuotaUse(ws, { contractId: 1, quotaId: 'q', count: 1, usedOn: '2025-01-01' }),
      ],
      ['listQuotaUses', (ws) => store.listQuotaUses(ws)],
      ['getCachedUserZone', (ws) => store.getCachedUserZone(ws, 'U1', T0, 1)],
      ['cacheUserZone', (ws) => store.cacheUserZone(ws, 'U1', 'UTC', T0)],
      ['createCase', (ws) => store.createCase(ws, caseFor(1))],
      ['getCase', (ws) => store.getCase(ws, 1)],
      ['getCaseByThread', (ws) => store.getCaseByThread(ws, 'C1', '1.1')],
      ['listCases', (ws) => store.listCases(ws)],
      ['updateCase', (ws) => store.updateCase(ws, 1, {})],
      ['addCaseEvent', (ws) => store.addCaseEvent(ws, 1, { kind: 'note', at: T0, source: 'command' })],
      ['listCaseEvents', (ws) => store.listCaseEvents(ws, 1)],
      ['undoCaseEvent', (ws) => store.undoCaseEvent(ws, 1)],
      ['replaceCaseReminders', (ws) => store.replaceCaseReminders(ws, 1, [])],
      ['listReminders', (ws) => store.listReminders(ws)],
      ['cancelWorkspaceReminders', (ws) => store.cancelWorkspaceReminders(ws)],
      ['snoozeReminder', (ws) => store.snoozeReminder(ws, 1, T0)],
      ['markReminderSent', (ws) => store.markReminderSent(ws, 1, T0)],
      ['releaseReminder', (ws) => store.releaseReminder(ws, 1, 'e', T0)],
      ['markReminderFailed', (ws) => store.markReminderFailed(ws, 1, 'e')],
      ['deleteWorkspaceTokens', (ws) => store.deleteWorkspaceTokens(ws)],
      ['fetchWorkspaceInstallation', (ws) => store.fetchWorkspaceInstallation(ws)],
    ];
    for (const [name, call] of calls) {
      for (const missing of ['', '   ', undefined as unknown as string, null as unknown as string]) {
        let error: unknown;
        try {
          call(missing);
        } catch (caught) {
          error = caught;
        }
        expect(isStoreError(error, 'workspace-required'), `${name}(${JSON.stringify(missing)})`).toBe(true);
      }
    }
    store.close();
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
    expect(statements.length).toBeGreaterThan(40);
    // scoped: a condition on the workspace (or installation key), or an insert that writes it
    const scoped = (sql: string) =>
      /(WHERE|AND|ON)\s+\(?[\w.]*\b(workspace_id|install_key)\b\s*(=|IN\b)/i.test(sql) ||
      (/^\W*INSERT/i.test(sql) && /workspace_id|install_key/.test(sql));
    const unscoped = statements.filter(({ sql }) => !scoped(sql));
    expect(unscoped.map((u) => u.file).sort()).toEqual([
      'contracts.ts',
      'installations.ts',
      'reminders.ts',
      'seen-once.ts',
      'seen-once.ts',
    ]);
    // maintenance only (`entitlebot reencrypt`)
    expect(unscoped.find((u) => u.file === 'installations.ts')!.sql).toMatch(
      /^'SELECT install_key, data FROM installations ORDER/,
    );
    // the request memory: keys and expiry times only, no workspace data
    for (const u of unscoped.filter((x) => x.file === 'seen-once.ts')) expect(u.sql).toMatch(/seen_once/);
    expect(unscoped.find((u) => u.file === 'reminders.ts')!.sql).toMatch(/SET status = 'sending'/);
    expect(unscoped.find((u) => u.file === 'contracts.ts')!.sql).toMatch(
      /^'SELECT DISTINCT workspace_id FROM contracts/,
    );
  });

  it('lists the workspaces that have contracts, and nothing else about them', () => {
    const store = openStore(':memory:');
    store.addContract('T-A', contractInput());
    store.addContract('T-A', contractInput());
    store.addContract('T-B', contractInput());
    store.updateSettings('T-C', { zone: 'Asia/Taipei' });
    expect(store.listWorkspacesWithContracts()).toEqual(['T-A', 'T-B']);
    store.close();
  });
});
