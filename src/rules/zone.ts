/**
 * Time-zone arithmetic on plain numbers (epoch milliseconds and "day numbers", days since 1970-01-01).
 *
 * Used when a year of a calendar is compiled and when answers write times. Offsets come from the
 * platform's IANA database through Intl (parsing `format` output is several times faster than
 * `formatToParts` or luxon's zone offset, which matters when compiling many calendars).
 */

import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface ZoneClock {
  readonly name: string;
  /** UTC offset in milliseconds at instant `t` (local = t + offset) */
  offsetAt(t: number): number;
}

const clocks = new Map<string, ZoneClock>();
const validZones = new Set<string>();

/**
 * Whether luxon (and so the platform) accepts an IANA zone name. Accepted names are remembered: luxon builds an
 * Intl.DateTimeFormat on every check, which costs more than the answer that needs it.
 */
export function isValidZoneName(name: string): boolean {
  if (validZones.has(name)) return true;
  if (!IANAZone.isValidZone(name)) return false;
  validZones.add(name);
  return true;
}

/** A clock for an IANA zone name that the platform already accepted (validate the name first). */
export function zoneClock(name: string): ZoneClock {
  let clock = clocks.get(name);
  if (!clock) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // the offset depends only on the second (format drops milliseconds): an answer asks about the same few
    // seconds many times (a deadline's explanation, its ISO form, its summary), so recent ones are remembered
    const recent = new Map<number, number>();
    clock = {
      name,
      offsetAt(t: number): number {
        const second = Math.floor(t / 1000);
        const known = recent.get(second);
        if (known !== undefined) return known;
        if (recent.size >= 512) recent.clear();
        // "MM/DD/YYYY, hh:mm:ss" for the years the rules core accepts (1900–2500)
        const s = format.format(t);
        const local = Date.UTC(
          +s.slice(6, 10),
          +s.slice(0, 2) - 1,
          +s.slice(3, 5),
          +s.slice(12, 14),
          +s.slice(15, 17),
          +s.slice(18, 20),
        );
        const offset = local - second * 1000;
        recent.set(second, offset);
        return offset;
      },
    };
    clocks.set(name, clock);
  }
  return clock;
}

/** The wall-clock reading at instant `t`, as if it were a UTC timestamp. */
export function wallAt(zone: ZoneClock, t: number): number {
  return t + zone.offsetAt(t);
}

/**
 * The first instant at which the local clock reads `wall` or later (`wall` is a wall-clock reading written
 * as a UTC timestamp, e.g. `Date.UTC(2027, 2, 28, 2, 30)`).
 * - an ordinary time: its only instant;
 * - a time skipped by a spring-forward gap: the instant the clocks jump (02:30 in Berlin → 03:00 CEST);
 * - a time that happens twice at a fall-back: the first (earlier) occurrence.
 */
export function firstInstantAtOrAfter(zone: ZoneClock, wall: number): number {
  const before = zone.offsetAt(wall - 15 * HOUR_MS);
  const after = zone.offsetAt(wall + 13 * HOUR_MS);
  if (before === after) {
    const t = wall - before;
    if (zone.offsetAt(t) === before) return t;
  }
  // A transition is near: find the earliest instant whose reading reaches `wall`, scanning in quarter
  // hours (every real transition is on a quarter hour) and then narrowing to the millisecond.
  const step = 15 * MINUTE_MS;
  let lo = wall - 15 * HOUR_MS;
  let t = lo;
  while (wallAt(zone, t) < wall) {
    lo = t;
    t += step;
  }
  let hi = t;
  if (hi === lo) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallAt(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Day number (days since 1970-01-01) of a YYYY-MM-DD string that was already checked. */
export function dayNumberOf(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** True when `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const day = dayNumberOf(date);
  return Number.isFinite(day) && dateOfDayNumber(day) === date;
}

/** "+01:00" style offset text. */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / MINUTE_MS);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 text of instant `t` in the zone, e.g. 2027-03-28T03:30:00+02:00 (seconds always, no milliseconds unless set). */
export function formatLocal(zone: ZoneClock, t: number): string {
  const offset = zone.offsetAt(t);
  const iso = new Date(t + offset).toISOString();
  const body = iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
  return body + formatOffset(offset);
}
