/**
 * The calendar spec's quick check (`isWellFormedSpec`, no zod) stands in for the zod schema on the usual path, so
 * it must never accept what the schema refuses; and it must accept well-formed specs, or zod would load anyway.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarSpecSchema, compileCalendar, isWellFormedSpec, RulesError } from '../../src/rules/index.js';

const time = fc.oneof(
  fc.constantFrom('00:00', '09:00', '17:30', '23:59', '24:00'),
  fc.constantFrom('24:01', '9:00', '25:00', '12:60', '', 'noon'),
  fc.integer(),
);
const interval = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(time, time) },
  { weight: 1, arbitrary: fc.array(time, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.anything() },
);
const intervals = fc.oneof({ weight: 5, arbitrary: fc.array(interval, { maxLength: 3 }) }, fc.anything());
const date = fc.oneof(
  fc.constantFrom('2026-01-01', '2026-02-29', '2028-02-29', '2026-13-01', '2026-1-1', 'tomorrow'),
  fc.string(),
);
const day = fc.constantFrom('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'Mon', 'monday');
const spec = fc.record(
  {
    zone: fc.oneof(fc.constantFrom('Europe/Berlin', 'Asia/Taipei', 'UTC', 'Mars/Olympus', ''), fc.anything()),
    hours: fc.oneof(
      fc.constant('24x7'),
      fc.dictionary(day, intervals, { maxKeys: 4 }),
      fc.constantFrom('24/7', null, []),
    ),
    holidays: fc.oneof(
      fc.constant(null),
      fc.record(
        { country: fc.constantFrom('DE', 'tw', 'D', 'DEU', ''), subdivision: fc.constantFrom('BY', '', 3) },
        { requiredKeys: ['country'] },
      ),
      fc.anything(),
    ),
    closedDates: fc.oneof(fc.array(date, { maxLength: 3 }), fc.anything()),
    breaks: fc.oneof(fc.dictionary(date, intervals, { maxKeys: 2 }), fc.anything()),
    shifts: fc.oneof(fc.dictionary(date, intervals, { maxKeys: 2 }), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const wallTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const goodIntervals = fc.array(fc.tuple(wallTime, fc.oneof(wallTime, fc.constant('24:00'))), { maxLength: 2 });
const goodDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const goodSpec = fc.record(
  {
    zone: fc.constantFrom('Europe/Berlin', 'Asia/Taipei', 'UTC', 'America/New_York'),
    hours: fc.oneof(
      fc.constant('24x7' as const),
      fc.dictionary(fc.constantFrom('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'), goodIntervals, { maxKeys: 7 }),
    ),
    holidays: fc.oneof(
      fc.constant(null),
      fc.record(
        { country: fc.constantFrom('DE', 'tw', 'US'), subdivision: fc.constantFrom('BY', 'CA') },
        {
          requiredKeys: ['country'],
        },
      ),
    ),
    closedDates: fc.array(goodDate, { maxLength: 3 }),
    breaks: fc.dictionary(goodDate, goodIntervals, { maxKeys: 2 }),
    shifts: fc.dictionary(
      goodDate,
      goodIntervals.filter((l) => l.length > 0),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: ['zone', 'hours'] },
);

describe('isWellFormedSpec', () => {
  it('never accepts a spec the zod schema refuses', () => {
    fc.assert(
      fc.property(fc.oneof(spec, goodSpec), (input) => {
        if (isWellFormedSpec(input)) expect(calendarSpecSchema().safeParse(input).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the well-formed specs the schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(spec, goodSpec), (input) => {
        if (calendarSpecSchema().safeParse(input).success) {
          accepted += 1;
          expect(isWellFormedSpec(input)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted, 'the generators make valid specs').toBeGreaterThan(1000);
  });

  it('leaves the wording of what is wrong to zod', () => {
    expect(() => compileCalendar({ zone: 'Europe/Berlin', hours: { mon: [['09:00', '25:00']] } })).toThrow(
      /hours\.mon\[0\]\[1\]: expected a time 'HH:MM'/,
    );
    expect(() => compileCalendar({ zone: 'Europe/Berlin', hours: '24x7', colour: 'red' } as never)).toThrow(RulesError);
  });
});
