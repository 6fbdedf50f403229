import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HolidayFileError,
  loadHolidayOverrides,
  parseHolidayOverrideFile,
  toHolidayOverrides,
} from '../../src/knowledge/holidays.js';
import { type CalendarSpec, compileCalendar, isOpen } from '../../src/rules/index.js';
import { weekdays } from '../support/rules-fixtures.js';

const overrides = loadHolidayOverrides();

const calendars = (zone: string, country: string, hours: CalendarSpec['hours'] = weekdays([['09:00', '18:00']])) => ({
  plain: compileCalendar({ zone, hours, holidays: { country } }),
  corrected: compileCalendar({ zone, hours, holidays: { country } }, { holidayOverrides: overrides }),
});

describe('knowledge/holidays overrides', () => {
  it('loads the Taiwan, Singapore and China files', () => {
    expect(Object.keys(overrides).sort()).toEqual(['CN', 'SG', 'TW']);
  });

  it('closes the 2026 Taiwan weekday holidays date-holidays misses', () => {
    const { plain, corrected } = calendars('Asia/Taipei', 'TW');
    const missed = ['2026-02-27', '2026-04-03', '2026-05-01', '2026-09-28', '2026-10-09', '2026-10-26', '2026-12-25'];
    for (const date of missed) {
      expect(isOpen(plain, `${date}T10:00`), `${date} without overrides`).toBe(true);
      expect(isOpen(corrected, `${date}T10:00`), `${date} with overrides`).toBe(false);
    }
  });

  it('adds Singapore Vesak Day 2027', () => {
    const { plain, corrected } = calendars('Asia/Singapore', 'SG');
    expect(isOpen(plain, '2027-05-20T10:00')).toBe(true);
    expect(isOpen(corrected, '2027-05-20T10:00')).toBe(false);
  });

  it("opens China's make-up working weekends and its extra days off", () => {
    const { plain, corrected } = calendars('Asia/Shanghai', 'CN');
    expect(isOpen(plain, '2026-02-14T10:00')).toBe(false); // Saturday
    expect(isOpen(corrected, '2026-02-14T10:00')).toBe(true); // a working day, with Monday's hours
    expect(isOpen(corrected, '2026-02-14T18:00')).toBe(false);
    expect(isOpen(plain, '2026-02-23T10:00')).toBe(true);
    expect(isOpen(corrected, '2026-02-23T10:00')).toBe(false);
    // Children's Day is for children only: removed
    expect(isOpen(plain, '2026-06-01T10:00')).toBe(false);
    expect(isOpen(corrected, '2026-06-01T10:00')).toBe(true);
  });

  it("ignores date-holidays' half-day group holidays", () => {
    const { plain } = calendars('Asia/Shanghai', 'CN');
    expect(isOpen(plain, '2027-03-08T10:00')).toBe(true); // Women's Day afternoon, a Monday
  });

  it('applies every entry of every file', () => {
    for (const [country, years] of Object.entries(overrides)) {
      const zone = { TW: 'Asia/Taipei', SG: 'Asia/Singapore', CN: 'Asia/Shanghai' }[country] as string;
      const allWeek = compileCalendar({ zone, hours: '24x7', holidays: { country } }, { holidayOverrides: overrides });
      const office = compileCalendar(
        { zone, hours: weekdays([['09:00', '18:00']]), holidays: { country } },
        { holidayOverrides: overrides },
      );
      for (const year of Object.values(years)) {
        for (const { date } of year.add ?? [])
          expect(isOpen(allWeek, `${date}T12:00`), `${country} ${date}`).toBe(false);
        for (const { date } of year.work ?? [])
          expect(isOpen(office, `${date}T12:00`), `${country} ${date}`).toBe(true);
        for (const { date } of year.remove ?? [])
          expect(isOpen(allWeek, `${date}T12:00`), `${country} ${date}`).toBe(true);
      }
    }
  });
});

describe('override file validation', () => {
  const valid = `country: TW
revised: '2026-11-22'
source: test
years:
  2026:
    add:
      - { date: '2026-02-27', name: Peace Memorial Day (observed), note: 'a one-line note' }
`;

  it('accepts a valid file', () => {
    expect(parseHolidayOverrideFile(valid, 'tw.yml').years['2026']?.add[0]?.date).toBe('2026-02-27');
  });

  it('names the file, field and problem', () => {
    expect(() => parseHolidayOverrideFile(valid.replace("'2026-02-27'", "'2026-02-30'"), 'tw.yml')).toThrow(
      /tw\.yml: years\.2026\.add\[0\]\.date: not a real calendar date/,
    );
    expect(() => parseHolidayOverrideFile(valid.replace("'2026-02-27'", "'2027-02-26'"), 'tw.yml')).toThrow(
      /2027-02-26 is not in 2026/,
    );
    expect(() => parseHolidayOverrideFile(valid.replace(", note: 'a one-line note'", ''), 'tw.yml')).toThrow(
      /years\.2026\.add\[0\]\.note/,
    );
    expect(() => parseHolidayOverrideFile(valid.replace('country: TW', 'country: XX'), 'xx.yml')).toThrow(
      /xx\.yml: country: .*"XX"/,
    );
    expect(() =>
      parseHolidayOverrideFile(
        `${valid}    work:\n      - { date: '2026-02-27', note: 'also a working day' }\n`,
        'tw.yml',
      ),
    ).toThrow(/already listed under add/);
    expect(() => parseHolidayOverrideFile('country: [', 'bad.yml')).toThrow(HolidayFileError);
  });

  it('refuses two files for one country', () => {
    const file = parseHolidayOverrideFile(valid, 'tw.yml');
    expect(() =>
      toHolidayOverrides([
        { name: 'tw.yml', file },
        { name: 'tw-2.yml', file },
      ]),
    ).toThrow(/tw-2\.yml: country TW is already covered by tw\.yml/);
  });

  it('reads a directory of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    writeFileSync(join(dir, 'tw.yml'), valid);
    writeFileSync(join(dir, 'README.txt'), 'not a holiday file');
    expect(Object.keys(loadHolidayOverrides(dir))).toEqual(['TW']);
  });
});
