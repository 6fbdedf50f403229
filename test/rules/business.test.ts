import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessTime,
  businessMinutesBetween,
  compileCalendar,
  isOpen,
  nextClose,
  nextOpen,
  RulesError,
  YEAR_CACHE_SIZE,
} from '../../src/rules/index.js';
import { berlinOffice, ms, weekdays } from '../support/rules-fixtures.js';

const office = compileCalendar(berlinOffice());
const berlin247 = compileCalendar({ zone: 'Europe/Berlin', hours: '24x7' });

describe('open intervals are half-open [open, close)', () => {
  it('counts the opening instant as open and the closing instant as closed', () => {
    expect(isOpen(office, '2026-06-12T08:59:59')).toBe(false);
    expect(isOpen(office, '2026-06-12T09:00')).toBe(true);
    expect(isOpen(office, '2026-06-12T17:29:59')).toBe(true);
    expect(isOpen(office, '2026-06-12T17:30')).toBe(false);
  });
});

describe('addBusinessTime', () => {
  it('ends at the closing instant when the time runs out exactly there', () => {
    expect(addBusinessTime(office, '2026-06-12T15:30', 120).getTime()).toBe(ms('2026-06-12T17:30:00+02:00'));
  });

  it('continues at the next opening after a weekend and a holiday', () => {
    // Friday before Whit Monday (25 May 2026): 2 h on Friday, the rest on Tuesday
    expect(addBusinessTime(office, '2026-05-22T15:30', 240).getTime()).toBe(ms('2026-05-26T11:00:00+02:00'));
  });

  it('starts counting at the next opening when asked at a closed instant', () => {
    expect(addBusinessTime(office, '2026-06-13T10:00', 60).getTime()).toBe(ms('2026-06-15T10:00:00+02:00'));
    expect(addBusinessTime(office, '2026-06-12T20:00', 30).getTime()).toBe(ms('2026-06-15T09:30:00+02:00'));
  });

  it('adds 0 minutes as the next opening when closed and as the instant itself when open', () => {
    expect(addBusinessTime(office, '2026-06-13T10:00', 0).getTime()).toBe(ms('2026-06-15T09:00:00+02:00'));
    expect(addBusinessTime(office, '2026-06-12T10:00:07', 0).getTime()).toBe(ms('2026-06-12T10:00:07+02:00'));
  });

  it('keeps fractional minutes to the second', () => {
    expect(addBusinessTime(office, '2026-06-15T10:00', 0.5).getTime()).toBe(ms('2026-06-15T10:00:30+02:00'));
    expect(addBusinessTime(office, '2026-06-15T10:00', 1 / 3).getTime()).toBe(ms('2026-06-15T10:00:20+02:00'));
    expect(addBusinessTime(office, '2026-06-15T10:00', 0.0101).getTime()).toBe(ms('2026-06-15T10:00:01+02:00'));
  });

  it('takes a Date and ISO text alike, text without an offset being wall time in the calendar zone', () => {
    const viaDate = addBusinessTime(office, new Date('2026-06-15T08:00:00Z'), 90);
    expect(addBusinessTime(office, '2026-06-15T10:00', 90)).toEqual(viaDate);
    expect(addBusinessTime(office, '2026-06-15T04:00:00-04:00', 90)).toEqual(viaDate);
    expect(addBusinessTime(office, '2026-06-15 10:00:00', 90)).toEqual(viaDate);
    expect(addBusinessTime(office, '2026-06-15T13:00+05', 90)).toEqual(viaDate);
    expect(addBusinessTime(office, '2026-06-15T08:00:00.000Z', 90)).toEqual(viaDate);
  });

  it('crosses years', () => {
    // 31 Dec is a working day (a bank holiday only), 1 Jan a public holiday
    expect(addBusinessTime(office, '2026-12-31T17:00', 60).getTime()).toBe(ms('2027-01-04T09:30:00+01:00'));
  });
});

