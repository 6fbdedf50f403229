/**
 * The calendar spec: what a person or a knowledge file writes. Validated with zod; every error names the
 * field and the value at fault.
 */
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { RulesError, showValue } from './errors.js';
import { isIsoDate, isValidZoneName } from './zone.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Weekday keys of `hours`; index 0 is Sunday, as in `Date#getUTCDay`. */
export type WeekdayKey = (typeof WEEKDAYS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const COUNTRY = /^[A-Za-z]{2}$/;

type Zod = typeof import('zod').z;

function buildSchema(z: Zod) {
  const wallTime = z.string().regex(HHMM, "expected a time 'HH:MM' from '00:00' to '24:00'");
  /** `['09:00', '17:30']`: open from the first time (inclusive) to the second (exclusive) */
  const wallInterval = z.tuple([wallTime, wallTime]);
  const intervals = z.array(wallInterval);
  const isoDate = z.string().refine(isIsoDate, "expected a date 'YYYY-MM-DD'");
  const weekHours = z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, intervals.optional()])));
  return z.strictObject({
    /** IANA zone name, e.g. Europe/Berlin */
    zone: z.string().refine((zone) => isValidZoneName(zone), 'expected an IANA time zone such as Europe/Berlin'),
    hours: z.union([z.literal('24x7'), weekHours]),
    holidays: z
      .strictObject({
        country: z.string().regex(COUNTRY, 'expected a two-letter country code such as DE'),
        subdivision: z.string().min(1).optional(),
      })
      .nullable()
      .optional(),
    closedDates: z.array(isoDate).optional(),
    breaks: z.record(isoDate, intervals).optional(),
    shifts: z
      .record(isoDate, intervals.min(1, 'a shift needs at least one interval; close a date with closedDates'))
      .optional(),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;

/**
 * The zod schema of a spec, built on first use. zod takes tens of milliseconds to load, which a one-shot
 * `entitlebot ask` cannot spare, and a well-formed spec (`isWellFormedSpec`) never needs it: zod is only asked to
 * word what is wrong with a bad one. It is required (CommonJS) rather than imported so that this stays synchronous.
 */
export function calendarSpecSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema((createRequire(import.meta.url)('zod') as { z: Zod }).z);
  return schema;
}

const SPEC_KEYS = new Set(['zone', 'hours', 'holidays', 'closedDates', 'breaks', 'shifts']);
const WEEKDAY_KEYS = new Set<string>(WEEKDAYS);
const HOLIDAY_KEYS = new Set(['country', 'subdivision']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

function isWallTime(value: unknown): boolean {
  return typeof value === 'string' && HHMM.test(value);
}

function isIntervalList(value: unknown, min: number): boolean {
  if (!Array.isArray(value) || value.length < min) return false;
  for (let i = 0; i < value.length; i++) {
    const interval: unknown = value[i];
    if (!Array.isArray(interval) || interval.length !== 2 || !isWallTime(interval[0]) || !isWallTime(interval[1])) {
      return false;
    }
  }
  return true;
}

function isDateRecord(value: unknown, min: number): boolean {
  if (!isRecord(value)) return false;
  for (const key of Object.keys(value)) if (!isIsoDate(key) || !isIntervalList(value[key], min)) return false;
  return true;
}

/**
 * True when `input` is a spec the schema accepts, checked without zod. It only ever says yes to what the schema
 * accepts (a property test holds it to that); anything else goes to zod, which says what is wrong.
 */
export function isWellFormedSpec(input: unknown): input is CalendarSpec {
  if (!isRecord(input) || !hasOnlyKeys(input, SPEC_KEYS)) return false;
  if (typeof input.zone !== 'string' || !isValidZoneName(input.zone)) return false;
  const hours = input.hours;
  if (hours !== '24x7') {
    if (!isRecord(hours) || !hasOnlyKeys(hours, WEEKDAY_KEYS)) return false;
    for (const day of WEEKDAYS) if (hours[day] !== undefined && !isIntervalList(hours[day], 0)) return false;
  }
  const holidays = input.holidays;
  if (holidays !== undefined && holidays !== null) {
    if (!isRecord(holidays) || !hasOnlyKeys(holidays, HOLIDAY_KEYS)) return false;
    if (typeof holidays.country !== 'string' || !COUNTRY.test(holidays.country)) return false;
    const sub = holidays.subdivision;
    if (sub !== undefined && (typeof sub !== 'string' || sub.length < 1)) return false;
  }
  const closed = input.closedDates;
  if (closed !== undefined) {
    if (!Array.isArray(closed)) return false;
    for (let i = 0; i < closed.length; i++) {
      const date: unknown = closed[i];
      if (typeof date !== 'string' || !isIsoDate(date)) return false;
    }
  }
  if (input.breaks !== undefined && !isDateRecord(input.breaks, 0)) return false;
  if (input.shifts !== undefined && !isDateRecord(input.shifts, 1)) return false;
  return true;
}

export type WallInterval = [string, string];
export interface CalendarSpec {
  /** IANA zone name; weekday, date and holidays are judged in this zone */
  zone: string;
  /** '24x7', or per-weekday intervals (several a day; '24:00' allowed as an end); a missing day is closed */
  hours: '24x7' | Partial<Record<WeekdayKey, WallInterval[]>>;
  /** public holidays of a country (date-holidays type 'public' plus knowledge/holidays overrides) */
  holidays?: { country: string; subdivision?: string } | null;
  /** extra whole-day closures, YYYY-MM-DD */
  closedDates?: string[];
  /** time removed from a date's hours */
  breaks?: Record<string, WallInterval[]>;
  /** hours that replace a date's weekday hours (and win over a holiday on that date) */
  shifts?: Record<string, WallInterval[]>;
}

/** Minutes since local midnight, [start, end), end ≤ 1440. */
export type MinuteInterval = readonly [number, number];

/** The spec after validation, times turned into minutes, each day's intervals sorted and merged. */
export interface NormalizedSpec {
  zone: string;
  /** index 0 = Sunday */
  week: MinuteInterval[][];
  holidays: { country: string; subdivision?: string } | null;
  closedDates: Set<string>;
  breaks: Map<string, MinuteInterval[]>;
  shifts: Map<string, MinuteInterval[]>;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${String(key)}` : String(key);
  return text || '(the spec itself)';
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  const field = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${field}: unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'hours') {
    return `hours: expected '24x7' or an object like { mon: [['09:00', '17:30']] } with keys ${WEEKDAYS.join(', ')}, got ${showValue(valueAt(input, issue.path))}`;
  }
  const value = valueAt(input, issue.path);
  const got = value === undefined ? 'nothing' : showValue(value);
  return `${field}: ${issue.message}, got ${got}`;
}

function checkIntervals(list: WallInterval[], field: string): MinuteInterval[] {
  const result: [number, number][] = [];
  list.forEach(([start, end], i) => {
    if (start === '24:00') {
      throw new RulesError(
        `${field}[${i}]: '24:00' can only end an interval; start the next day at '00:00'`,
        `${field}[${i}]`,
      );
    }
    const a = minutesOf(start);
    const b = minutesOf(end);
    if (b <= a) {
      throw new RulesError(
        `${field}[${i}]: ${showValue([start, end])} ends before it starts; split overnight hours at midnight, e.g. [['22:00', '24:00']] and the next day [['00:00', '06:00']]`,
        `${field}[${i}]`,
      );
    }
    result.push([a, b]);
  });
  return mergeIntervals(result);
}

/** Sorts and merges overlapping or touching minute intervals. */
export function mergeIntervals(list: readonly MinuteInterval[]): MinuteInterval[] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Removes `cut` from `hours` (both sorted and merged). */
export function subtractIntervals(hours: readonly MinuteInterval[], cut: readonly MinuteInterval[]): MinuteInterval[] {
  let rest: MinuteInterval[] = [...hours];
  for (const [ca, cb] of cut) {
    const next: MinuteInterval[] = [];
    for (const [a, b] of rest) {
      if (cb <= a || ca >= b) next.push([a, b]);
      else {
        if (a < ca) next.push([a, ca]);
        if (cb < b) next.push([cb, b]);
      }
    }
    rest = next;
  }
  return rest;
}

/** Validates a spec; throws a RulesError naming the field and value at fault. */
export function normalizeSpec(input: unknown): NormalizedSpec {
  const spec = isWellFormedSpec(input) ? input : parseWithZod(input);
  return normalizeChecked(spec);
}

/** zod's reading of a spec the quick check refused: a RulesError naming the first few faults. */
function parseWithZod(input: unknown): CalendarSpec {
  const parsed = calendarSpecSchema().safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const lines = issues.slice(0, 3).map((issue) => describeIssue(input, issue));
    if (issues.length > 3) lines.push(`(and ${issues.length - 3} more)`);
    const first = issues[0];
    throw new RulesError(`Invalid calendar spec: ${lines.join('; ')}`, first ? pathText(first.path) : undefined);
  }
  return parsed.data as CalendarSpec;
}

function normalizeChecked(spec: CalendarSpec): NormalizedSpec {
  const week: MinuteInterval[][] = WEEKDAYS.map((day) => {
    if (spec.hours === '24x7') return [[0, 1440]];
    return checkIntervals(spec.hours[day] ?? [], `hours.${day}`);
  });
  const breaks = new Map<string, MinuteInterval[]>();
  for (const [date, list] of Object.entries(spec.breaks ?? {}))
    breaks.set(date, checkIntervals(list, `breaks.${date}`));
  const shifts = new Map<string, MinuteInterval[]>();
  for (const [date, list] of Object.entries(spec.shifts ?? {}))
    shifts.set(date, checkIntervals(list, `shifts.${date}`));
  const closedDates = new Set(spec.closedDates ?? []);
  // a date both closed and given shift hours is closed (as zendesk/biz decides): the shift is left out
  for (const date of closedDates) shifts.delete(date);
  if (week.every((day) => day.length === 0) && shifts.size === 0) {
    throw new RulesError(
      `hours: the calendar has no open time at all (no weekday has intervals and there are no shifts on dates that are not closed), got ${showValue(spec.hours)}`,
      'hours',
    );
  }
  const holidays = spec.holidays
    ? { country: spec.holidays.country.toUpperCase(), subdivision: spec.holidays.subdivision?.toUpperCase() }
    : null;
  return { zone: spec.zone, week, holidays, closedDates, breaks, shifts };
}
