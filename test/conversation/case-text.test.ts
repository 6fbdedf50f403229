import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationContext, ConversationDeps, Reply } from '../../src/conversation/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { at, contract, knowledge, wall } from '../support/cases.js';

let store: Store;
let deps: ConversationDeps;
let now = at('2026-03-02 10:00');

beforeEach(async () => {
  now = at('2026-03-02 10:00');
  store = await openStore(':memory:', { now: () => now });
  deps = { store, knowledge, search: undefined, clock: { now: () => new Date(now) } };
});
afterEach(async () => await store.close());

function say(text: string, opts: Partial<ConversationContext> = {}): Promise<Reply> {
  return handleText(
    deps,
    {
      workspaceId: 'T1',
      channelId: 'C1',
      threadTs: '7.1',
      userId: 'U1',
      userZone: 'America/New_York',
      now: new Date(now),
      via: 'console',
      ...opts,
    },
    text,
  );
}

const summary = (r: Reply) => r.answer.summary;

describe('a Jamf case in a thread', () => {
  beforeEach(async () => {
    await store.addContract('T1', contract({ vendor: 'jamf', plan: 'gold' }));
  });

  it('opens on the thread, answers with the first response due in both zones, and plans its reminders', async () => {
    const r = await say('case open p1 ref=JAMF-42');
    expect(r.answer.kind).toBe('case');
    expect(r.visibility).toBe('in_channel');
    expect(r.answer.title).toContain('JAMF-42');
    const due = r.answer.times[0]!;
    expect(due.label).toBe('First response due');
    expect(due.at).toBe('2026-03-02T11:00:00+01:00');
    expect(due.userZone).toBe('America/New_York');
    expect(due.userAt).toBe('2026-03-02T05:00:00-05:00');
    expect(due.minutesLeft).toBe(60);
    expect(due.explanation).toMatch(/Due/);
    expect(r.answer.citations[0]!.quote).toContain('金級 1h 24x7');
    const kase = (await store.getCaseByThread('T1', 'C1', '7.1'))!;
    expect(kase).toMatchObject({ severity: 'P1', vendorRef: 'JAMF-42', status: 'open' });
    const pending = await store.listReminders('T1', { caseId: kase.id, status: 'pending' });
    expect(pending.map((p) => [p.kind, wall(p.dueAt)])).toEqual([
      ['response-warning', '2026-03-02 10:30'],
      ['response-breach', '2026-03-02 11:00'],
    ]);
  });

  it('answers thread questions in English and Chinese, and records the vendor response', async () => {
    await say('case open p1');
    now = at('2026-03-02 10:20');
    const notYet = await say('when is my next update due?');
    expect(summary(notYet)).toMatch(
      /starts with the vendor's first response.*first response .* is due Mon 2 Mar 2026 11:00/,
    );
    expect(notYet.answer.times.map((t) => t.label)).toEqual(['First response due']);
    await say('case responded');
    now = at('2026-03-02 11:00');
    const next = await say('when is my next update due?');
    expect(next.answer.times[0]!.at).toBe('2026-03-02T14:20:00+01:00');
    expect(next.answer.times[0]!.minutesLeft).toBe(200);
    const zh = await say('下次更新是什麼時候？');
    expect(zh.answer.times[0]!.label).toBe('下次更新期限');
    expect(summary(zh)).toContain('剩餘');
    const kase = (await store.getCaseByThread('T1', 'C1', '7.1'))!;
    expect(kase.firstRespondedAt).toBe(at('2026-03-02 10:20'));
    const pending = await store.listReminders('T1', { caseId: kase.id, status: 'pending' });
    expect(pending.map((p) => p.kind)).toEqual(['update-warning', 'update-breach']);
    expect(await store.listReminders('T1', { caseId: kase.id, status: 'cancelled' })).toHaveLength(2);
  });

  it('says how late the vendor is', async () => {
    await say('case open p1');
    now = at('2026-03-02 11:45');
    const late = await say('is the vendor late?');
    expect(summary(late)).toMatch(/^Yes, by 45 min of business time/);
    const zh = await say('逾期了嗎');
    expect(summary(zh)).toMatch(/^是，逾期 45 分鐘/);
    now = at('2026-03-02 10:05');
  });

  it('records an earlier time given with "at"', async () => {
    await say('case open p1');
    now = at('2026-03-02 12:00');
    const r = await say('case responded at 10:40');
    expect(summary(r)).toMatch(/came Mon 2 Mar 2026 10:40.*in time/);
  });

  it('asks for the severity where the targets depend on it, and names the choices', async () => {
    const r = await say('case open');
    expect(r.answer.title).toBe('Which severity?');
    expect(r.answer.facts.map((f) => f.label.split(' ')[0])).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(await store.getCaseByThread('T1', 'C1', '7.1')).toBeNull();
    const bad = await say('case open p7');
    expect(bad.answer.kind).toBe('error');
    expect(summary(bad)).toMatch(/"p7" is not a Jamf severity.*P1/);
  });

  it('refuses events that make no sense, saying what would work', async () => {
    const none = await say('case responded');
    expect(summary(none)).toMatch(/no case yet.*case open/);
    await say('case open p2');
    expect(summary(await say('case resume'))).toMatch(/not waiting on us/);
    expect(summary(await say('case open p1'))).toMatch(/already tracks case/);
    await say('case close');
    expect(summary(await say('case updated'))).toMatch(/closed.*case reopen/);
    const reopened = await say('case reopen');
    expect(reopened.answer.kind).toBe('case');
    expect(summary(await say('case responded at 25:99'))).toMatch(/not a time I can read/);
  });

  it('opens a case outside a thread on the message the app posts', async () => {
    const r = await say('case open p2', { threadTs: undefined });
    expect(r.afterPost).toBeDefined();
    expect(r.answer.title).toMatch(/Vendor case: Jamf/);
    const follow = await r.afterPost!({ channelId: 'C1', ts: '1772443200.000100' });
    expect(follow!.summary).toMatch(/new thread 1772443200.000100/);
    const kase = (await store.getCaseByThread('T1', 'C1', '1772443200.000100'))!;
    expect(kase.statusMessageTs).toBe('1772443200.000100');
  });

  it('leaves other thread messages to the ordinary answers', async () => {
    await say('case open p1');
    const r = await say('contract');
    expect(r.answer.kind).not.toBe('case');
  });
});

