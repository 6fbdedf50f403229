import { describe, expect, it } from 'vitest';
import type { Contract, QuotaUse } from '../../src/model/records.js';
import { scheduleWorkspaceDateReminders, sweepDateReminders } from '../../src/reminders/date-reminders.js';
import { bookingsFromUses, planDateReminders } from '../../src/reminders/dates.js';
import { renderReminder } from '../../src/reminders/message.js';
import { reminderBlocks } from '../../src/slack/blocks/reminder.js';
import { openStore } from '../../src/store/index.js';
import { at, contract, knowledge, wall } from '../support/cases.js';

function stored(c: ReturnType<typeof contract>, id = 1): Contract {
  return { ...c, id, workspaceId: 'T1', createdAt: '2026-01-01T00:00:00Z' };
}

let useId = 0;
function use(quotaId: string, usedOn: string, count = 1, contractId = 1): QuotaUse {
  useId += 1;
  return { id: useId, workspaceId: 'T1', contractId, quotaId, count, usedOn, note: null, userId: null, recordedAt: 0 };
}

const autodesk = stored(contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
const microsoft = stored(contract({ vendor: 'microsoft', plan: 'unified', addons: ['aem'], endDate: '2026-12-31' }));

function plan(c: Contract, now: number, uses: QuotaUse[] = [], policy = {}, language: 'en' | 'zh' = 'en') {
  const file = knowledge.vendor(c.vendor);
  return planDateReminders({
    file,
    contract: c,
    uses,
    bookings: bookingsFromUses(file, c, uses, now),
    now,
    channelId: 'C9',
    policy,
    language,
  });
}

describe('date reminders', () => {
  it('reminds of product coaching sessions left two weeks before the quarter ends', () => {
    const uses = [use('autodesk-product-coaching', '2026-02-10')];
    expect(plan(autodesk, at('2026-03-17 08:59'), uses)).toEqual([]);
    const rows = plan(autodesk, at('2026-03-17 09:30'), uses);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('date-quota-left');
    expect(wall(rows[0]!.dueAt)).toBe('2026-03-17 09:00');
    expect(rows[0]!.text).toMatch(/2 of 3 sessions left this quarter.*Tue 31 Mar 2026/);
    expect(plan(autodesk, at('2026-04-01 10:00'), uses)).toEqual([]); // a new quarter, its reminder comes in June
    const allUsed = [use('autodesk-product-coaching', '2026-01-10', 3)];
    expect(plan(autodesk, at('2026-03-20 10:00'), allUsed)).toEqual([]);
  });

  it('follows the policy, not a date in the code', () => {
    const rows = plan(autodesk, at('2026-03-10 09:30'), [], { quarterLeadDays: 21 });
    expect(rows.map((r) => wall(r.dueAt))).toEqual(['2026-03-10 09:00']);
  });

  it('reminds on 1 November of a success planning meeting or business review not yet booked', () => {
    const rows = plan(autodesk, at('2026-11-01 09:00'), [use('autodesk-product-coaching', '2026-10-01', 3)]);
    expect(rows.map((r) => r.kind)).toEqual(['date-not-booked', 'date-not-booked']);
    expect(rows.map((r) => r.text).join('\n')).toMatch(/Success planning meeting: none booked yet this year/);
    const booked = plan(autodesk, at('2026-11-02 09:00'), [use('autodesk-executive-business-review', '2026-12-05')]);
    expect(booked.map((r) => r.text).join('\n')).not.toMatch(/business review/);
    expect(plan(autodesk, at('2026-10-31 12:00'))).toEqual([]);
  });

  it("reminds of Microsoft's proactive-request cut-off, 60 days before the work order ends", () => {
    const rows = plan(microsoft, at('2026-10-18 09:00')).filter((r) => r.kind === 'date-cutoff');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toMatch(/last day is Sun 1 Nov 2026/);
    expect(plan(microsoft, at('2026-11-02 09:00')).filter((r) => r.kind === 'date-cutoff')).toEqual([]);
  });

  it('reminds of the cancellation-fee steps and the AEM booking lead before a booked event', () => {
    const uses = [use('aem-event-days', '2026-06-30', 3)];
    const lead = plan(microsoft, at('2026-05-12 09:00'), uses).filter((r) => r.kind === 'date-booking-lead');
    expect(lead).toHaveLength(1);
    expect(lead[0]!.text).toMatch(/confirmed in writing by Tue 19 May 2026 \(6 weeks ahead\)/);
    const free = plan(microsoft, at('2026-06-16 09:00'), uses).filter((r) => r.kind === 'date-cancellation-step');
    expect(free).toHaveLength(1);
    expect(free[0]!.text).toMatch(/last day to cancel it without a fee; from tomorrow .* 50 %/);
    const half = plan(microsoft, at('2026-06-24 12:00'), uses).filter((r) => r.kind === 'date-cancellation-step');
    expect(half[0]!.text).toMatch(/for 50 % of the fee; from tomorrow .* 100 %/);
    expect(new Set([...free, ...half].map((r) => r.dedupeKey)).size).toBe(2);
  });
});

describe('date reminders for a Chinese workspace', () => {
  const aem = [use('aem-event-days', '2026-06-30', 3)];
  const rows = [
    ...plan(autodesk, at('2026-03-17 09:30'), [use('autodesk-product-coaching', '2026-02-10')], {}, 'zh'),
    ...plan(autodesk, at('2026-11-01 09:00'), [use('autodesk-product-coaching', '2026-10-01', 3)], {}, 'zh'),
    ...plan(microsoft, at('2026-10-18 09:00'), [], {}, 'zh'),
    ...plan(microsoft, at('2026-05-12 09:00'), aem, {}, 'zh'),
    ...plan(microsoft, at('2026-06-16 09:00'), aem, {}, 'zh'),
    ...plan(microsoft, at('2026-06-24 12:00'), aem, {}, 'zh'),
  ];

  it('writes every kind of date reminder in Chinese, dates included, with no English words but names', () => {
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['date-quota-left', 'date-not-booked', 'date-cutoff', 'date-booking-lead', 'date-cancellation-step']),
    );
    for (const r of rows) {
      // names (Microsoft, Autodesk, AEM) are capitalised; English words are not
      expect(r.text.match(/\b[a-z]{2,}\b/g) ?? [], r.text).toEqual([]);
      expect(r.text).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Mar|May|Jun|Nov)\b/);
      expect(r.payload).toMatchObject({ language: 'zh' });
    }
    expect(rows.find((r) => r.kind === 'date-quota-left')?.text).toMatch(/本季還剩 2\/3 .*2026\/03\/31（週二）/);
    expect(rows.find((r) => r.kind === 'date-cutoff')?.text).toMatch(/最後一天是 2026\/11\/01（週日）/);
  });
});

