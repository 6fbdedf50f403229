/**
 * Where the rules core gets date-holidays' years: computed (the same whatever was computed before), or read from
 * a HolidaySource the app gives it (its disk cache), which then decides the answers exactly as computing would.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  compileCalendar,
  computeLibraryHolidays,
  explainDeadline,
  type HolidaySource,
  isOpen,
  type LibraryHoliday,
  useHolidaySource,
} from '../../src/rules/index.js';
import { weekdays } from '../support/rules-fixtures.js';

afterEach(() => useHolidaySource(undefined));

const hours = weekdays([['09:00', '18:00']]);

describe('date-holidays years', () => {
  it('names a year the same whether or not other years were computed first', () => {
    // Singapore's 2036 first, in a fresh instance; then other years, then 2036 again (date-holidays keeps the
    // language of each call and used to give 元旦 for New Year's Day's local name from the second year on)
    const first = computeLibraryHolidays('SG', undefined, 2036);
    for (const year of [2026, 2027, 2035]) computeLibraryHolidays('SG', undefined, year);
    expect(computeLibraryHolidays('SG', undefined, 2036)).toEqual(first);
    expect(first.find((h) => h.date === '2036-01-01')).toMatchObject({
      name: "New Year's Day",
      localName: "New Year's Day",
      zhName: '元旦',
    });
  });
});

describe('a HolidaySource', () => {
  it('is read before a year is computed, and its year decides the calendar', () => {
    const asked: string[] = [];
    // a made-up holiday on an ordinary Monday shows that the source's year, not the library's, is used
    const madeUp: LibraryHoliday = { date: '2031-03-03', name: 'Made-up Day', localName: 'Made-up Day' };
    useHolidaySource({
      read: (country, subdivision, year) => {
        asked.push(`${country}/${subdivision ?? ''}/${year}`);
        return year === 2031 ? [madeUp] : undefined;
      },
    });
    const cal = compileCalendar({ zone: 'Europe/Berlin', hours, holidays: { country: 'DE', subdivision: 'BY' } });
    expect(isOpen(cal, '2031-03-03T10:00')).toBe(false);
    expect(isOpen(cal, '2031-12-25T10:00')).toBe(true); // the source's 2031 has no Christmas
    expect(isOpen(cal, '2030-12-25T10:00')).toBe(false); // 2030 was computed
    expect(asked).toEqual(['DE/BY/2031', 'DE/BY/2030']);
  });

  it('is given every year the core computed, as it computed it', () => {
    const kept = new Map<string, LibraryHoliday[]>();
    useHolidaySource({ read: () => undefined, computed: (c, s, y, list) => kept.set(`${c}/${s ?? ''}/${y}`, list) });
    const cal = compileCalendar({ zone: 'Asia/Taipei', hours, holidays: { country: 'TW' } });
    isOpen(cal, '2033-06-01T10:00');
    expect([...kept.keys()]).toEqual(['TW//2033']);
    expect(kept.get('TW//2033')).toEqual(computeLibraryHolidays('TW', undefined, 2033));
  });

  it('gives the same deadlines and explanations as computing, when it keeps years as JSON', () => {
    const disk = new Map<string, string>();
    const source: HolidaySource = {
      read: (c, s, y) => {
        const text = disk.get(`${c}/${s ?? ''}/${y}`);
        return text ? (JSON.parse(text) as LibraryHoliday[]) : undefined;
      },
      computed: (c, s, y, list) => disk.set(`${c}/${s ?? ''}/${y}`, JSON.stringify(list)),
    };
    const regions = [{ country: 'SG' }, { country: 'TW' }, { country: 'CN' }, { country: 'DE', subdivision: 'BY' }];
    const zones = ['Asia/Singapore', 'Asia/Taipei', 'Asia/Shanghai', 'Europe/Berlin'];
    const calendars = () =>
      regions.map((holidays, i) => compileCalendar({ zone: zones[i] as string, hours, holidays }));
    const spans = fc.record({
      which: fc.integer({ min: 0, max: regions.length - 1 }),
      start: fc.date({
        min: new Date('2016-01-01T00:00:00Z'),
        max: new Date('2037-12-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      minutes: fc.integer({ min: 0, max: 60 * 24 * 20 }),
    });
    const samples = fc.sample(spans, { numRuns: 60, seed: 12 });
    const answer = (cals: ReturnType<typeof calendars>, s: (typeof samples)[number]) => {
      const cal = cals[s.which] as ReturnType<typeof compileCalendar>;
      return {
        due: addBusinessTime(cal, s.start, s.minutes).toISOString(),
        why: explainDeadline(cal, s.start, s.minutes),
      };
    };
    useHolidaySource(undefined);
    const computed = samples.map((s) => answer(calendars(), s));
    useHolidaySource(source); // every year computed once more, and kept as JSON
    expect(samples.map((s) => answer(calendars(), s))).toEqual(computed);
    expect(disk.size).toBeGreaterThan(10);
    useHolidaySource(source); // memory forgotten: every year read back from the JSON
    expect(samples.map((s) => answer(calendars(), s))).toEqual(computed);
  });

  it('may vouch for a region, so that checking it needs no library', () => {
    useHolidaySource({ read: () => undefined, knows: (c) => c === 'DE' });
    expect(() => compileCalendar({ zone: 'UTC', hours, holidays: { country: 'DE' } })).not.toThrow();
    expect(() => compileCalendar({ zone: 'UTC', hours, holidays: { country: 'XX' } })).toThrow(
      /unknown country code "XX"/,
    );
  });
});