describe('zone, dates and holidays are judged in the calendar zone', () => {
  it('uses the calendar zone for the weekday whatever offset the input carries', () => {
    // Friday 23:30 in Los Angeles is Saturday 08:30 in Berlin
    expect(isOpen(office, '2026-06-12T23:30:00-07:00')).toBe(false);
    expect(addBusinessTime(office, '2026-06-12T23:30:00-07:00', 30).getTime()).toBe(ms('2026-06-15T09:30:00+02:00'));
  });

  it('closes the whole local day of a holiday', () => {
    expect(isOpen(office, '2026-05-25T09:00')).toBe(false);
    expect(isOpen(office, '2026-05-25T17:00')).toBe(false);
    expect(businessMinutesBetween(office, '2026-05-25T00:00', '2026-05-26T00:00')).toBe(0);
  });

  it('closes a holiday by the calendar zone date, not the holiday country zone', () => {
    const newYork = compileCalendar({ zone: 'America/New_York', hours: '24x7', holidays: { country: 'DE' } });
    expect(isOpen(newYork, '2026-12-24T20:00:00-05:00')).toBe(true); // already the 25th in Berlin
    expect(isOpen(newYork, '2026-12-25T20:00:00-05:00')).toBe(false);
  });

  it('keeps bank holidays (24 and 31 December in Germany) as working days', () => {
    expect(isOpen(office, '2026-12-24T10:00')).toBe(true);
    expect(isOpen(office, '2026-12-31T10:00')).toBe(true);
  });

  it('applies subdivision holidays', () => {
    const bavaria = compileCalendar(berlinOffice({ holidays: { country: 'DE', subdivision: 'BY' } }));
    expect(isOpen(bavaria, '2026-01-06T10:00')).toBe(false); // Epiphany in Bavaria
    expect(isOpen(office, '2026-01-06T10:00')).toBe(true);
  });
});

describe('daylight saving time', () => {
  it('counts real elapsed time across a clock change', () => {
    expect(addBusinessTime(berlin247, '2027-03-28T01:30', 60).getTime()).toBe(ms('2027-03-28T03:30:00+02:00'));
    expect(addBusinessTime(berlin247, '2026-10-25T02:30:00+02:00', 60).getTime()).toBe(ms('2026-10-25T02:30:00+01:00'));
  });

  it('makes a 00:00–24:00 day 23 or 25 hours long on a change day', () => {
    expect(businessMinutesBetween(berlin247, '2027-03-28T00:00', '2027-03-29T00:00')).toBe(23 * 60);
    expect(businessMinutesBetween(berlin247, '2026-10-25T00:00', '2026-10-26T00:00')).toBe(25 * 60);
  });

  it('counts office hours across a weekend with a clock change by real time', () => {
    expect(addBusinessTime(office, '2026-03-27T17:00', 60).getTime()).toBe(ms('2026-03-30T09:30:00+02:00'));
    expect(businessMinutesBetween(office, '2026-03-27T17:00', '2026-03-30T09:30')).toBe(60);
  });

  it('reads a wall time inside a spring-forward gap as the instant the clocks jump', () => {
    const sunday = compileCalendar({ zone: 'Europe/Berlin', hours: { sun: [['02:30', '10:00']] } });
    expect(nextOpen(sunday, '2027-03-28T00:00').getTime()).toBe(ms('2027-03-28T03:00:00+02:00'));
    expect(businessMinutesBetween(sunday, '2027-03-28T00:00', '2027-03-29T00:00')).toBe(7 * 60);
    expect(new Date(addBusinessTime(berlin247, '2027-03-28T02:30', 0)).getTime()).toBe(ms('2027-03-28T03:00:00+02:00'));
  });

  it('reads a wall time that happens twice at a fall-back as its first occurrence', () => {
    const sunday = compileCalendar({ zone: 'Europe/Berlin', hours: { sun: [['02:30', '04:00']] } });
    expect(nextOpen(sunday, '2026-10-25T00:00').getTime()).toBe(ms('2026-10-25T02:30:00+02:00'));
    // 02:30 CEST to 04:00 CET is two and a half real hours, with no closing inside
    expect(businessMinutesBetween(sunday, '2026-10-25T00:00', '2026-10-26T00:00')).toBe(150);
    expect(isOpen(sunday, '2026-10-25T02:15:00+01:00')).toBe(true);
    expect(addBusinessTime(berlin247, '2026-10-25T02:30', 0).getTime()).toBe(ms('2026-10-25T02:30:00+02:00'));
  });

  it('leaves an interval wholly inside a gap empty', () => {
    const sunday = compileCalendar({ zone: 'Europe/Berlin', hours: { sun: [['02:10', '02:50']] } });
    expect(businessMinutesBetween(sunday, '2027-03-28T00:00', '2027-03-29T00:00')).toBe(0);
    expect(nextOpen(sunday, '2027-03-28T00:00').getTime()).toBe(ms('2027-04-04T02:10:00+02:00'));
  });
});

