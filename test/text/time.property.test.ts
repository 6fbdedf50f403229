/**
 * Answers write times without building a luxon DateTime for each (it was a large share of an answer's cost).
 * The times they write must still be exactly what luxon writes: ISO 8601 with the zone's offset at that instant
 * (across DST changes, half-hour and 45-minute zones, "UTC" written as Z) and the one human format's weekday and clock.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatTime, isoIn } from '../../src/text/time.js';

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Taipei',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'UTC',
  'Etc/UTC',
  'asia/taipei',
  'UTC+3',
];

const instants = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

function luxonIso(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).startOf('second').toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}

function luxonHuman(at: Date, zone: string, lang: 'en' | 'zh'): string {
  const dt = DateTime.fromJSDate(at, { zone });
  if (lang === 'zh')
    return `${dt.toFormat('yyyy/MM/dd')}（週${'一二三四五六日'[dt.weekday - 1]}）${dt.toFormat('HH:mm')}（${zone}）`;
  return `${dt.setLocale('en').toFormat('ccc d LLL yyyy HH:mm')} (${zone})`;
}

describe('times in answers', () => {
  it('are written as luxon writes them, in every kind of zone', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (at, zone) => {
        expect(isoIn(at, zone)).toBe(luxonIso(at, zone));
        expect(formatTime(at, zone, 'en')).toBe(luxonHuman(at, zone, 'en'));
        expect(formatTime(at, zone, 'zh')).toBe(luxonHuman(at, zone, 'zh'));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep their offset on both sides of a DST change', () => {
    // Europe/Berlin went from +01:00 to +02:00 at 01:00 UTC on 2026-03-29
    expect(isoIn(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(
      luxonIso(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin'),
    );
    expect(isoIn(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toMatch(/\+02:00$/);
    expect(isoIn(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toMatch(/\+01:00$/);
  });

  it('fall back to the instant in UTC for a zone nobody knows', () => {
    const at = new Date('2026-05-01T10:00:00Z');
    expect(isoIn(at, 'Nowhere/Land')).toBe(luxonIso(at, 'Nowhere/Land'));
  });
});
