/** Turning the public API's inputs (Date or ISO 8601 text, minutes) into epoch milliseconds. */
import type { Calendar } from './calendar.js';
import { RulesError, showValue } from './errors.js';
import { DAY_MS, firstInstantAtOrAfter, isIsoDate } from './zone.js';

/** An instant: a Date, or ISO 8601 text. Text without an offset is a wall time in the calendar's zone. */
export type Instant = Date | string;

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:(Z|z)|([+-])(\d{2})(?::?(\d{2}))?)?$/;

function badInstant(field: string, value: unknown): RulesError {
  return new RulesError(
    `${field}: expected a Date or ISO 8601 text such as '2026-12-24T15:30:00+01:00' (or '2026-12-24T15:30' in the calendar's zone), got ${showValue(value)}`,
    field,
  );
}

function parseIso(cal: Calendar, text: string, field: string): number {
  const m = ISO.exec(text.trim());
  if (!m || !isIsoDate(m[1] as string)) throw badInstant(field, text);
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '', zulu, sign, oh = '00', om = '00'] = m;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) throw badInstant(field, text);
  const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  const d = date as string;
  const wall = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hours, minutes, seconds, millis);
  if (zulu) return wall;
  if (sign) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    if (offset > DAY_MS) throw badInstant(field, text);
    return sign === '+' ? wall - offset : wall + offset;
  }
  return firstInstantAtOrAfter(cal.clock, wall);
}

/** Epoch milliseconds of an API input; the Date path is kept cheap because it is the hot one. */
export function instantOf(cal: Calendar, value: Instant, field: string): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isNaN(t)) return t;
    throw badInstant(field, value);
  }
  if (typeof value === 'string') return parseIso(cal, value, field);
  throw badInstant(field, value);
}

/** Business minutes as whole milliseconds, rounded to the second (fractional minutes are allowed). */
export function durationMs(minutes: number, field = 'minutes'): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RulesError(`${field}: expected a number of minutes ≥ 0, got ${showValue(minutes)}`, field);
  }
  return Math.round(minutes * 60) * 1000;
}