describe('closed dates, breaks and shifts', () => {
  const special = compileCalendar(
    berlinOffice({
      closedDates: ['2026-06-15'],
      breaks: { '2026-12-31': [['12:00', '17:30']] },
      shifts: { '2026-12-27': [['10:00', '14:00']], '2026-12-25': [['10:00', '12:00']] },
    }),
  );

  it('closes a closed date all day', () => {
    expect(isOpen(special, '2026-06-15T10:00')).toBe(false);
    expect(addBusinessTime(special, '2026-06-12T17:00', 60).getTime()).toBe(ms('2026-06-16T09:30:00+02:00'));
  });

  it('removes a break from that date only', () => {
    expect(isOpen(special, '2026-12-31T11:59')).toBe(true);
    expect(isOpen(special, '2026-12-31T12:00')).toBe(false);
    expect(isOpen(special, '2026-12-30T15:00')).toBe(true);
    expect(addBusinessTime(special, '2026-12-31T11:00', 120).getTime()).toBe(ms('2027-01-04T10:00:00+01:00'));
  });

  it('opens a shift on a weekend day and wins over a holiday', () => {
    expect(isOpen(special, '2026-12-27T12:00')).toBe(true);
    expect(isOpen(special, '2026-12-27T14:00')).toBe(false);
    expect(isOpen(special, '2026-12-25T11:00')).toBe(true);
    expect(isOpen(special, '2026-12-26T11:00')).toBe(false);
  });

  it('merges overlapping intervals of a day', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
          ['13:00', '14:00'],
        ],
      },
    });
    expect(businessMinutesBetween(cal, '2026-06-15T00:00Z', '2026-06-16T00:00Z')).toBe(300);
    expect(nextClose(cal, '2026-06-15T09:00Z')?.getTime()).toBe(ms('2026-06-15T14:00:00Z'));
  });
});

describe('businessMinutesBetween', () => {
  it('is 0 when to is not after from', () => {
    expect(businessMinutesBetween(office, '2026-06-15T12:00', '2026-06-15T10:00')).toBe(0);
    expect(businessMinutesBetween(office, '2026-06-15T12:00', '2026-06-15T12:00')).toBe(0);
  });

  it('counts open minutes only, across weeks and years', () => {
    expect(businessMinutesBetween(office, '2026-06-12T17:00', '2026-06-15T09:30')).toBe(60);
    // 28–31 Dec 2026 and 4 Jan 2027 are working days (1 Jan is a holiday)
    expect(businessMinutesBetween(office, '2026-12-28T00:00', '2027-01-05T00:00')).toBe(5 * 510);
  });
});

describe('nextOpen and nextClose', () => {
  it('gives the instant itself when open, else the next opening', () => {
    expect(nextOpen(office, '2026-06-12T10:00').getTime()).toBe(ms('2026-06-12T10:00:00+02:00'));
    expect(nextOpen(office, '2026-06-12T17:30').getTime()).toBe(ms('2026-06-15T09:00:00+02:00'));
  });

  it('gives the end of the current or next open period', () => {
    expect(nextClose(office, '2026-06-12T10:00')?.getTime()).toBe(ms('2026-06-12T17:30:00+02:00'));
    expect(nextClose(office, '2026-06-13T10:00')?.getTime()).toBe(ms('2026-06-15T17:30:00+02:00'));
  });

  it('joins hours that run over midnight into one period', () => {
    const night = compileCalendar({
      zone: 'Europe/Berlin',
      hours: { fri: [['22:00', '24:00']], sat: [['00:00', '06:00']] },
    });
    expect(nextClose(night, '2026-06-12T23:00')?.getTime()).toBe(ms('2026-06-13T06:00:00+02:00'));
  });

  it('is null for a calendar that never closes within the search span', () => {
    expect(nextClose(berlin247, '2026-06-12T10:00')).toBeNull();
  });

  it('gives up with a clear error after three years without open time', () => {
    const once = compileCalendar({ zone: 'Europe/Berlin', hours: {}, shifts: { '2026-01-05': [['09:00', '10:00']] } });
    expect(nextOpen(once, '2026-01-01T00:00').getTime()).toBe(ms('2026-01-05T09:00:00+01:00'));
    expect(() => nextOpen(once, '2026-02-01T00:00')).toThrow(/no open time within 3 years/);
    expect(() => addBusinessTime(once, '2026-02-01T00:00', 10)).toThrow(RulesError);
    expect(() => addBusinessTime(once, '2026-01-05T09:30', 60)).toThrow(/no open time/);
  });
});

