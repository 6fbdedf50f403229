/**
 * A compiled calendar: the spec plus, per local calendar year (built lazily on first use), every open
 * interval as epoch milliseconds with running totals of open time. All business-time questions then become
 * binary searches over plain number arrays. A calendar keeps at most YEAR_CACHE_SIZE built years (least
 * recently used dropped, rebuilt exactly when asked again) and one number per year, its total open time, so
 * that counting across many years need not keep their tables: its memory is bounded whatever it is asked.
 */
import { RulesError, showValue } from './errors.js';
import { checkHolidayRegion, type Holiday, type HolidayOverrides, type HolidayYear, holidayYear } from './holidays.js';
import { LruCache } from './lru.js';
import {
  type CalendarSpec,
  type MinuteInterval,
  type NormalizedSpec,
  normalizeSpec,
  subtractIntervals,
} from './spec.js';
import {
  DAY_MS,
  dateOfDayNumber,
  firstInstantAtOrAfter,
  MINUTE_MS,
  weekdayOfDayNumber,
  type ZoneClock,
  zoneClock,
} from './zone.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2500;
/** How far nextOpen / nextClose / adding look before giving up (a calendar closed that long is a mistake). */
export const SEARCH_SPAN_YEARS = 3;
export const SEARCH_SPAN_MS = SEARCH_SPAN_YEARS * 366 * DAY_MS;
/**
 * Built years a calendar keeps (each about 100 KB of heap for office hours with public holidays). A question
 * touches one or two years (the start's and the deadline's); counting across more uses the per-year totals,
 * so a small cache is enough.
 */
export const YEAR_CACHE_SIZE = 3;

/** Why a whole local day has no open time. */
export type ClosedReason = 'weekend' | 'holiday' | 'closed-date' | 'break' | 'dst-gap';

export interface DayInfo {
  /** days since 1970-01-01 */
  readonly day: number;
  /** YYYY-MM-DD (local) */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  /** first instant of the local date */
  readonly start: number;
  /** index of the day's first interval in its YearChunk */
  readonly first: number;
  /** number of open intervals that day */
  readonly count: number;
  /** set when the day has no open time */
  readonly closed?: { reason: ClosedReason; holiday?: Holiday };
  /** set when the date is a holiday but a shift opens it anyway */
  readonly holiday?: Holiday;
}

/** One local calendar year of open intervals, sorted, non-overlapping (adjacent ones may touch). */
export interface YearChunk {
  readonly year: number;
  /** first instant of 1 January (local) */
  readonly start: number;
  /** first instant of the next 1 January (local) */
  readonly end: number;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** open milliseconds in this year up to and including interval i */
  readonly cumEnd: Float64Array;
  /** open milliseconds in the whole year */
  readonly total: number;
  /** interval index → index into `days` */
  readonly intervalDay: Uint16Array;
  readonly days: readonly DayInfo[];
}

export interface CompileOptions {
  /** corrections to date-holidays, as loaded from knowledge/holidays by src/knowledge/holidays.ts */
  holidayOverrides?: HolidayOverrides;
}

const NO_CHUNK: YearChunk = {
  year: Number.NaN,
  start: Number.NaN,
  end: Number.NaN,
  opens: new Float64Array(0),
  closes: new Float64Array(0),
  cumEnd: new Float64Array(0),
  total: 0,
  intervalDay: new Uint16Array(0),
  days: [],
};

/** Average Gregorian year, for a first guess of the year an instant falls in. */
const YEAR_MS = 365.2425 * DAY_MS;

export class Calendar {
  readonly zone: string;
  /** the validated spec (times as minutes since local midnight) */
  readonly spec: NormalizedSpec;
  readonly clock: ZoneClock;
  private readonly overrides: HolidayOverrides | undefined;
  /** hours of a make-up working day whose weekday has none: the first of Mon–Fri that has hours */
  private readonly workDayHours: MinuteInterval[];
  private readonly chunks = new LruCache<number, YearChunk>(YEAR_CACHE_SIZE);
  /** open milliseconds per year (index year − MIN_YEAR), NaN until the year was built once */
  private readonly totals = new Float64Array(MAX_YEAR - MIN_YEAR + 1).fill(Number.NaN);
  private last: YearChunk = NO_CHUNK;

  constructor(spec: NormalizedSpec, options: CompileOptions = {}) {
    this.spec = spec;
    this.zone = spec.zone;
    this.clock = zoneClock(spec.zone);
    this.overrides = options.holidayOverrides;
    this.workDayHours = [1, 2, 3, 4, 5].map((d) => spec.week[d] ?? []).find((h) => h.length > 0) ?? [];
  }

  /** The year chunk holding instant `t` (hot path: the last chunk used is checked first). */
  chunkAt(t: number): YearChunk {
    const last = this.last;
    if (t >= last.start && t < last.end) return last;
    if (!Number.isFinite(t)) throw new RulesError(`expected a valid instant, got ${showValue(t)}`);
    let chunk = this.chunkOfYear(1970 + Math.floor(t / YEAR_MS));
    while (t < chunk.start) chunk = this.chunkOfYear(chunk.year - 1);
    while (t >= chunk.end) chunk = this.chunkOfYear(chunk.year + 1);
    this.last = chunk;
    return chunk;
  }

