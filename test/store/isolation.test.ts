import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Installation } from '../../src/model/installation.js';
import { isStoreError, type Store } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
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
  await store.storeInstallation({
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
  const byStatus = await store.listCaseEventsByStatus(ws, ['open', 'waiting', 'closed']);
  expect([...byStatus.keys()].every((id) => own.cases.includes(id))).toBe(true);
  expect(mine([...byStatus.values()].flat())).toBe(true);
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

/**
 * A statement is scoped when it has a condition on the workspace (or the installation key, for installations)
 * or is an insert that writes it. Keyed on the statement's text, whichever module runs it.
 */
function scoped(sql: string): boolean {
  const column = String.raw`(?:"?\w+"?\.)?"?(?:workspace_id|install_key)"?`;
  return (
    new RegExp(String.raw`\b(?:where|and|on)\s+\(*\s*${column}\s*(?:=|in\b)`, 'i').test(sql) ||
    /^\s*insert\s+into\s+\S+\s*\([^)]*\b(?:workspace_id|install_key)\b/i.test(sql)
  );
}

/** The statements docs/store.md documents as spanning workspaces ("Cross-workspace statements"), by their text. */
const CROSS_WORKSPACE: Record<string, (sql: string) => boolean> = {
  // the scheduler's claim (and, where an engine needs one, its candidate read): reminders by lease, not workspace
  'the reminder claim': (sql) => /\breminders\b/i.test(sql) && /\blease_until\b/i.test(sql),
  // ids only, for the hourly date-reminder sweep
  listWorkspacesWithContracts: (sql) =>
    /^\s*select\s+"?workspace_id"?\s+from\s+"?contracts"?\s+group\s+by\s+"?workspace_id"?(\s|$)/i.test(sql),
  // `entitlebot reencrypt`: every installation, read to be sealed again (each is then written by its key)
  "reencrypt's installation scan": (sql) =>
    /^\s*select\b[^;]*\bfrom\s+"?installations"?/i.test(sql) && !/\bwhere\b/i.test(sql),
  // the act-once memory: keys and expiry times, no workspace data
  seen_once: (sql) => /\bseen_once\b/i.test(sql),
  // jobs one instance runs at a time
  leases: (sql) => /\bleases\b/i.test(sql),
  // the schema version (migrations, readiness)
  migrations: (sql) => /\bentitlebot_migrations\b/i.test(sql),
  // statements that name no table: transaction control (BEGIN, SAVEPOINT …), PostgreSQL's advisory locks
  'no table': (sql) => !/\b(from|into|update|join)\s/i.test(sql),
};

function crossWorkspace(sql: string): boolean {
  return Object.values(CROSS_WORKSPACE).some((matches) => matches(sql));
}

type Call = <T>(name: keyof Store, work: () => Promise<T>) => Promise<T | undefined>;

function installation(team: string | undefined, enterprise?: string): Installation {
  return {
    team: team ? { id: team } : undefined,
    enterprise: enterprise ? { id: enterprise } : undefined,
    isEnterpriseInstall: team === undefined,
    user: { id: 'U1' },
    bot: { id: 'B1', userId: 'UB1', token: `xoxb-${team ?? enterprise}`, scopes: ['chat:write'] },
  };
}

/** Every Store method, on the paths that reach the database: found and not found, refused and accepted. */
async function everyMethod(s: Store, call: Call): Promise<void> {
  const ws = 'T1';
  await call('storeInstallation', () => s.storeInstallation(installation(ws)));
  await call('storeInstallation', () => s.storeInstallation(installation(undefined, 'E1')));
  await call('fetchInstallation', () => s.fetchInstallation({ teamId: ws, isEnterpriseInstall: false }));
  await call('fetchInstallation', () => s.fetchInstallation({ enterpriseId: 'E1', isEnterpriseInstall: true }));
  await call('fetchInstallation', () => s.fetchInstallation({ teamId: 'T-none', isEnterpriseInstall: false }));
  await call('linkWorkspaceToEnterprise', () => s.linkWorkspaceToEnterprise('T2', 'E1'));
  await call('fetchWorkspaceInstallation', () => s.fetchWorkspaceInstallation(ws));
  await call('fetchWorkspaceInstallation', () => s.fetchWorkspaceInstallation('T2'));
  await call('reencryptInstallations', () => s.reencryptInstallations());
  await call('firstSeen', () => s.firstSeen('message', `${ws}:C1:1.1`, T0 + 60_000, T0));
  await call('firstSeen', () => s.firstSeen('message', `${ws}:C1:1.1`, T0 + 90_000, T0 + 30_000));
  await call('takeLease', () => s.takeLease('date-reminders', 'one', T0, T0 + 60_000));
  await call('takeLease', () => s.takeLease('date-reminders', 'two', T0 + 1, T0 + 60_000));
  await call('schemaStatus', () => s.schemaStatus());

  await call('getSettings', () => s.getSettings(ws));
  await call('updateSettings', () => s.updateSettings(ws, { zone: 'Asia/Taipei', escalationChannel: 'C0ESC' }));

  const plan = {
    vendor: 'acme',
    kind: 'vendor' as const,
    documentName: 'acme.pdf',
    documentText: 'Acme support',
    planText: 'vendor: acme',
    planJson: '{"vendor":"acme"}',
    importedBy: 'U1',
  };
  await call('saveWorkspacePlan', () => s.saveWorkspacePlan(ws, plan));
  await call('saveWorkspacePlan', () => s.saveWorkspacePlan(ws, { ...plan, documentName: 'acme-2.pdf' }));
  await call('listWorkspacePlans', () => s.listWorkspacePlans(ws));
  await call('getWorkspacePlan', () => s.getWorkspacePlan(ws, 'acme'));
  await call('workspacePlanRevision', () => s.workspacePlanRevision(ws));

  const contract = (await call('addContract', () => s.addContract(ws, contractInput())))!;
  const imported = await call('addContract', () => s.addContract(ws, contractInput({ vendor: 'acme' as 'jamf' })));
  await call('addContract', () => s.addContract(ws, contractInput({ vendor: 'other' as 'jamf' })));
  await call('removeWorkspacePlan', () => s.removeWorkspacePlan(ws, 'acme'));
  await call('listContracts', () => s.listContracts(ws));
  await call('getContract', () => s.getContract(ws, contract.id));
  await call('listWorkspacesWithContracts', () => s.listWorkspacesWithContracts());

  const use = (await call('recordQuotaUse', () =>
    s.recordQuotaUse(ws, { contractId: contract.id, quotaId: 'coaching', count: 1, usedOn: '2025-01-06' }),
  ))!;
  await call('recordQuotaUse', () =>
    s.recordQuotaUse(ws, { contractId: 999, quotaId: 'coaching', count: 1, usedOn: '2025-01-06' }),
  );
  await call('listQuotaUses', () => s.listQuotaUses(ws));
  await call('listQuotaUses', () => s.listQuotaUses(ws, { contractId: contract.id, quotaId: 'coaching' }));
  await call('deleteQuotaUse', () => s.deleteQuotaUse(ws, use.id));

  await call('cacheUserZone', () => s.cacheUserZone(ws, 'U1', 'Asia/Taipei', T0));
  await call('getCachedUserZone', () => s.getCachedUserZone(ws, 'U1', T0, 60_000));
  await call('cacheUser', () => s.cacheUser(ws, 'U2', { zone: 'UTC', locale: 'en-US' }, T0));
  await call('getCachedUser', () => s.getCachedUser(ws, 'U2', T0, 60_000));

  const opened = (await call('createCase', () => s.createCase(ws, { ...caseFor(contract.id), threadTs: '1.1' })))!;
  await call('createCase', () => s.createCase(ws, { ...caseFor(contract.id), threadTs: '1.1' }));
  await call('getCase', () => s.getCase(ws, opened.id));
  await call('getCaseByThread', () => s.getCaseByThread(ws, 'C9', '1.1'));
  await call('listCases', () => s.listCases(ws));
  await call('listCases', () => s.listCases(ws, { status: ['open', 'waiting'] }));
  await call('lastCaseChannel', () => s.lastCaseChannel(ws));
  await call('updateCase', () => s.updateCase(ws, opened.id, { severity: 'A', contractId: imported?.id ?? null }));
  await call('updateCase', () => s.updateCase(ws, opened.id, { contractId: contract.id }));
  const event = (await call('addCaseEvent', () =>
    s.addCaseEvent(ws, opened.id, { kind: 'note', at: T0, source: 'command', data: { text: 'hi' } }),
  ))!;
  await call('listCaseEvents', () => s.listCaseEvents(ws, opened.id));
  await call('listCaseEventsByStatus', () => s.listCaseEventsByStatus(ws, ['open', 'waiting']));
  await call('getCaseEvent', () => s.getCaseEvent(ws, event.id));
  await call('undoCaseEvent', () => s.undoCaseEvent(ws, event.id));

  const reminder = (at: number, key: string) => ({
    channelId: 'C9',
    threadTs: '1.1',
    kind: 'update-warning',
    dueAt: at,
    text: 'update due',
    dedupeKey: key,
  });
  const pending = (await call('replaceCaseReminders', () =>
    s.replaceCaseReminders(ws, opened.id, [reminder(T0, 'a'), reminder(T0 + 1000, 'b')]),
  ))!;
  await call('replaceCaseReminders', () => s.replaceCaseReminders(ws, opened.id, [reminder(T0, 'a')]));
  const dated = (await call('scheduleReminder', () =>
    s.scheduleReminder(ws, { ...reminder(T0 + 5000, 'date'), threadTs: null, contractId: contract.id }),
  ))!;
  await call('hasReminderKey', () => s.hasReminderKey(ws, 'a'));
  await call('getReminder', () => s.getReminder(ws, pending[0]!.id));
  await call('listReminders', () => s.listReminders(ws));
  await call('listReminders', () => s.listReminders(ws, { caseId: opened.id, status: 'pending' }));
  await call('snoozeReminder', () => s.snoozeReminder(ws, dated.id, T0 + 6000));
  const claimed = (await call('claimDueReminders', () => s.claimDueReminders(T0 + 10_000, 10, 60_000, 'one')))!;
  await call('renewReminderLeases', () =>
    s.renewReminderLeases(
      claimed.map((r) => ({ workspaceId: r.workspaceId, id: r.id })),
      'one',
      T0 + 120_000,
    ),
  );
  await call('nextCaseReminderDue', () => s.nextCaseReminderDue(ws, opened.id, T0, pending[0]!.id));
  await call('markReminderSent', () => s.markReminderSent(ws, pending[0]!.id, T0 + 11_000, '1.2'));
  await call('snoozeReminder', () => s.snoozeReminder(ws, pending[0]!.id, T0 + 20_000));
  await call('releaseReminder', () => s.releaseReminder(ws, dated.id, 'rate limited', T0 + 30_000));
  await call('markReminderFailed', () => s.markReminderFailed(ws, dated.id, 'channel gone'));
  await call('cancelReminder', () => s.cancelReminder(ws, pending[0]!.id));

  await call('removeContract', () => s.removeContract(ws, contract.id));
  await s.transaction(async () => {
    await call('updateCase', () => s.updateCase(ws, opened.id, { status: 'closed', closedAt: T0 }));
    await call('createCase', () => s.createCase(ws, { ...caseFor(contract.id), threadTs: '1.1' }));
    await call('removeContract', () => s.removeContract(ws, contract.id));
  });
  if (imported) await call('removeContract', () => s.removeContract(ws, imported.id));
  await call('removeWorkspacePlan', () => s.removeWorkspacePlan(ws, 'acme'));

  await call('cancelWorkspaceReminders', () => s.cancelWorkspaceReminders(ws));
  await call('deleteWorkspaceTokens', () => s.deleteWorkspaceTokens(ws));
  await call('deleteInstallation', () => s.deleteInstallation({ enterpriseId: 'E1', isEnterpriseInstall: true }));
}

describe.each(engines)('on $name', (engine) => {
  describe('workspace isolation', () => {
    it('one workspace never sees or changes another’s rows, for every entity', { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(workspaceId, workspaceId).filter(([a, b]) => a !== b),
          workspaceData,
          workspaceData,
          async ([a, b], dataA, dataB) => {
            const store = await engine.open();
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
        // a PostgreSQL store is a schema with its migrations (about half a second): fewer runs there
        { numRuns: engine.name === 'sqlite' ? 60 : 15 },
      );
    });

    it('refuses every scoped call without a workspace id', async () => {
      const store = await engine.open();
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
        ['listCaseEventsByStatus', async (ws) => await store.listCaseEventsByStatus(ws, ['open'])],
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
    it('scopes every statement the store runs by workspace (or installation key), except the documented cross-workspace ones', async () => {
      const seen: Array<{ method: string; sql: string }> = [];
      let method = '';
      let recording = false;
      // recorded from after the migrations (which run before any workspace exists) to the end of the workload
      const store = await engine.open({
        secrets: { key: randomBytes(32) },
        onQuery: (sql) => {
          if (recording) seen.push({ method, sql });
        },
      });
      recording = true;
      const called = new Set<string>();
      const call = async <T>(name: keyof Store, work: () => Promise<T>): Promise<T | undefined> => {
        method = name;
        called.add(name);
        try {
          return await work();
        } catch (error) {
          // refusals (not found, in use, exists) are part of the workload: their statements are checked too
          if (!isStoreError(error) || error.code === 'database') throw error;
          return undefined;
        } finally {
          method = '';
        }
      };
      try {
        await everyMethod(store, call);
      } finally {
        recording = false;
        await store.close();
      }

      // the workload asks every method of the Store, and each of them reached the database
      const methods = Object.keys(store).filter((m) => !['path', 'close', 'checkpoint', 'transaction'].includes(m));
      expect(methods.filter((m) => !called.has(m))).toEqual([]);
      // (SQLite's schema version is a PRAGMA on the raw connection, outside the statement log)
      const unlogged = engine.name === 'sqlite' ? ['schemaStatus'] : [];
      expect(methods.filter((m) => !unlogged.includes(m) && !seen.some((s) => s.method === m))).toEqual([]);
      expect(new Set(seen.map((s) => s.sql)).size).toBeGreaterThan(40);

      const unscoped = [...new Set(seen.filter(({ sql }) => !scoped(sql) && !crossWorkspace(sql)).map((s) => s.sql))];
      expect(unscoped).toEqual([]);
      // and each documented exception is one the workload met (an exception nobody uses is to be deleted)
      for (const [name, matches] of Object.entries(CROSS_WORKSPACE)) {
        if (name === 'no table' || (name === 'migrations' && engine.name === 'sqlite')) continue;
        expect(
          seen.some(({ sql }) => !scoped(sql) && matches(sql)),
          name,
        ).toBe(true);
      }
    });

    it('lists the workspaces that have contracts, and nothing else about them', async () => {
      const store = await engine.open();
      try {
        await store.addContract('T-B', contractInput());
        await store.addContract('T-A', contractInput());
        await store.addContract('T-A', contractInput());
        await store.addContract('t-a', contractInput());
        await store.updateSettings('T-C', { zone: 'Asia/Taipei' });
        // byte order on both engines, whatever the PostgreSQL database's collation
        expect(await store.listWorkspacesWithContracts()).toEqual(['T-A', 'T-B', 't-a']);
      } finally {
        await store.close();
      }
    });
  });
});
