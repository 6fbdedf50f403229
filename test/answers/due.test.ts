import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadHolidayOverrides } from '../../src/knowledge/holidays.js';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import type { Answer, AnswerTime } from '../../src/model/answer.js';
import { answer, context, contract, knowledge } from '../support/answers.js';

function time(a: Answer, label: RegExp): AnswerTime {
  const t = a.times.find((x) => label.test(x.label));
  if (!t) throw new Error(`no time ${label} in ${JSON.stringify(a.times.map((x) => x.label))} (${a.summary})`);
  return t;
}

const local = (t: AnswerTime) => DateTime.fromISO(t.at, { setZone: true });
const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

describe('due: when a response and an update would fall due', () => {
  const berlin = (plan: string) =>
    contract({ vendor: 'jamf', plan, zone: 'Europe/Berlin', holidays: { country: 'DE' } });

  it('a Friday 16:00 P1 on 24x7 Gold is due the same evening; on Silver the update waits for Monday', () => {
    const at = 'due p1 at 2026-12-04 16:00';
    const gold = answer(at, context({ contracts: [berlin('gold')] }));
    const silver = answer(at, context({ contracts: [berlin('silver')] }));
    const goldUpdate = local(time(gold, /First update/));
    const silverUpdate = local(time(silver, /First update/));
    expect(local(time(gold, /^Opened/)).weekday).toBe(5);
    expect(goldUpdate.weekday).toBe(5);
    expect(silverUpdate.weekday).toBe(1);
    expect(time(silver, /First update/).explanation).toMatch(/skipped Sat 5 Dec \(weekend\), Sun 6 Dec \(weekend\)/);
    // 24x7: the cadence is real elapsed time
    const cadence = knowledge.targetsFor('jamf', ['gold'], 'P1').find((t) => t.kind === 'update')?.span;
    expect(cadence && 'minutes' in cadence).toBe(true);
    if (cadence && 'minutes' in cadence) {
      expect(minutesBetween(time(gold, /^Opened/).at, time(gold, /First update/).at)).toBe(cadence.minutes);
    }
  });

  it('counts the business time left within a year, and gives only the deadline beyond it', () => {
    const now = new Date('2026-12-02T09:00:00Z');
    const near = answer('due p1 at 2027-03-01 10:00', context({ contracts: [berlin('silver')], now }));
    const far = answer('due p1 at 2030-03-01 10:00', context({ contracts: [berlin('silver')], now }));
    expect(time(near, /First update/).minutesLeft).toBeGreaterThan(0);
    expect(local(time(far, /First update/)).year).toBe(2030);
    expect(time(far, /First update/).minutesLeft).toBeUndefined();
    expect(time(far, /First update/).explanation).toMatch(/2030/);
  });

  it('times are shown in the contract zone and in the asker’s zone (the same instant)', () => {
    const a = answer('due p1 gold', context({ contracts: [berlin('gold')], userZone: 'Asia/Taipei' }));
    const t = time(a, /First response/);
    expect(t.zone).toBe('Europe/Berlin');
    expect(t.userZone).toBe('Asia/Taipei');
    expect(Date.parse(t.userAt ?? '')).toBe(Date.parse(t.at));
    expect(t.at).toMatch(/\+01:00$/);
    expect(t.userAt).toMatch(/\+08:00$/);
  });

  it('a time typed without a zone is read in the contract’s zone', () => {
    const a = answer(
      'due p1 gold at 2026-12-04 16:00',
      context({ contracts: [berlin('gold')], userZone: 'Asia/Taipei' }),
    );
    expect(time(a, /^Opened/).at).toBe('2026-12-04T16:00:00+01:00');
  });

  it('a business-hours clock crossing the autumn DST weekend: Monday 10:00 in winter time', () => {
    const ms = contract({ vendor: 'microsoft', plan: 'unified', zone: 'Europe/Berlin' });
    const a = answer('due b unified at 2026-10-23 16:30', context({ contracts: [ms] }));
    const opened = time(a, /^Opened/);
    const due = time(a, /First response/);
    expect(opened.at).toMatch(/\+02:00$/);
    expect(local(due).weekday).toBe(1);
    expect(due.at).toMatch(/T10:00:00\+01:00$/);
    expect(due.explanation).toMatch(/clocks changed/);
  });

  it('a 24x7 clock across the DST change counts real hours', () => {
    const a = answer('due p2 gold at 2026-10-25 01:30 Europe/Berlin', context({ contracts: [berlin('gold')] }));
    const opened = time(a, /^Opened/);
    const due = time(a, /First response/);
    const span = knowledge.targetsFor('jamf', ['gold'], 'P2').find((t) => t.kind === 'response')?.span;
    expect(span && 'minutes' in span && minutesBetween(opened.at, due.at)).toBe(
      span && 'minutes' in span && span.minutes,
    );
    // the wall clock shows an hour less than the real time that passed
    const wall = local(due).diff(local(opened).setZone(local(due).zone, { keepLocalTime: true }), 'minutes').minutes;
    expect(wall).toBe(minutesBetween(opened.at, due.at) - 60);
  });

  it('a public holiday of the contract closes the day; without holidays it does not', () => {
    const withHolidays = contract({
      vendor: 'microsoft',
      plan: 'unified',
      zone: 'Europe/Berlin',
      holidays: { country: 'DE' },
    });
    const without = contract({ vendor: 'microsoft', plan: 'unified', zone: 'Europe/Berlin', holidays: null });
    const q = 'due sev b unified at 2026-12-24 16:00';
    const a = time(answer(q, context({ contracts: [withHolidays] })), /First response/);
    const b = time(answer(q, context({ contracts: [without] })), /First response/);
    expect(a.explanation).toMatch(/Christmas/);
    expect(local(a).toISODate()).toBe('2026-12-28');
    expect(local(b).toISODate()).toBe('2026-12-25');
    const noHolidays = answer(q, context({ contracts: [without] }));
    expect(noHolidays.notes.some((n) => /no public holidays/.test(n))).toBe(true);
  });

  it('the knowledge base’s holiday overrides correct date-holidays (Taiwan’s Constitution Day)', () => {
    const tw = contract({ vendor: 'microsoft', plan: 'unified', zone: 'Asia/Taipei', holidays: { country: 'TW' } });
    const q = 'due b at 2026-12-24 17:00';
    const plain = time(answer(q, context({ contracts: [tw], holidayOverrides: {} })), /First response/);
    const corrected = time(answer(q, context({ contracts: [tw] })), /First response/);
    const explicit = time(
      answer(q, context({ contracts: [tw], holidayOverrides: loadHolidayOverrides() })),
      /First response/,
    );
    expect(local(plain).toISODate()).toBe('2026-12-25');
    expect(local(corrected).toISODate()).toBe('2026-12-28');
    expect(corrected.explanation).toMatch(/Constitution Day/);
    expect(explicit.at).toBe(corrected.at);
  });

  it('the customer’s own obligation is computed too (Microsoft B: 4 business hours)', () => {
    const ms = contract({ vendor: 'microsoft', plan: 'unified', zone: 'Asia/Taipei', holidays: { country: 'TW' } });
    const a = answer('due b at 2026-12-02 09:00', context({ contracts: [ms] }));
    const duty = time(a, /Your obligation/);
    expect(duty.at).toBe('2026-12-02T13:00:00+08:00');
    expect(duty.explanation).toBeTruthy();
  });

  it('the contract’s hours replace the plan default', () => {
    const early = contract({
      vendor: 'microsoft',
      plan: 'unified',
      zone: 'Europe/Berlin',
      hours: { start: '07:00', end: '15:00' },
    });
    const a = answer('due c at 2026-12-04 14:00', context({ contracts: [early] }));
    // C: 4 business hours from Fri 14:00 with a 15:00 close → 3 h on Monday from 07:00
    expect(time(a, /First response/).at).toBe('2026-12-07T10:00:00+01:00');
  });

  it('Autodesk runs on the region’s support week in the region’s zone', () => {
    const apac = contract({ vendor: 'autodesk', plan: 'enterprise', region: 'apac', zone: 'Asia/Singapore' });
    const a = answer('due enterprise at 2026-12-04 22:00', context({ contracts: [apac] }));
    const due = local(time(a, /First response/));
    // Friday 22:00 + 4 h of a Mon–Fri support week: 2 h on Friday, 2 h on Monday
    expect(due.weekday).toBe(1);
    expect(due.toFormat('HH:mm')).toBe('02:00');
  });

  it('every time cites its target verbatim and explains itself', () => {
    const ms = contract({ vendor: 'microsoft', plan: 'unified', addons: ['uer'], zone: 'Europe/Berlin' });
    const a = answer('due sev1', context({ contracts: [ms] }));
    for (const t of a.times.filter((x) => x.cite !== undefined)) {
      const c = a.citations[t.cite ?? -1];
      expect(c && quoteOccursIn(c.quote, knowledge.sourceText(c.doc))).toBe(true);
      expect(t.explanation).toMatch(/^Due /);
    }
    expect(a.notes.some((n) => /Unified Enhanced Response \(UER\) applies/.test(n))).toBe(true);
  });

  it('a bad time gets a clear message', () => {
    const a = answer('due p1 gold at 2026-02-30 10:00', context());
    expect(a.kind).toBe('error');
    expect(a.summary).toMatch(/2026-02-30/);
  });

  it('answers in Chinese', () => {
    const a = answer('期限 P1 金級 明天 9:00', context({ contracts: [berlin('gold')] }));
    expect(a.kind).toBe('due');
    expect(a.times.map((t) => t.label)).toContain('首次回應期限');
    expect(time(a, /首次回應/).explanation).toMatch(/到期/);
  });
});