  chunkOfYear(year: number): YearChunk {
    if (year === this.last.year) return this.last;
    const cached = this.chunks.get(year);
    if (cached) return cached;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      throw new RulesError(
        `the calendar covers the years ${MIN_YEAR}–${MAX_YEAR}; the request reached the year ${year}`,
      );
    }
    const chunk = this.build(year);
    this.chunks.set(year, chunk);
    this.totals[year - MIN_YEAR] = chunk.total;
    return chunk;
  }

  /** How many built years this calendar holds now (at most YEAR_CACHE_SIZE). */
  get cachedYears(): number {
    return this.chunks.size;
  }

  /** Open milliseconds in the local year `year` (built once, then remembered as one number). */
  yearTotal(year: number): number {
    const known = year >= MIN_YEAR && year <= MAX_YEAR ? (this.totals[year - MIN_YEAR] as number) : Number.NaN;
    return Number.isNaN(known) ? this.chunkOfYear(year).total : known;
  }

  /** The first instant the local clock reads `wall` (a wall time written as a UTC timestamp) or later. */
  wallInstant(wall: number): number {
    return firstInstantAtOrAfter(this.clock, wall);
  }

  /** The local day (as a DayInfo) with day number `day`. */
  dayInfo(day: number): DayInfo {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    const chunk = this.chunkOfYear(year);
    const info = chunk.days[day - Date.UTC(year, 0, 1) / DAY_MS];
    if (!info) throw new RulesError(`internal: day ${day} missing from year ${year}`);
    return info;
  }

  private hoursOf(day: number, date: string, holidays: HolidayYear | null) {
    const weekday = weekdayOfDayNumber(day);
    const holiday = holidays?.holidays.get(date);
    let hours: readonly MinuteInterval[] = [];
    let closed: DayInfo['closed'];
    const shift = this.spec.shifts.get(date);
    if (shift) hours = shift;
    else if (this.spec.closedDates.has(date)) closed = { reason: 'closed-date' };
    else if (holiday) closed = { reason: 'holiday', holiday };
    else {
      hours = this.spec.week[weekday] ?? [];
      if (hours.length === 0 && holidays?.workDays.has(date)) hours = this.workDayHours;
      if (hours.length === 0) closed = { reason: 'weekend' };
    }
    const cut = this.spec.breaks.get(date);
    if (cut && hours.length > 0) {
      hours = subtractIntervals(hours, cut);
      if (hours.length === 0) closed = { reason: 'break' };
    }
    return { weekday, hours, closed, openHoliday: shift ? holiday : undefined };
  }

  private build(year: number): YearChunk {
    const clock = this.clock;
    const region = this.spec.holidays;
    const holidays = region ? holidayYear(region.country, region.subdivision, year, this.overrides) : null;
    const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
    const endDay = Date.UTC(year + 1, 0, 1) / DAY_MS;
    const opens: number[] = [];
    const closes: number[] = [];
    const intervalDay: number[] = [];
    const days: DayInfo[] = [];
    let dayStart = firstInstantAtOrAfter(clock, firstDay * DAY_MS);
    for (let day = firstDay; day < endDay; day++) {
      const nextStart = firstInstantAtOrAfter(clock, (day + 1) * DAY_MS);
      const date = dateOfDayNumber(day);
      const { weekday, hours, closed, openHoliday } = this.hoursOf(day, date, holidays);
      const first = opens.length;
      if (hours.length > 0) {
        // Without a clock change during the day every wall time is midnight plus its minutes.
        const plain = nextStart - dayStart === DAY_MS && clock.offsetAt(nextStart) === clock.offsetAt(dayStart);
        const instant = (minute: number) =>
          minute === 1440
            ? nextStart
            : plain
              ? dayStart + minute * MINUTE_MS
              : firstInstantAtOrAfter(clock, day * DAY_MS + minute * MINUTE_MS);
        for (const [a, b] of hours) {
          const open = instant(a);
          const close = instant(b);
          if (close > open) {
            opens.push(open);
            closes.push(close);
            intervalDay.push(days.length);
          }
        }
      }
      const count = opens.length - first;
      const info: DayInfo = {
        day,
        date,
        weekday,
        start: dayStart,
        first,
        count,
        // a day whose hours all fell into a DST gap has no open time either
        ...(closed || count === 0 ? { closed: closed ?? { reason: 'dst-gap' as const } } : {}),
        ...(openHoliday ? { holiday: openHoliday } : {}),
      };
      days.push(info);
      dayStart = nextStart;
    }
    const cumEnd = new Float64Array(opens.length);
    let total = 0;
    for (let i = 0; i < opens.length; i++) {
      total += (closes[i] as number) - (opens[i] as number);
      cumEnd[i] = total;
    }
    return {
      year,
      start: days[0]?.start ?? dayStart,
      end: dayStart,
      opens: Float64Array.from(opens),
      closes: Float64Array.from(closes),
      cumEnd,
      total,
      intervalDay: Uint16Array.from(intervalDay),
      days,
    };
  }
}

/**
 * Validates a calendar spec and compiles it. Throws a RulesError naming the bad field and value.
 * Years are compiled lazily on first use and cached in the Calendar, so compiling is cheap.
 */
export function compileCalendar(spec: CalendarSpec, options: CompileOptions = {}): Calendar {
  const normalized = normalizeSpec(spec);
  if (normalized.holidays) checkHolidayRegion(normalized.holidays.country, normalized.holidays.subdivision);
  return new Calendar(normalized, options);
}
