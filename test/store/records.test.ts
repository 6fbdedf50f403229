import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isStoreError, type Store } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
import { bareJamfGold, caseInput, contractInput, reminderInput } from '../support/store.js';

const T0 = Date.UTC(2025, 0, 6, 2, 0);
const HOSTILE = [
  "'); DROP TABLE contracts;--",
  "x' OR '1'='1",
  'Robert"); DELETE FROM cases WHERE ("1"="1',
  '%_\\',
  '\u0000 null byte',
  '回應期限？ 下次更新是什麼時候？',
  '😀'.repeat(10),
];

async function thrown(fn: () => unknown): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe.each(engines)('on $name', (engine) => {
  let store: Store;
  let clock = T0;
  beforeEach(async () => {
    clock = T0;
    store = await engine.open({ now: () => clock });
  });
  afterEach(async () => await store.close());

  describe('workspace settings', () => {
    it('start at the defaults and keep what is changed', async () => {
      expect(await store.getSettings('T1')).toEqual({
        zone: 'UTC',
        language: 'en',
        reminderLeadMinutes: [30, 0],
        broadcastBreaches: false,
        escalationChannel: null,
      });
      const updated = await store.updateSettings('T1', { zone: 'Asia/Taipei', reminderLeadMinutes: [0, 60, 60] });
      expect(updated).toEqual({ ...DEFAULT_SETTINGS, zone: 'Asia/Taipei', reminderLeadMinutes: [60, 0] });
      expect(await store.updateSettings('T1', { broadcastBreaches: true })).toEqual({
        ...updated,
        broadcastBreaches: true,
      });
      expect(await store.getSettings('T1')).toEqual({ ...updated, broadcastBreaches: true });
      expect((await store.updateSettings('T1', { escalationChannel: 'C0ESC' })).escalationChannel).toBe('C0ESC');
      expect(await store.getSettings('T1')).toMatchObject({ zone: 'Asia/Taipei', escalationChannel: 'C0ESC' });
      expect((await store.updateSettings('T1', { escalationChannel: null })).escalationChannel).toBeNull();
    });

    it('refuses an escalation channel that is not a channel id, keeping the old one', async () => {
      await store.updateSettings('T1', { escalationChannel: 'C0ESC' });
      expect(
        (await thrown(async () => await store.updateSettings('T1', { escalationChannel: '<!channel>' }))).message,
      ).toMatch(/must be a channel/);
      expect((await store.getSettings('T1')).escalationChannel).toBe('C0ESC');
    });

    it('gives a case an owner: the opener, until someone takes it; null hands it back', async () => {
      await store.addContract('T1', bareJamfGold());
      const contractId = (await store.listContracts('T1'))[0]!.id;
      const kase = await store.createCase('T1', {
        channelId: 'C1',
        threadTs: '1.1',
        contractId,
        severity: 'P1',
        productScope: null,
        vendorRef: null,
        openedAt: 1_000,
        openedBy: 'U0OPENER',
      });
      expect(kase.ownerId).toBe('U0OPENER');
      expect((await store.updateCase('T1', kase.id, { ownerId: 'U0OTHER' })).ownerId).toBe('U0OTHER');
      expect((await store.getCase('T1', kase.id))!.ownerId).toBe('U0OTHER');
      expect((await store.updateCase('T1', kase.id, { ownerId: null })).ownerId).toBe('U0OPENER');
    });

    it('explain a bad value and keep the old one', async () => {
      expect((await thrown(async () => await store.updateSettings('T1', { zone: 'Mars/Olympus' }))).message).toMatch(
        /IANA time zone such as Asia\/Taipei/,
      );
      expect((await thrown(async () => await store.updateSettings('T1', { language: 'fr' as 'en' }))).message).toMatch(
        /one of en, zh/,
      );
      expect(
        (await thrown(async () => await store.updateSettings('T1', { reminderLeadMinutes: [-5] }))).message,
      ).toMatch(/such as \[30, 0\]/);
      expect(await store.getSettings('T1')).toEqual(DEFAULT_SETTINGS);
    });
  });

  describe('contracts', () => {
    it('round-trip every field', async () => {
      const input = contractInput({
        vendor: 'autodesk',
        plan: 'enterprise',
        addons: ['aem', 'aed'],
        name: 'Autodesk EMEA',
        customerType: 'education',
        region: 'emea',
        zone: 'Europe/Berlin',
        holidays: { country: 'DE', subdivision: 'BY' },
        hours: { start: '08:00', end: '18:00' },
        amounts: { flexAllowance: 250000 },
      });
      const added = await store.addContract('T1', input);
      expect(added).toEqual({ ...input, id: added.id, workspaceId: 'T1', createdAt: new Date(T0).toISOString() });
      expect(await store.getContract('T1', added.id)).toEqual(added);
      const plain = await store.addContract(
        'T1',
        contractInput({ holidays: null, hours: null, startDate: null, endDate: null }),
      );
      expect(plain).toMatchObject({ holidays: null, hours: null, startDate: null, endDate: null });
      expect((await store.listContracts('T1')).map((c) => c.id)).toEqual([added.id, plain.id]);
    });

    it('refuse bad input with a message saying what would work', async () => {
      expect(
        (await thrown(async () => await store.addContract('T1', contractInput({ vendor: 'oracle' as 'jamf' }))))
          .message,
      ).toMatch(/vendor must be one of microsoft, jamf, autodesk; got 'oracle'/);
      expect(
        (await thrown(async () => await store.addContract('T1', contractInput({ zone: 'Taipei' })))).message,
      ).toMatch(/IANA time zone/);
      expect(
        (await thrown(async () => await store.addContract('T1', contractInput({ startDate: '2025-02-30' })))).message,
      ).toMatch(/YYYY-MM-DD/);
      expect(
        (
          await thrown(
            async () => await store.addContract('T1', contractInput({ hours: { start: '9am', end: '17:00' } })),
          )
        ).message,
      ).toMatch(/HH:MM/);
      expect(
        (
          await thrown(
            async () => await store.addContract('T1', contractInput({ hours: { start: '18:00', end: '09:00' } })),
          )
        ).message,
      ).toMatch(/start before they end/);
      expect(
        (
          await thrown(
            async () =>
              await store.addContract('T1', contractInput({ startDate: '2025-06-01', endDate: '2025-01-01' })),
          )
        ).message,
      ).toMatch(/ends \(2025-01-01\) before it starts/);
      expect(await store.listContracts('T1')).toEqual([]);
    });

    it('cannot be removed while an open case uses it; a closed case keeps its history without it', async () => {
      const contract = await store.addContract('T1', contractInput());
      const opened = await store.createCase('T1', caseInput({ contractId: contract.id }));
      await store.recordQuotaUse('T1', {
        contractId: contract.id,
        quotaId: 'coaching',
        count: 1,
        usedOn: '2025-01-06',
      });
      const dateReminder = await store.scheduleReminder(
        'T1',
        reminderInput({ contractId: contract.id, kind: 'date-coaching', dedupeKey: 'd' }),
      );

      const refused = await thrown(async () => await store.removeContract('T1', contract.id));
      expect(refused.code).toBe('contract-in-use');
      expect(refused.message).toMatch(new RegExp(`used by open case ${opened.id}\\. Close it`));
      expect(await store.getContract('T1', contract.id)).not.toBeNull();

      await store.updateCase('T1', opened.id, { status: 'closed', closedAt: T0 });
      expect(await store.removeContract('T1', contract.id)).toBe(true);
      expect(await store.getContract('T1', contract.id)).toBeNull();
      expect(await store.getCase('T1', opened.id)).toMatchObject({ status: 'closed', contractId: null });
      expect(await store.listQuotaUses('T1')).toEqual([]);
      expect(await store.getReminder('T1', dateReminder.id)).toMatchObject({ status: 'cancelled', contractId: null });
      expect(await store.removeContract('T1', contract.id)).toBe(false);
    });
  });

  describe('quota usage', () => {
    it('records uses and filters them by contract and entitlement', async () => {
      const a = await store.addContract('T1', contractInput());
      const b = await store.addContract('T1', contractInput({ vendor: 'jamf', plan: 'gold' }));
      await store.recordQuotaUse('T1', {
        contractId: a.id,
        quotaId: 'coaching',
        count: 1,
        usedOn: '2025-03-01',
        userId: 'U1',
      });
      await store.recordQuotaUse('T1', { contractId: a.id, quotaId: 'coaching', count: 2, usedOn: '2025-02-01' });
      await store.recordQuotaUse('T1', { contractId: a.id, quotaId: 'workshop', count: 1, usedOn: '2025-01-15' });
      await store.recordQuotaUse('T1', { contractId: b.id, quotaId: 'coaching', count: 1, usedOn: '2025-01-10' });
      const coachingOfA = await store.listQuotaUses('T1', { contractId: a.id, quotaId: 'coaching' });
      expect(coachingOfA.map((u) => [u.usedOn, u.count])).toEqual([
        ['2025-02-01', 2],
        ['2025-03-01', 1],
      ]);
      expect(await store.listQuotaUses('T1', { quotaId: 'coaching' })).toHaveLength(3);
      expect(await store.listQuotaUses('T1')).toHaveLength(4);
      expect(await store.deleteQuotaUse('T1', coachingOfA[0]!.id)).toBe(true);
      expect(await store.listQuotaUses('T1', { contractId: a.id, quotaId: 'coaching' })).toHaveLength(1);
    });

    it('refuses a use of nothing, or of a contract the workspace lacks', async () => {
      const a = await store.addContract('T1', contractInput());
      expect(
        (
          await thrown(
            async () =>
              await store.recordQuotaUse('T1', { contractId: a.id, quotaId: 'q', count: 0, usedOn: '2025-01-01' }),
          )
        ).message,
      ).toMatch(/count must be a number above 0/);
      expect(
        (
          await thrown(
            async () =>
              await store.recordQuotaUse('T1', { contractId: 77, quotaId: 'q', count: 1, usedOn: '2025-01-01' }),
          )
        ).message,
      ).toMatch(/no contract 77/);
    });
  });

  describe('users.info cache', () => {
    it('returns a zone until it is older than the maximum age', async () => {
      expect(await store.getCachedUserZone('T1', 'U1', T0, 60_000)).toBeNull();
      await store.cacheUserZone('T1', 'U1', 'America/Los_Angeles', T0);
      expect(await store.getCachedUserZone('T1', 'U1', T0 + 60_000, 60_000)).toBe('America/Los_Angeles');
      expect(await store.getCachedUserZone('T1', 'U1', T0 + 60_001, 60_000)).toBeNull();
      await store.cacheUserZone('T1', 'U1', 'Asia/Taipei', T0 + 60_001);
      expect(await store.getCachedUserZone('T1', 'U1', T0 + 60_001, 60_000)).toBe('Asia/Taipei');
    });
  });

  describe('cases', () => {
    it('open once per thread, with a clear error on a second open', async () => {
      const opened = await store.createCase('T1', caseInput({ vendorRef: '2501060040001234' }));
      expect(opened).toMatchObject({
        status: 'open',
        severitySince: opened.openedAt,
        pausedMinutes: 0,
        firstRespondedAt: null,
      });
      const again = await thrown(async () => await store.createCase('T1', caseInput({ severity: 'B' })));
      expect(again.code).toBe('case-exists');
      expect(again.message).toMatch(new RegExp(`already tracks case ${opened.id} \\(vendor ref 2501060040001234\\)`));
      expect(again.details).toEqual({ caseId: opened.id });
      // Another thread, or the same thread in another channel, is another case.
      await store.createCase('T1', caseInput({ threadTs: '1736130000.000999' }));
      await store.createCase('T1', caseInput({ channelId: 'C200' }));
      expect(await store.listCases('T1')).toHaveLength(3);
    });

    it('open once when several people open the same thread at the same moment', async () => {
      for (const thread of ['1.1', '1.2', '1.3', '1.4', '1.5']) {
        const attempts = await Promise.allSettled(
          Array.from({ length: 4 }, (_, i) =>
            store.createCase('T1', caseInput({ threadTs: thread, severity: `S${i}` })),
          ),
        );
        const opened = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
        expect(opened).toHaveLength(1);
        for (const attempt of attempts) {
          if (attempt.status === 'rejected') {
            expect(isStoreError(attempt.reason, 'case-exists')).toBe(true);
            expect(attempt.reason.details).toEqual({ caseId: opened[0]!.id });
          }
        }
      }
      expect(await store.listCases('T1')).toHaveLength(5);
    });

    it('keep every change when several people change one case at the same moment', async () => {
      const opened = await store.createCase('T1', caseInput());
      await Promise.all([
        store.updateCase('T1', opened.id, { vendorRef: 'V-1' }),
        store.updateCase('T1', opened.id, { productScope: 'Intune' }),
        store.updateCase('T1', opened.id, { ownerId: 'U2' }),
        store.updateCase('T1', opened.id, { statusMessageTs: '1.9' }),
        store.updateCase('T1', opened.id, { severity: 'B' }),
        store.updateCase('T1', opened.id, { firstRespondedAt: T0 + 5 }),
      ]);
      expect(await store.getCase('T1', opened.id)).toMatchObject({
        vendorRef: 'V-1',
        productScope: 'Intune',
        ownerId: 'U2',
        statusMessageTs: '1.9',
        severity: 'B',
        firstRespondedAt: T0 + 5,
      });
    });

    it('are found by thread and listed by status, oldest first', async () => {
      const first = await store.createCase('T1', caseInput({ threadTs: '1.1', openedAt: T0 + 2 }));
      const second = await store.createCase('T1', caseInput({ threadTs: '1.2', openedAt: T0 + 1 }));
      const third = await store.createCase('T1', caseInput({ threadTs: '1.3', openedAt: T0 + 3 }));
      await store.updateCase('T1', second.id, { status: 'waiting', waitingSince: T0 + 10 });
      await store.updateCase('T1', third.id, { status: 'closed', closedAt: T0 + 20 });
      expect((await store.getCaseByThread('T1', 'C100', '1.1'))?.id).toBe(first.id);
      expect(await store.getCaseByThread('T1', 'C100', '9.9')).toBeNull();
      expect((await store.listCases('T1')).map((c) => c.id)).toEqual([second.id, first.id, third.id]);
      expect((await store.listCases('T1', { status: ['open', 'waiting'] })).map((c) => c.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect((await store.listCases('T1', { status: 'closed' })).map((c) => c.id)).toEqual([third.id]);
    });

    it('update only the fields a patch names; null clears a field', async () => {
      const opened = await store.createCase('T1', caseInput());
      clock = T0 + 1000;
      const waiting = await store.updateCase('T1', opened.id, {
        status: 'waiting',
        waitingSince: T0 + 500,
        firstRespondedAt: T0 + 100,
      });
      expect(waiting).toMatchObject({
        status: 'waiting',
        waitingSince: T0 + 500,
        firstRespondedAt: T0 + 100,
        severity: 'A',
        updatedAt: T0 + 1000,
      });
      const resumed = await store.updateCase('T1', opened.id, {
        status: 'open',
        waitingSince: null,
        pausedMinutes: 42.5,
      });
      expect(resumed).toMatchObject({
        status: 'open',
        waitingSince: null,
        pausedMinutes: 42.5,
        firstRespondedAt: T0 + 100,
      });
      expect(await store.getCase('T1', opened.id)).toEqual(resumed);
      expect(
        (await thrown(async () => await store.updateCase('T1', opened.id, { status: 'done' as 'open' }))).message,
      ).toMatch(/status must be one of open, waiting, closed/);
      expect((await thrown(async () => await store.updateCase('T1', opened.id, { contractId: 5 }))).message).toMatch(
        /no contract 5/,
      );
      expect((await thrown(async () => await store.updateCase('T1', 999, {}))).code).toBe('not-found');
    });

    it('keep their events in time order, and an undo marks one without deleting it', async () => {
      const opened = await store.createCase('T1', caseInput());
      const auto = await store.addCaseEvent('T1', opened.id, {
        kind: 'responded',
        at: T0 + 60_000,
        source: 'auto',
        actorId: 'UVENDOR',
        data: { messageTs: '1.5' },
      });
      await store.addCaseEvent('T1', opened.id, { kind: 'opened', at: T0, source: 'command', actorId: 'U1' });
      await store.addCaseEvent('T1', opened.id, {
        kind: 'severity',
        at: T0 + 60_000,
        source: 'button',
        data: { from: 'A', to: 'B' },
      });
      expect((await store.listCaseEvents('T1', opened.id)).map((e) => e.kind)).toEqual([
        'opened',
        'responded',
        'severity',
      ]);

      // the Home tab's one read: the same events, in the same order, for every case with one of the statuses
      const other = await store.createCase('T1', { ...caseInput(), threadTs: '2.2' });
      await store.addCaseEvent('T1', other.id, { kind: 'opened', at: T0, source: 'command', actorId: 'U1' });
      await store.createCase('T1', { ...caseInput(), threadTs: '3.3' });
      const byStatus = await store.listCaseEventsByStatus('T1', ['open', 'waiting']);
      expect([...byStatus.keys()].sort((a, b) => a - b)).toEqual([opened.id, other.id]);
      expect(byStatus.get(opened.id)).toEqual(await store.listCaseEvents('T1', opened.id));
      expect(byStatus.get(other.id)).toEqual(await store.listCaseEvents('T1', other.id));
      expect((await store.listCaseEventsByStatus('T1', ['closed'])).size).toBe(0);
      expect((await store.listCaseEventsByStatus('T2', ['open'])).size).toBe(0);
      await store.updateCase('T1', other.id, { status: 'closed', closedAt: T0 });
      expect([...(await store.listCaseEventsByStatus('T1', ['open'])).keys()]).toEqual([opened.id]);

      clock = T0 + 90_000;
      const undone = await store.undoCaseEvent('T1', auto.id);
      expect(undone).toMatchObject({ id: auto.id, undoneAt: T0 + 90_000, data: { messageTs: '1.5' } });
      clock = T0 + 99_000;
      expect((await store.undoCaseEvent('T1', auto.id))?.undoneAt).toBe(T0 + 90_000);
      expect((await store.getCaseEvent('T1', auto.id))?.undoneAt).toBe(T0 + 90_000);
      expect(await store.undoCaseEvent('T1', 12345)).toBeNull();
      expect(
        (
          await thrown(
            async () => await store.addCaseEvent('T1', opened.id, { kind: 'x', at: T0, source: 'robot' as 'auto' }),
          )
        ).message,
      ).toMatch(/one of command, auto, button/);
    });
  });

  describe('what a person types is data', () => {
    it('stores hostile strings verbatim in every text field and leaves the schema intact', async () => {
      // U+0000 is refused as bad input on both engines (PostgreSQL's text cannot hold it)
      const nul = HOSTILE.find((text) => text.includes('\u0000'))!;
      await expect(store.addContract('T1', contractInput({ name: nul }))).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('NUL character'),
      });
      await expect(store.getSettings(`T-${nul}`)).rejects.toMatchObject({ code: 'invalid' });
      for (const text of HOSTILE.filter((t) => t !== nul)) {
        const ws = `T-${text}`;
        const contract = await store.addContract(ws, contractInput({ name: text, plan: text, addons: [text] }));
        expect(await store.getContract(ws, contract.id)).toMatchObject({ name: text, plan: text, addons: [text] });
        const opened = await store.createCase(
          ws,
          caseInput({
            channelId: text,
            threadTs: text,
            severity: text,
            productScope: text,
            vendorRef: text,
            openedBy: text,
            contractId: contract.id,
          }),
        );
        expect(await store.getCaseByThread(ws, text, text)).toMatchObject({
          severity: text,
          productScope: text,
          vendorRef: text,
          openedBy: text,
        });
        const event = await store.addCaseEvent(ws, opened.id, {
          kind: text,
          at: T0,
          source: 'command',
          actorId: text,
          data: { text },
        });
        expect(await store.getCaseEvent(ws, event.id)).toMatchObject({ kind: text, actorId: text, data: { text } });
        const use = await store.recordQuotaUse(ws, {
          contractId: contract.id,
          quotaId: text,
          count: 1,
          usedOn: '2025-01-01',
          note: text,
          userId: text,
        });
        expect(await store.listQuotaUses(ws, { quotaId: text })).toEqual([use]);
        const reminder = await store.scheduleReminder(
          ws,
          reminderInput({ caseId: opened.id, channelId: text, threadTs: text, kind: text, text, dedupeKey: text }),
        );
        expect(await store.getReminder(ws, reminder.id)).toMatchObject({
          channelId: text,
          threadTs: text,
          kind: text,
          text,
          dedupeKey: text,
        });
        await store.cacheUserZone(ws, text, 'UTC', T0);
        expect(await store.getCachedUserZone(ws, text, T0, 1)).toBe('UTC');
        expect(await store.listContracts(ws)).toHaveLength(1);
      }
      expect(await store.listContracts(`T-${HOSTILE[0]}`)).toHaveLength(1);
    });

    it('round-trips any text as a contract name and any JSON as event data', async () => {
      const opened = await store.createCase('T1', caseInput());
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200 }), fc.jsonValue(), async (name, data) => {
          const contract = await store.addContract('T1', contractInput({ name }));
          expect((await store.getContract('T1', contract.id))?.name).toBe(name);
          const event = await store.addCaseEvent('T1', opened.id, { kind: 'note', at: T0, source: 'command', data });
          // JSON itself turns -0 into 0; compare as JSON would.
          expect((await store.getCaseEvent('T1', event.id))?.data).toEqual(JSON.parse(JSON.stringify(data)));
        }),
        { numRuns: engine.name === 'sqlite' ? 200 : 100 },
      );
    });

    it('explains a missing field instead of failing in the database', async () => {
      const error = await thrown(
        async () => await store.createCase('T1', { ...caseInput(), openedBy: undefined as unknown as string }),
      );
      expect(isStoreError(error, 'invalid')).toBe(true);
      expect(error.message).toMatch(/openedBy must be a non-empty text; got nothing/);
    });
  });
});