describe('the hourly sweep over every workspace', () => {
  it('plans each workspace’s date reminders in its latest case channel, once, and never another’s', async () => {
    const store = await openStore(':memory:');
    const a = await store.addContract('T-A', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    await store.addContract('T-B', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    await store.addContract('T-C', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    const caseInput = (channelId: string, contractId: number) => ({
      channelId,
      threadTs: '1.1',
      contractId,
      severity: null,
      productScope: null,
      vendorRef: null,
      openedAt: at('2026-03-01 10:00'),
      openedBy: 'U1',
    });
    await store.createCase('T-A', caseInput('C-A', a.id));
    await store.createCase('T-B', caseInput('C-B', (await store.listContracts('T-B'))[0]!.id));
    // T-C never tracked a case: no channel to remind in yet
    const now = at('2026-03-17 09:30');
    const errors: string[] = [];
    const log = { error: (m: string) => errors.push(m) };
    expect(await sweepDateReminders({ store, knowledge }, now, log)).toBe(2);
    expect(await sweepDateReminders({ store, knowledge }, now, log)).toBe(0); // once
    const remindersOf = async (ws: string) => (await store.listReminders(ws)).filter((r) => r.kind.startsWith('date-'));
    expect((await remindersOf('T-A')).map((r) => r.channelId)).toEqual(['C-A']);
    expect((await remindersOf('T-B')).map((r) => r.channelId)).toEqual(['C-B']);
    expect(await remindersOf('T-C')).toEqual([]);
    expect(errors).toEqual([]);
    await store.close();
  });
});

describe('a contract whose term is over', () => {
  it('gets no date reminders, and is no error for the sweep', async () => {
    const store = await openStore(':memory:');
    const c = await store.addContract(
      'T-X',
      contract({
        vendor: 'autodesk',
        plan: 'enterprise',
        region: 'emea',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      }),
    );
    await store.createCase('T-X', {
      channelId: 'C-X',
      threadTs: '1.1',
      contractId: c.id,
      severity: null,
      productScope: null,
      vendorRef: null,
      openedAt: at('2025-12-01 10:00'),
      openedBy: 'U1',
    });
    const errors: string[] = [];
    expect(
      await sweepDateReminders({ store, knowledge }, at('2026-03-17 09:30'), { error: (m) => errors.push(m) }),
    ).toBe(0);
    expect(errors).toEqual([]);
    await store.close();
  });
});

describe('the script of a Chinese workspace’s date reminders', () => {
  const coaching = [use('autodesk-product-coaching', '2026-02-10')];
  const now = at('2026-03-17 09:30');

  async function planned(installerLocale: string | null) {
    const store = await openStore(':memory:', { now: () => now });
    await store.updateSettings('T1', { language: 'zh' });
    const c = await store.addContract('T1', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    await store.recordQuotaUse('T1', {
      contractId: c.id,
      quotaId: 'autodesk-product-coaching',
      count: 1,
      usedOn: '2026-02-10',
    });
    await store.storeInstallation({
      team: { id: 'T1' },
      user: { id: 'UINSTALLER' },
      bot: { token: 'xoxb-1', userId: 'UBOT' },
    } as never);
    if (installerLocale)
      await store.cacheUser('T1', 'UINSTALLER', { zone: 'Asia/Shanghai', locale: installerLocale }, now);
    await scheduleWorkspaceDateReminders({ store, knowledge }, 'T1', now, 'C9');
    const rows = await store.listReminders('T1', { status: 'pending' });
    await store.close();
    return rows;
  }

  it('is the installer’s Simplified where their Slack locale says so: text and buttons', async () => {
    const [row] = await planned('zh-CN');
    expect(row?.text).toMatch(/本季还剩/);
    expect(row?.text).not.toMatch(/[們這個時間應誰語務約還週]/u);
    const message = renderReminder(row!, now, 60 * 60_000);
    expect(message.locale).toBe('zh-Hans');
    expect(JSON.stringify(reminderBlocks(message))).not.toMatch(/[們這個時間應誰語務約還週]/u);
  });

  it('is Traditional where the installer’s locale is not known or not Simplified', async () => {
    expect((await planned(null))[0]?.text).toMatch(/本季還剩/);
    expect((await planned('zh-TW'))[0]?.text).toMatch(/本季還剩/);
  });

  it('plans the same rows as before for a Traditional workspace', () => {
    expect(plan(autodesk, now, coaching, {}, 'zh')[0]?.payload).toEqual({
      type: 'date',
      zone: autodesk.zone,
      contractId: autodesk.id,
      language: 'zh',
    });
  });
});