describe('addBusinessDays', () => {
  // Autodesk-like: open around the clock Monday to Friday
  const week24x5 = compileCalendar({ zone: 'Europe/Berlin', hours: weekdays([['00:00', '24:00']]) });

  it("counts 24 open hours per day in '24-open-hours' mode", () => {
    expect(addBusinessDays(week24x5, '2026-06-11T10:00', 1, '24-open-hours').getTime()).toBe(
      ms('2026-06-12T10:00:00+02:00'),
    );
    expect(addBusinessDays(week24x5, '2026-06-12T10:00', 1, '24-open-hours').getTime()).toBe(
      ms('2026-06-15T10:00:00+02:00'),
    );
    expect(addBusinessDays(week24x5, '2026-06-12T10:00', 1.5, '24-open-hours').getTime()).toBe(
      ms('2026-06-15T22:00:00+02:00'),
    );
  });

  it("gives the same wall time on the Nth next working day in 'same-time-next-working-day' mode", () => {
    expect(addBusinessDays(office, '2026-05-22T15:30', 1).getTime()).toBe(ms('2026-05-26T15:30:00+02:00'));
    expect(addBusinessDays(office, '2026-06-12T15:30', 3, 'same-time-next-working-day').getTime()).toBe(
      ms('2026-06-17T15:30:00+02:00'),
    );
    expect(addBusinessDays(office, '2026-06-12T15:30', 0).getTime()).toBe(ms('2026-06-12T15:30:00+02:00'));
  });

  it('starts from the next opening when from is closed', () => {
    expect(addBusinessDays(office, '2026-06-13T10:00', 1).getTime()).toBe(ms('2026-06-16T09:00:00+02:00'));
    expect(addBusinessDays(office, '2026-06-12T20:00', 1).getTime()).toBe(ms('2026-06-16T09:00:00+02:00'));
  });

  it("clamps into the target day's open hours", () => {
    const cal = compileCalendar(
      berlinOffice({ shifts: { '2026-06-16': [['10:00', '14:00']] }, breaks: { '2026-06-17': [['11:00', '13:00']] } }),
    );
    expect(addBusinessDays(cal, '2026-06-15T09:30', 1).getTime()).toBe(ms('2026-06-16T10:00:00+02:00'));
    expect(addBusinessDays(cal, '2026-06-15T16:00', 1).getTime()).toBe(ms('2026-06-16T14:00:00+02:00'));
    expect(addBusinessDays(cal, '2026-06-16T11:30', 1).getTime()).toBe(ms('2026-06-17T13:00:00+02:00'));
  });

  it('rejects fractions in same-time mode and unknown modes', () => {
    expect(() => addBusinessDays(office, '2026-06-12T10:00', 1.5)).toThrow(/whole working days/);
    expect(() => addBusinessDays(office, '2026-06-12T10:00', 1, 'weekly' as never)).toThrow(/mode/);
    expect(() => addBusinessDays(office, '2026-06-12T10:00', -1)).toThrow(/days/);
  });
});