describe('Microsoft and Autodesk cases', () => {
  it('runs our own obligation for Severity B and says what the contract says while it waits on us', async () => {
    await store.addContract(
      'T1',
      contract({ vendor: 'microsoft', plan: 'unified', zone: 'Asia/Taipei', holidays: { country: 'TW' } }),
    );
    now = at('2026-03-02 10:00', 'Asia/Taipei');
    const opened = await say('case open sev b');
    expect(opened.answer.times[0]!.at).toBe('2026-03-02T12:00:00+08:00');
    expect(summary(opened)).toMatch(/states no update cadence/);
    now = at('2026-03-02 11:00', 'Asia/Taipei');
    await say('case responded');
    now = at('2026-03-02 11:30', 'Asia/Taipei');
    const waiting = await say('case wait');
    const ours = waiting.answer.times.find((t) => t.label === 'Our own response due')!;
    expect(ours.at).toBe('2026-03-02T15:30:00+08:00'); // 4 business hours from the wait
    expect(waiting.answer.notes.join(' ')).toMatch(/does not let the vendor's clocks pause/);
    expect(waiting.answer.citations.map((c) => c.quote).join(' ')).toContain('降級嚴重等級');
    const q = await say('when do we have to respond?');
    expect(q.answer.times[0]!.label).toBe('Our own response due');
  });

  it('uses the faster Azure target only with product=azure', async () => {
    await store.addContract('T1', contract({ vendor: 'microsoft', plan: 'unified' }));
    const azure = await say('case open sev1 product=azure');
    expect(azure.answer.times[0]!.minutesLeft).toBe(15);
    const other = await say('case open sev1', { threadTs: '8.1' });
    expect(other.answer.times[0]!.minutesLeft).toBe(60);
    expect(other.answer.notes.join(' ')).toMatch(/product=azure/);
  });

  it('opens an Autodesk case without a severity', async () => {
    await store.addContract('T1', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    const r = await say('case open ref=ADSK-1');
    expect(r.answer.kind).toBe('case');
    expect(r.answer.times[0]!.minutesLeft).toBe(240);
  });

  it('picks the contract whose vendor knows the severity typed, or asks', async () => {
    await store.addContract('T1', contract({ vendor: 'jamf', plan: 'gold' }));
    await store.addContract('T1', contract({ vendor: 'microsoft', plan: 'unified' }));
    const jamf = await say('case open p1');
    expect(jamf.answer.title).toMatch(/Jamf/);
    const ms = await say('case open sev b', { threadTs: '9.1' });
    expect(ms.answer.title).toMatch(/Unified/);
    const ask = await say('case open', { threadTs: '9.2' });
    expect(summary(ask)).toMatch(/Which contract/);
  });

  it('plans the workspace’s date reminders as it works, in the channel of its cases', async () => {
    await store.addContract('T1', contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
    now = at('2026-03-20 10:00'); // within two weeks of the quarter's end, no coaching session used
    await say('case open');
    const dates = (await store.listReminders('T1', { status: 'pending' })).filter((r) => r.caseId === null);
    expect(dates.map((r) => [r.kind, r.channelId])).toEqual([['date-quota-left', 'C1']]);
    expect(dates[0]!.text).toMatch(/3 of 3 sessions left this quarter/);
  });

  it('tells a workspace without contracts how to add one', async () => {
    const r = await say('case open p1');
    expect(summary(r)).toMatch(/contract add/);
  });
});

describe('a booked service recorded with `quota use … on <date>`', () => {
  it('stores the booking date and the sweep plans its booking-lead and cancellation-fee reminders', async () => {
    const { sweepDateReminders } = await import('../../src/reminders/date-reminders.js');
    now = at('2026-05-01 10:00');
    await say('contract add microsoft unified addons=aem zone=Europe/Berlin holidays=DE');
    await say('case open a');
    const booked = await say('quota use aem event days 3 on 2026-06-30');
    expect(booked.answer.notes.join(' ')).toMatch(/booked for 2026-06-30/);
    expect((await store.listQuotaUses('T1')).map((u) => [u.quotaId, u.usedOn, u.count])).toEqual([
      ['aem-event-days', '2026-06-30', 3],
    ]);
    const kinds = async (when: string) => {
      await sweepDateReminders({ store, knowledge }, at(when));
      return (await store.listReminders('T1')).map((r) => r.kind);
    };
    expect(await kinds('2026-05-12 09:00')).toContain('date-booking-lead');
    expect(await kinds('2026-06-16 09:00')).toContain('date-cancellation-step');
  });

  it('refuses a date that is not one, and stores nothing', async () => {
    await say('contract add microsoft unified addons=aem');
    const bad = await say('quota use aem event days 2 on 2026-02-31');
    expect(bad.answer.summary).toMatch(/2026-02-31 is not a date/);
    expect(await store.listQuotaUses('T1')).toEqual([]);
  });
});
