/**
 * Property tests: the compiled calendar against the minute-by-minute reference on random calendars in
 * zones with and without DST in both hemispheres, around their clock changes, with random closed dates,
 * breaks and shifts; plus the round trip and monotonicity laws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessMinutesBetween,
  type CalendarSpec,
  compileCalendar,
  isOpen,
  nextOpen,
  type WallInterval,
} from '../../src/rules/index.js';
import { ReferenceCalendar } from '../support/rules-reference.js';

const MIN = 60_000;
const DAY = 86_400_000;

/** Each zone with dates of its 2026–2027 clock changes (or, without DST, ordinary dates). */
const ZONES: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'],
  'America/New_York': ['2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'],
  'Australia/Sydney': ['2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'],
  'Pacific/Auckland': ['2026-04-05', '2026-09-27', '2027-04-04', '2027-09-26'],
  'Asia/Kolkata': ['2026-06-15', '2027-01-10'],
  'Asia/Singapore': ['2026-06-15', '2027-01-10'],
};

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A half-hour index (0 = 00:00, 48 = 24:00), often 01:30–03:30 where the clock changes happen. */
const halfHour = fc.oneof(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 3, max: 7 }));

/** 0–2 intervals on half hours (so DST gap and overlap times come up), possibly overlapping, '24:00' allowed. */
const dayHours = fc.array(fc.tuple(halfHour, halfHour), { maxLength: 2 }).map((pairs) =>
  pairs
    .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)])
    .filter(([a, b]) => a < b)
    .map(([a, b]): WallInterval => [hhmm(a * 30), hhmm(b * 30)]),
);

const dateAt = (base: string, offsetDays: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + offsetDays * DAY).toISOString().slice(0, 10);

interface Case {
  spec: CalendarSpec;
  base: string;
}

const calendarCase: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...Object.keys(ZONES)),
    baseIndex: fc.nat(),
    allDay: fc.integer({ min: 0, max: 9 }),
    week: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
    closed: fc.uniqueArray(fc.integer({ min: -4, max: 12 }), { maxLength: 4 }),
    breakDay: fc.option(fc.tuple(fc.integer({ min: -4, max: 12 }), dayHours), { nil: undefined }),
    shiftDay: fc.option(fc.tuple(fc.integer({ min: -4, max: 12 }), dayHours), { nil: undefined }),
  })
  .map(({ zone, baseIndex, allDay, week, closed, breakDay, shiftDay }) => {
    const bases = ZONES[zone] as string[];
    const base = bases[baseIndex % bases.length] as string;
    const keys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const hours: CalendarSpec['hours'] =
      allDay === 0 ? '24x7' : Object.fromEntries(keys.map((key, i) => [key, week[i] as WallInterval[]]));
    if (hours !== '24x7' && keys.every((k) => (hours[k] ?? []).length === 0)) hours.mon = [['09:00', '17:00']];
    const spec: CalendarSpec = { zone, hours, closedDates: closed.map((d) => dateAt(base, d)) };
    if (breakDay?.[1].length) spec.breaks = { [dateAt(base, breakDay[0])]: breakDay[1] };
    if (shiftDay?.[1].length) {
      const date = dateAt(base, shiftDay[0]);
      spec.shifts = { [date]: shiftDay[1] };
      spec.closedDates = spec.closedDates?.filter((d) => d !== date);
    }
    return { spec, base };
  });

/** A minute-aligned instant within a few days of the case's base date. */
const instantNear = (base: string, minuteOffset: number) => Date.parse(`${base}T00:00:00Z`) + minuteOffset * MIN;
const nearMinutes = fc.oneof(fc.integer({ min: -4 * 1440, max: 4 * 1440 }), fc.integer({ min: -1440, max: 1440 }));

describe('agreement with the minute-by-minute reference', () => {
  it('addBusinessTime gives the reference deadline', () => {
    fc.assert(
      fc.property(
        calendarCase,
        nearMinutes,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ spec, base }, offset, share) => {
          const cal = compileCalendar(spec);
          const ref = new ReferenceCalendar(spec);
          const from = instantNear(base, offset);
          const minutes = Math.round(share * ReferenceCalendar.weeklyMinutes(spec) * 1.5);
          expect(addBusinessTime(cal, new Date(from), minutes).getTime()).toBe(ref.add(from, minutes));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('time running out exactly at a closing gives that closing instant, as in the reference', () => {
    fc.assert(
      fc.property(calendarCase, nearMinutes, fc.integer({ min: 1, max: 3 }), ({ spec, base }, offset, runs) => {
        const cal = compileCalendar(spec);
        const ref = new ReferenceCalendar(spec);
        const from = instantNear(base, offset);
        const minutes = ref.minutesToClose(from, runs) ?? -1;
        fc.pre(minutes >= 0);
        const due = addBusinessTime(cal, new Date(from), minutes).getTime();
        expect(due).toBe(ref.add(from, minutes));
        if (minutes > 0) expect(isOpen(cal, new Date(due))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('businessMinutesBetween and isOpen give the reference counts', () => {
    fc.assert(
      fc.property(calendarCase, nearMinutes, fc.integer({ min: 0, max: 4 * 1440 }), ({ spec, base }, offset, span) => {
        const cal = compileCalendar(spec);
        const ref = new ReferenceCalendar(spec);
        const from = instantNear(base, offset);
        expect(businessMinutesBetween(cal, new Date(from), new Date(from + span * MIN))).toBe(
          ref.between(from, from + span * MIN),
        );
        expect(isOpen(cal, new Date(from))).toBe(ref.isOpenMinute(from));
      }),
      { numRuns: 60 },
    );
  });
});

describe('laws', () => {
  const withHolidays = calendarCase.chain((c) =>
    fc.boolean().map((de) => (de ? { ...c, spec: { ...c.spec, holidays: { country: 'DE' } } } : c)),
  );

  it('counting back the business time added gives the same minutes (from an open instant)', () => {
    fc.assert(
      fc.property(
        withHolidays,
        nearMinutes,
        fc.integer({ min: 0, max: 400_000 }),
        ({ spec, base }, offset, seconds) => {
          const cal = compileCalendar(spec);
          const from = nextOpen(cal, new Date(instantNear(base, offset)));
          const minutes = seconds / 60;
          const due = addBusinessTime(cal, from, minutes);
          expect(businessMinutesBetween(cal, from, due)).toBe(minutes);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('deadlines never move earlier when more time is added or the start is later', () => {
    fc.assert(
      fc.property(
        withHolidays,
        nearMinutes,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3 * 1440 }),
        ({ spec, base }, offset, m1, m2, later) => {
          const cal = compileCalendar(spec);
          const from = new Date(instantNear(base, offset));
          const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(addBusinessTime(cal, from, small).getTime()).toBeLessThanOrEqual(
            addBusinessTime(cal, from, large).getTime(),
          );
          const laterFrom = new Date(from.getTime() + later * MIN);
          expect(addBusinessTime(cal, from, small).getTime()).toBeLessThanOrEqual(
            addBusinessTime(cal, laterFrom, small).getTime(),
          );
          expect(businessMinutesBetween(cal, from, laterFrom)).toBeLessThanOrEqual(later);
        },
      ),
      { numRuns: 100 },
    );
  });
});
