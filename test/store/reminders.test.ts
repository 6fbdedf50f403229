import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS, isStoreError, openStore, type Store } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
import { caseInput, contractInput, reminderInput, tempDir } from '../support/store.js';

const T0 = Date.UTC(2025, 0, 6, 2, 0);
const MINUTE = 60_000;

function due(key: string, dueAt: number, extra = {}) {
  return reminderInput({ dedupeKey: key, dueAt, ...extra });
}

describe.each(engines)('reminders on $name', (engine) => {
  let store: Store;
  let caseId: number;

  beforeEach(async () => {
    store = await engine.open();
    caseId = (await store.createCase('T1', caseInput())).id;
  });
  afterEach(async () => await store.close());

  describe('claiming due reminders', () => {
    it('moves a reminder pending → sending → sent, and never claims a sent one again', async () => {
      const scheduled = await store.scheduleReminder('T1', due('a', T0));
      expect(scheduled.status).toBe('pending');
      expect(await store.claimDueReminders(T0 - 1, 10)).toEqual([]);

      const [claimed] = await store.claimDueReminders(T0, 10);
      expect(claimed).toMatchObject({
        id: scheduled.id,
        workspaceId: 'T1',
        status: 'sending',
        attempts: 1,
        claimedAt: T0,
      });
      expect(await store.claimDueReminders(T0 + 1, 10)).toEqual([]);

      const sent = await store.markReminderSent('T1', scheduled.id, T0 + 5, '1736130000.000200');
      expect(sent).toMatchObject({ status: 'sent', sentAt: T0 + 5, postedTs: '1736130000.000200' });
      expect(await store.claimDueReminders(T0 + 365 * 24 * 60 * MINUTE, 10)).toEqual([]);
    });

    it('returns the earliest due first, at most `limit`', async () => {
      for (const [key, offset] of [
        ['late', 3],
        ['early', 1],
        ['middle', 2],
        ['future', 100],
      ] as const) {
        await store.scheduleReminder('T1', due(key, T0 + offset * MINUTE));
      }
      const first = await store.claimDueReminders(T0 + 10 * MINUTE, 2);
      expect(first.map((r) => r.dedupeKey)).toEqual(['early', 'middle']);
      const second = await store.claimDueReminders(T0 + 10 * MINUTE, 2);
      expect(second.map((r) => r.dedupeKey)).toEqual(['late']);
    });

    it('reclaims a reminder stuck in sending after the lease, once', async () => {
      const { id } = await store.scheduleReminder('T1', due('a', T0));
      await store.claimDueReminders(T0, 10); // the process then dies before marking it
      expect(await store.claimDueReminders(T0 + DEFAULT_LEASE_MS - 1, 10)).toEqual([]);

      const reclaimed = await store.claimDueReminders(T0 + DEFAULT_LEASE_MS, 10);
      expect(reclaimed).toHaveLength(1);
      expect(reclaimed[0]).toMatchObject({ id, status: 'sending', attempts: 2 });
      expect(await store.claimDueReminders(T0 + DEFAULT_LEASE_MS, 10)).toEqual([]);
      expect(await store.claimDueReminders(T0 + DEFAULT_LEASE_MS + 1000, 10)).toEqual([]);
    });

    it('never takes over a live lease: the holder renews it, and only a lapsed one is claimed again', async () => {
      const { id } = await store.scheduleReminder('T1', due('a', T0));
      await store.claimDueReminders(T0, 10, 1_000, 'A');
      // B starts up: A's claim is live
      expect(await store.claimDueReminders(T0 + 500, 10, 1_000, 'B')).toEqual([]);
      // A renews while it posts; B still gets nothing after the first lease would have run out
      expect(await store.renewReminderLeases([{ workspaceId: 'T1', id }], 'A', T0 + 2_000)).toEqual([id]);
      expect(await store.claimDueReminders(T0 + 1_500, 10, 1_000, 'B')).toEqual([]);
      // A stops renewing (it died): B takes over, and A can no longer renew what it lost
      expect(await store.claimDueReminders(T0 + 2_000, 10, 1_000, 'B')).toMatchObject([
        { id, attempts: 2, claimedBy: 'B', leaseUntil: T0 + 3_000 },
      ]);
      expect(await store.renewReminderLeases([{ workspaceId: 'T1', id }], 'A', T0 + 5_000)).toEqual([]);
      await expect(async () => await store.claimDueReminders(T0, 10, 0)).rejects.toThrow(
        /leaseMs must be a positive whole number/,
      );
    });

    it('releases a reminder for a later retry, keeping the error, and fails it for good', async () => {
      const { id } = await store.scheduleReminder('T1', due('a', T0));
      await store.claimDueReminders(T0, 10);
      const released = await store.releaseReminder('T1', id, 'ratelimited: Retry-After 30', T0 + 30_000);
      expect(released).toMatchObject({
        status: 'pending',
        lastError: 'ratelimited: Retry-After 30',
        dueAt: T0 + 30_000,
      });
      expect(await store.claimDueReminders(T0 + 29_999, 10)).toEqual([]);
      expect((await store.claimDueReminders(T0 + 30_000, 10))[0]).toMatchObject({ id, attempts: 2 });

      const failed = await store.markReminderFailed('T1', id, 'channel_not_found');
      expect(failed).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
      expect(await store.claimDueReminders(T0 + 10 * DEFAULT_LEASE_MS, 10)).toEqual([]);
    });

    it('rejects a nonsense limit with a message', async () => {
      await expect(async () => await store.claimDueReminders(T0, 0)).rejects.toThrow(
        /limit must be a positive whole number/,
      );
    });
  });

  describe('scheduling', () => {
    it('is idempotent by dedupe key within a workspace', async () => {
      const first = await store.scheduleReminder('T1', due('k', T0));
      const again = await store.scheduleReminder('T1', due('k', T0 + 5 * MINUTE, { text: 'different' }));
      expect(again).toEqual(first);
      expect(await store.listReminders('T1')).toHaveLength(1);
      // The same key in another workspace is another reminder.
      const other = await store.createCase('T2', caseInput());
      expect((await store.scheduleReminder('T2', due('k', T0, { caseId: other.id }))).id).not.toBe(first.id);
    });

    it('re-arms a cancelled reminder scheduled again, but not a sent one', async () => {
      const cancelled = await store.scheduleReminder('T1', due('c', T0));
      expect(await store.cancelReminder('T1', cancelled.id)).toBe(true);
      expect(await store.scheduleReminder('T1', due('c', T0 + MINUTE))).toMatchObject({
        id: cancelled.id,
        status: 'pending',
        dueAt: T0 + MINUTE,
      });

      const sent = await store.scheduleReminder('T1', due('s', T0));
      await store.claimDueReminders(T0, 10);
      await store.markReminderSent('T1', sent.id, T0);
      expect(await store.scheduleReminder('T1', due('s', T0 + MINUTE))).toMatchObject({
        id: sent.id,
        status: 'sent',
        dueAt: T0,
      });
    });

    it('refuses a reminder for a case the workspace does not have', async () => {
      await expect(async () => await store.scheduleReminder('T1', due('x', T0, { caseId: 999 }))).rejects.toThrow(
        /no case 999/,
      );
    });
  });

  describe('replacing a case’s reminders', () => {
    it('cancels pending ones left out, re-arms kept keys, keeps sent ones and never reposts them', async () => {
      await store.replaceCaseReminders('T1', caseId, [
        due('response-warning', T0),
        due('response-breach', T0 + 30 * MINUTE, { kind: 'response-breach' }),
      ]);
      const [warning] = await store.claimDueReminders(T0, 10);
      await store.markReminderSent('T1', warning!.id, T0);

      // The vendor responded: the response clock is gone, the update clock starts.
      const pending = await store.replaceCaseReminders('T1', caseId, [
        due('response-warning', T0 + 99 * MINUTE),
        due('update-warning', T0 + 60 * MINUTE, { kind: 'update-warning' }),
      ]);
      expect(pending.map((r) => r.dedupeKey)).toEqual(['update-warning']);
      const byKey = Object.fromEntries((await store.listReminders('T1', { caseId })).map((r) => [r.dedupeKey, r]));
      expect(byKey['response-warning']).toMatchObject({ status: 'sent', dueAt: T0 });
      expect(byKey['response-breach']).toMatchObject({ status: 'cancelled' });
      expect(byKey['update-warning']).toMatchObject({ status: 'pending' });

      // Severity raised: the breach comes back with a new time.
      const again = await store.replaceCaseReminders('T1', caseId, [
        due('update-warning', T0 + 20 * MINUTE, { kind: 'update-warning' }),
        due('response-breach', T0 + 10 * MINUTE, { kind: 'response-breach' }),
      ]);
      expect(again.map((r) => [r.dedupeKey, r.dueAt])).toEqual([
        ['response-breach', T0 + 10 * MINUTE],
        ['update-warning', T0 + 20 * MINUTE],
      ]);
    });

    it('leaves a reminder that is being sent alone', async () => {
      await store.replaceCaseReminders('T1', caseId, [due('a', T0)]);
      const [claimed] = await store.claimDueReminders(T0, 10);
      await store.replaceCaseReminders('T1', caseId, []);
      expect((await store.getReminder('T1', claimed!.id))?.status).toBe('sending');
    });

    it('changes nothing when one of the new reminders is invalid', async () => {
      await store.replaceCaseReminders('T1', caseId, [due('a', T0)]);
      await expect(
        async () => await store.replaceCaseReminders('T1', caseId, [due('b', T0), due('', T0)]),
      ).rejects.toThrow(/dedupe key/);
      expect((await store.listReminders('T1', { status: 'pending' })).map((r) => r.dedupeKey)).toEqual(['a']);
    });
  });

  describe('snoozing and cancelling', () => {
    it('moves a pending reminder, and re-posts a sent one later through a copy', async () => {
      const pending = await store.scheduleReminder('T1', due('p', T0));
      expect(await store.snoozeReminder('T1', pending.id, T0 + 30 * MINUTE)).toMatchObject({
        id: pending.id,
        dueAt: T0 + 30 * MINUTE,
      });

      const sent = await store.scheduleReminder('T1', due('s', T0 - MINUTE, { caseId }));
      await store.claimDueReminders(T0 - MINUTE, 1);
      await store.markReminderSent('T1', sent.id, T0 - MINUTE);
      const copy = await store.snoozeReminder('T1', sent.id, T0 + 30 * MINUTE);
      expect(copy).toMatchObject({ status: 'pending', dueAt: T0 + 30 * MINUTE, text: sent.text, caseId });
      expect(copy!.id).not.toBe(sent.id);
      expect((await store.getReminder('T1', sent.id))?.status).toBe('sent');
      // Pressing the button twice does not make two copies.
      expect((await store.snoozeReminder('T1', sent.id, T0 + 30 * MINUTE))?.id).toBe(copy!.id);
      const claimed = (await store.claimDueReminders(T0 + 30 * MINUTE, 10)).map((r) => r.id);
      expect(claimed.sort((a, b) => a - b)).toEqual([pending.id, copy!.id].sort((a, b) => a - b));
    });

    it('cancels every pending reminder of a workspace on uninstall, and only those', async () => {
      const other = await store.createCase('T2', caseInput());
      await store.scheduleReminder('T1', due('a', T0));
      await store.scheduleReminder('T1', due('b', T0 + MINUTE));
      await store.scheduleReminder('T2', due('a', T0, { caseId: other.id }));
      expect(await store.cancelWorkspaceReminders('T1')).toBe(2);
      expect((await store.claimDueReminders(T0 + MINUTE, 10)).map((r) => r.workspaceId)).toEqual(['T2']);
    });
  });

  describe('reminder payloads', () => {
    it('round-trips JSON payloads and keeps a long error short', async () => {
      const payload = { deadline: T0, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*late*' } }] };
      const r = await store.scheduleReminder('T1', due('j', T0, { payload }));
      expect((await store.getReminder('T1', r.id))?.payload).toEqual(payload);
      await store.claimDueReminders(T0, 1);
      expect((await store.releaseReminder('T1', r.id, 'x'.repeat(5000), T0 + 1))?.lastError).toHaveLength(1000);
    });
  });

  describe('what the date-reminder sweep reads instead of whole lists', () => {
    it('hasReminderKey sees a key in any state, and only in its own workspace', async () => {
      const r = await store.scheduleReminder('T1', due('date:x', T0));
      expect(await store.hasReminderKey('T1', 'date:x')).toBe(true);
      expect(await store.hasReminderKey('T2', 'date:x')).toBe(false);
      expect(await store.hasReminderKey('T1', 'date:y')).toBe(false);
      await store.cancelReminder('T1', r.id);
      expect(await store.hasReminderKey('T1', 'date:x')).toBe(true);
    });

    it('lastCaseChannel is the channel of the most recently opened case of that workspace', async () => {
      expect(await store.lastCaseChannel('T1')).toBe('C100');
      await store.createCase('T1', caseInput({ channelId: 'C200', threadTs: '2.0', openedAt: T0 + MINUTE }));
      await store.createCase('T1', caseInput({ channelId: 'C050', threadTs: '3.0', openedAt: T0 - 60 * MINUTE }));
      await store.createCase('T2', caseInput({ channelId: 'COTHER', threadTs: '4.0', openedAt: T0 + 60 * MINUTE }));
      expect(await store.lastCaseChannel('T1')).toBe('C200');
      expect(await store.lastCaseChannel('T3')).toBeUndefined();
    });
  });

  describe('the SQL it runs', () => {
    it('scopes every statement by workspace, except the scheduler’s claim', async () => {
      const statements: { sql: string; claim: boolean }[] = [];
      let claiming = false;
      const logged = await engine.open({ onQuery: (sql) => statements.push({ sql, claim: claiming }) });
      try {
        const r = await logged.scheduleReminder('T1', due('a', T0));
        await logged.scheduleReminder('T1', due('a', T0));
        await logged.replaceCaseReminders('T1', (await logged.createCase('T1', caseInput())).id, [due('b', T0)]);
        statements.length = 0;
        await logged.scheduleReminder('T1', due('c', T0));
        await logged.hasReminderKey('T1', 'c');
        await logged.listReminders('T1', { status: 'pending' });
        await logged.snoozeReminder('T1', r.id, T0 + MINUTE);
        claiming = true;
        const claimed = await logged.claimDueReminders(T0 + MINUTE, 10, 1_000, 'A');
        claiming = false;
        expect(claimed.length).toBeGreaterThan(0);
        await logged.renewReminderLeases([{ workspaceId: 'T1', id: r.id }], 'A', T0 + 5_000);
        await logged.nextCaseReminderDue('T1', 1, T0, r.id);
        await logged.markReminderSent('T1', r.id, T0);
        await logged.releaseReminder('T1', r.id, 'x', T0);
        await logged.markReminderFailed('T1', r.id, 'x');
        await logged.cancelReminder('T1', r.id);
        await logged.cancelWorkspaceReminders('T1');
        const queries = statements.filter(({ sql }) => !/^\s*(begin|commit|savepoint|release|rollback)/i.test(sql));
        const scoped = (sql: string) =>
          /"workspace_id" = /.test(sql) || (/^\s*insert/i.test(sql) && /"workspace_id"/.test(sql));
        expect(queries.filter((q) => !q.claim && !scoped(q.sql)).map((q) => q.sql)).toEqual([]);
        expect(queries.filter((q) => q.claim).some((q) => !scoped(q.sql))).toBe(true);
      } finally {
        await logged.close();
      }
    });
  });

  describe('bad input', () => {
    it('says what is wrong with a bad reminder', async () => {
      try {
        await store.scheduleReminder('T1', due('bad', Number.NaN));
        expect.unreachable();
      } catch (error) {
        expect(isStoreError(error, 'invalid')).toBe(true);
        expect((error as Error).message).toMatch(/dueAt must be a time in epoch milliseconds/);
      }
    });
  });
});

// SQLite only: the file is closed and opened again (PostgreSQL keeps rows on the server as any database does)
describe('stored across restarts', () => {
  it('keeps pending and sent reminders in the file', async () => {
    const temp = tempDir();
    try {
      const first = await openStore(temp.file('r.db'));
      const ws = 'T9';
      const c = await first.createCase(
        ws,
        caseInput({ contractId: (await first.addContract(ws, contractInput())).id }),
      );
      await first.scheduleReminder(ws, due('one', T0, { caseId: c.id }));
      await first.scheduleReminder(ws, due('two', T0, { caseId: c.id }));
      const [one] = await first.claimDueReminders(T0, 1);
      await first.markReminderSent(ws, one!.id, T0);
      await first.close();
      const second = await openStore(temp.file('r.db'));
      expect((await second.claimDueReminders(T0 + MINUTE, 10)).map((r) => r.dedupeKey)).toEqual(['two']);
      await second.close();
    } finally {
      temp.cleanup();
    }
  });
});