describe('bad input gets a clear message', () => {
  const errorOf = (fn: () => unknown): RulesError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof RulesError) return error;
      throw error;
    }
    throw new Error('expected a RulesError');
  };

  it('names the field and value of an invalid spec', () => {
    expect(errorOf(() => compileCalendar({ zone: 'Mars/Base', hours: '24x7' })).message).toMatch(/zone.*Mars\/Base/);
    const inverted = errorOf(() => compileCalendar({ zone: 'UTC', hours: { mon: [['17:30', '09:00']] } }));
    expect(inverted.message).toMatch(/hours\.mon\[0\].*17:30/);
    expect(inverted.field).toBe('hours.mon[0]');
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: { mon: [['9:00', '17:00']] } })).message).toMatch(
      /hours\.mon\[0\]\[0\].*"9:00"/,
    );
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: { mon: [['24:00', '24:00']] } })).message).toMatch(
      /'24:00' can only end/,
    );
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: '24x7', closeddates: [] } as never)).message).toMatch(
      /unknown field 'closeddates'/,
    );
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: '24x7', closedDates: ['2026-02-30'] })).message).toMatch(
      /closedDates\[0\].*2026-02-30/,
    );
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: 'always' as never })).message).toMatch(/hours.*always/);
  });

  it('names an unknown holiday country or subdivision', () => {
    expect(errorOf(() => compileCalendar(berlinOffice({ holidays: { country: 'XX' } }))).message).toMatch(
      /country.*"XX"/,
    );
    const sub = errorOf(() => compileCalendar(berlinOffice({ holidays: { country: 'DE', subdivision: 'ZZ' } })));
    expect(sub.message).toMatch(/"ZZ".*BY/);
  });

  it('rejects a calendar with no open time, counting a shift on a closed date as none', () => {
    expect(errorOf(() => compileCalendar({ zone: 'UTC', hours: { mon: [] } })).message).toMatch(/no open time/);
    expect(
      errorOf(() =>
        compileCalendar({
          zone: 'UTC',
          hours: { mon: [] },
          closedDates: ['2026-06-15'],
          shifts: { '2026-06-15': [['09:00', '10:00']] },
        }),
      ).message,
    ).toMatch(/no open time/);
  });

  it('names a bad instant or amount of minutes', () => {
    expect(errorOf(() => addBusinessTime(office, 'yesterday', 5)).message).toMatch(/from.*yesterday/);
    expect(errorOf(() => addBusinessTime(office, '2026-06-31T10:00', 5)).message).toMatch(/2026-06-31/);
    expect(errorOf(() => isOpen(office, new Date('nonsense'))).message).toMatch(/at.*Invalid Date/);
    expect(errorOf(() => addBusinessTime(office, '2026-06-12T10:00', -5)).message).toMatch(/minutes.*-5/);
    expect(errorOf(() => addBusinessTime(office, '2026-06-12T10:00', Number.NaN)).message).toMatch(/minutes/);
    expect(errorOf(() => businessMinutesBetween(office, '2026-06-12T10:00', 'later')).message).toMatch(/to.*later/);
  });

  it('refuses years outside 1900–2500', () => {
    expect(errorOf(() => isOpen(office, '2601-01-01T00:00Z')).message).toMatch(/1900–2500/);
  });
});

describe('a date both closed and given shift hours', () => {
  // zendesk/biz lets the closed date win; so do we, rather than refusing the calendar
  const cal = compileCalendar(
    berlinOffice({
      closedDates: ['2026-06-15'],
      shifts: { '2026-06-15': [['10:00', '14:00']], '2026-06-13': [['10:00', '12:00']] },
    }),
  );

  it('is closed all day, and other shifts still open their dates', () => {
    expect(isOpen(cal, '2026-06-15T11:00')).toBe(false);
    expect(nextOpen(cal, '2026-06-15T08:00').getTime()).toBe(ms('2026-06-16T09:00:00+02:00'));
    expect(isOpen(cal, '2026-06-13T11:00')).toBe(true);
    // Friday 17:00 + 60 min: 30 min Friday, the Saturday shift's first 30 min
    expect(addBusinessTime(cal, '2026-06-12T17:00', 60).getTime()).toBe(ms('2026-06-13T10:30:00+02:00'));
  });
});

describe('memory is bounded: a calendar keeps only a few years of tables', () => {
  it('answers across decades exactly while holding at most YEAR_CACHE_SIZE years', () => {
    const cal = compileCalendar(berlinOffice({ holidays: { country: 'DE' } }));
    const fresh = () => compileCalendar(berlinOffice({ holidays: { country: 'DE' } }));
    // year by year on fresh calendars, then the whole span on one: the same open time
    let byYear = 0;
    for (let year = 2026; year < 2046; year++) {
      byYear += businessMinutesBetween(fresh(), `${year}-01-01T00:00`, `${year + 1}-01-01T00:00`);
    }
    expect(businessMinutesBetween(cal, '2026-01-01T00:00', '2046-01-01T00:00')).toBe(byYear);
    expect(cal.cachedYears).toBeLessThanOrEqual(YEAR_CACHE_SIZE);
    // walking many years one question at a time does not grow it either
    for (let year = 1990; year < 2070; year += 4) isOpen(cal, `${year}-06-10T10:00`);
    expect(cal.cachedYears).toBeLessThanOrEqual(YEAR_CACHE_SIZE);
    // an evicted year is rebuilt to the same answer
    const deadline = addBusinessTime(cal, '2026-12-23T16:00', 600).getTime();
    expect(deadline).toBe(addBusinessTime(fresh(), '2026-12-23T16:00', 600).getTime());
    expect(addBusinessTime(cal, '2026-01-05T09:00', byYear).getTime()).toBe(
      addBusinessTime(fresh(), '2026-01-05T09:00', byYear).getTime(),
    );
  });
});
