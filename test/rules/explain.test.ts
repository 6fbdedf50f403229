import { describe, expect, it } from 'vitest';
import { loadHolidayOverrides } from '../../src/knowledge/holidays.js';
import { compileCalendar, describeExplanation, explainDeadline } from '../../src/rules/index.js';
import { berlinOffice, weekdays } from '../support/rules-fixtures.js';

const office = compileCalendar(berlinOffice({ closedDates: ['2026-06-15'] }));

describe('explainDeadline', () => {
  it('lists the counted segments and the days skipped with their reasons', () => {
    const expl = explainDeadline(office, '2026-12-24T15:30', 240);
    expect(expl.due).toBe('2026-12-28T11:00:00+01:00');
    expect(expl.dueDate.toISOString()).toBe('2026-12-28T10:00:00.000Z');
    expect(expl.segments).toEqual([
      {
        date: '2026-12-24',
        weekday: 'thu',
        start: '2026-12-24T15:30:00+01:00',
        end: '2026-12-24T17:30:00+01:00',
        minutes: 120,
      },
      {
        date: '2026-12-28',
        weekday: 'mon',
        start: '2026-12-28T09:00:00+01:00',
        end: '2026-12-28T11:00:00+01:00',
        minutes: 120,
      },
    ]);
    expect(expl.skipped).toEqual([
      {
        date: '2026-12-25',
        weekday: 'fri',
        reason: 'holiday',
        holiday: 'Christmas Day',
        holidayLocal: '1. Weihnachtstag',
        holidayZh: '聖誕節',
      },
      {
        date: '2026-12-26',
        weekday: 'sat',
        reason: 'holiday',
        holiday: 'Boxing Day',
        holidayLocal: '2. Weihnachtstag',
      },
      { date: '2026-12-27', weekday: 'sun', reason: 'weekend' },
    ]);
    expect(expl.dstChanges).toEqual([]);
  });

  it('names a closed date and says where counting started when asked at a closed time', () => {
    const expl = explainDeadline(office, '2026-06-13T10:00', 30);
    expect(expl.from).toBe('2026-06-13T10:00:00+02:00');
    expect(expl.countingFrom).toBe('2026-06-16T09:00:00+02:00');
    expect(expl.due).toBe('2026-06-16T09:30:00+02:00');
    expect(expl.skipped.map((d) => [d.date, d.reason])).toEqual([
      ['2026-06-13', 'weekend'],
      ['2026-06-14', 'weekend'],
      ['2026-06-15', 'closed-date'],
    ]);
  });

  it('reports the clock changes crossed', () => {
    const allDay = compileCalendar({ zone: 'Europe/Berlin', hours: '24x7' });
    const expl = explainDeadline(allDay, '2027-03-28T01:30', 60);
    expect(expl.due).toBe('2027-03-28T03:30:00+02:00');
    expect(expl.dstChanges).toEqual([
      { at: '2027-03-28T03:00:00+02:00', offsetBefore: '+01:00', offsetAfter: '+02:00' },
    ]);
    const weekend = explainDeadline(office, '2026-10-23T17:00', 60);
    expect(weekend.due).toBe('2026-10-26T09:30:00+01:00');
    expect(weekend.dstChanges).toEqual([
      { at: '2026-10-25T02:00:00+01:00', offsetBefore: '+02:00', offsetAfter: '+01:00' },
    ]);
  });

  it('has segments that add up to the minutes asked for', () => {
    const expl = explainDeadline(office, '2026-12-21T10:17:30', 3000.5);
    expect(expl.segments.reduce((sum, s) => sum + s.minutes, 0)).toBeCloseTo(3000.5, 6);
    expect(expl.segments.at(-1)?.end).toBe(expl.due);
  });
});

describe('describeExplanation', () => {
  it('summarises in English and in Chinese', () => {
    const expl = explainDeadline(office, '2026-12-24T15:30', 240);
    const en = describeExplanation(expl, 'en');
    expect(en).toContain('Due Mon 28 Dec 2026 11:00 (Europe/Berlin)');
    expect(en).toContain('4 h of business time from Thu 24 Dec 15:30');
    expect(en).toContain('Fri 25 Dec (Christmas Day)');
    expect(en).toContain('Sun 27 Dec (weekend)');
    const zh = describeExplanation(expl, 'zh');
    expect(zh).toContain('2026/12/28（週一）11:00 到期');
    expect(zh).toContain('營業時間 4 小時');
    expect(zh).toContain('12/27（週日）週末');
  });

  it('uses the local holiday name in Chinese and mentions the clock change', () => {
    const tw = compileCalendar(
      { zone: 'Asia/Taipei', hours: weekdays([['09:00', '18:00']]), holidays: { country: 'TW' } },
      { holidayOverrides: loadHolidayOverrides() },
    );
    const zh = describeExplanation(explainDeadline(tw, '2026-02-26T17:00', 120), 'zh');
    expect(zh).toContain('2/27（週五）假日：和平紀念日補假');
    // a German holiday in a Chinese answer: its Chinese name where date-holidays has one, else its own in 「」
    const de = describeExplanation(explainDeadline(office, '2026-12-24T17:00', 120), 'zh');
    expect(de).toContain('12/25（週五）假日：聖誕節');
    expect(de).toContain('12/26（週六）假日「Boxing Day」');
    expect(zh).toContain('2026/3/2（週一）10:00 到期');
    const en = describeExplanation(explainDeadline(office, '2026-10-23T17:00', 60));
    expect(en).toContain('clocks changed Sun 25 Oct +02:00 → +01:00');
    expect(describeExplanation(explainDeadline(office, '2026-06-13T10:00', 30))).toContain('(the next opening)');
  });
});
