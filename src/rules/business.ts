/** The business-time operations: binary searches over a calendar's compiled year chunks. */
import { type Calendar, SEARCH_SPAN_MS, SEARCH_SPAN_YEARS, type YearChunk } from './calendar.js';
import { RulesError, showValue } from './errors.js';
import { durationMs, type Instant, instantOf } from './input.js';
import { DAY_MS, formatLocal, MINUTE_MS } from './zone.js';

/** Index of the first element greater than x (array sorted ascending). */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element greater than or equal to x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open milliseconds in `chunk` before instant `t` (t inside the chunk). */
function openBefore(chunk: YearChunk, t: number): number {
  const i = upperBound(chunk.opens, t) - 1;
  if (i < 0) return 0;
  const overshoot = (chunk.closes[i] as number) - t;
  return (chunk.cumEnd[i] as number) - Math.max(overshoot, 0);
}

function noOpening(cal: Calendar, t: number): RulesError {
  return new RulesError(
    `the calendar has no open time within ${SEARCH_SPAN_YEARS} years after ${formatLocal(cal.clock, t)}; check its hours, closedDates and shifts`,
  );
}

/** A position in the compiled calendar: interval `index` of `chunk`. */
interface Slot {
  chunk: YearChunk;
  index: number;
}

/** The open interval holding `t`, or else the next one to open; throws after the search span. */
function slotFrom(cal: Calendar, t: number): Slot {
  let chunk = cal.chunkAt(t);
  const i = upperBound(chunk.opens, t) - 1;
  if (i >= 0 && t < (chunk.closes[i] as number)) return { chunk, index: i };
  if (i + 1 < chunk.opens.length) return { chunk, index: i + 1 };
  const limit = t + SEARCH_SPAN_MS;
  for (;;) {
    if (chunk.end > limit) throw noOpening(cal, t);
    chunk = cal.chunkOfYear(chunk.year + 1);
    if (chunk.opens.length > 0) {
      if ((chunk.opens[0] as number) > limit) throw noOpening(cal, t);
      return { chunk, index: 0 };
    }
  }
}

/** `t` itself when open, else the next opening instant. */
export function nextOpenMs(cal: Calendar, t: number): number {
  const { chunk, index } = slotFrom(cal, t);
  const open = chunk.opens[index] as number;
  return Math.max(open, t);
}

/** Adds `ms` of open time to instant `t`; see the semantics in index.ts. */
export function addOpenMs(cal: Calendar, t: number, ms: number): number {
  let chunk = cal.chunkAt(t);
  const i = upperBound(chunk.opens, t) - 1;
  const open = i >= 0 && t < (chunk.closes[i] as number);
  if (ms === 0) return open ? t : nextOpenMs(cal, t);
  // open time in this year before t (a closed t counts everything up to its previous closing)
  let target = (i < 0 ? 0 : (chunk.cumEnd[i] as number) - (open ? (chunk.closes[i] as number) - t : 0)) + ms;
  let emptyYears = 0;
  let year = chunk.year;
  let total = chunk.total;
  while (target > total) {
    target -= total;
    year += 1;
    total = cal.yearTotal(year);
    emptyYears = total === 0 ? emptyYears + 1 : 0;
    if (emptyYears > SEARCH_SPAN_YEARS) throw noOpening(cal, cal.chunkOfYear(year).start);
  }
  chunk = cal.chunkOfYear(year);
  const j = lowerBound(chunk.cumEnd, target);
  return (chunk.closes[j] as number) - ((chunk.cumEnd[j] as number) - target);
}

/** Open milliseconds in [a, b); 0 when b ≤ a. */
export function openMsBetween(cal: Calendar, a: number, b: number): number {
  if (b <= a) return 0;
  const first = cal.chunkAt(a);
  const beforeA = openBefore(first, a);
  if (b < first.end) return openBefore(first, b) - beforeA;
  // whole years between a's and b's count by their totals alone (their tables need not stay in memory)
  const last = cal.chunkAt(b);
  let sum = first.total - beforeA;
  for (let year = first.year + 1; year < last.year; year++) sum += cal.yearTotal(year);
  return sum + openBefore(last, b);
}

/**
 * The deadline after `minutes` of business time from `from`. Fractional minutes count to the second.
 * From a closed instant counting starts at the next opening; time running out exactly at a closing
 * instant gives that closing instant.
 */
export function addBusinessTime(cal: Calendar, from: Instant, minutes: number): Date {
  return new Date(addOpenMs(cal, instantOf(cal, from, 'from'), durationMs(minutes)));
}

/** Business minutes in [from, to): 0 when `to` is not after `from`. */
export function businessMinutesBetween(cal: Calendar, from: Instant, to: Instant): number {
  return openMsBetween(cal, instantOf(cal, from, 'from'), instantOf(cal, to, 'to')) / MINUTE_MS;
}

/** True when `at` is inside an open interval [open, close). */
export function isOpen(cal: Calendar, at: Instant): boolean {
  const t = instantOf(cal, at, 'at');
  const chunk = cal.chunkAt(t);
  const i = upperBound(chunk.opens, t) - 1;
  return i >= 0 && t < (chunk.closes[i] as number);
}

/** `at` itself when open, else the next opening; a RulesError when nothing opens within 3 years. */
export function nextOpen(cal: Calendar, at: Instant): Date {
  return new Date(nextOpenMs(cal, instantOf(cal, at, 'at')));
}

/**
 * The end of the open period holding `at` (or, when closed, of the next one). Intervals that touch, such as
 * one day's '24:00' and the next day's '00:00', are one period. `null` when the calendar stays open for the
 * whole search span (3 years), e.g. a 24x7 calendar without holidays.
 */
export function nextClose(cal: Calendar, at: Instant): Date | null {
  const t = instantOf(cal, at, 'at');
  let { chunk, index } = slotFrom(cal, t);
  const limit = t + SEARCH_SPAN_MS;
  for (;;) {
    const close = chunk.closes[index] as number;
    if (close > limit) return null;
    if (index + 1 < chunk.opens.length) {
      if (chunk.opens[index + 1] !== close) return new Date(close);
      index++;
    } else {
      if (close !== chunk.end) return new Date(close);
      const next = cal.chunkOfYear(chunk.year + 1);
      if (next.opens.length === 0 || next.opens[0] !== close) return new Date(close);
      chunk = next;
      index = 0;
    }
  }
}

/** How `addBusinessDays` counts a business day. */
export type BusinessDayMode = '24-open-hours' | 'same-time-next-working-day';

/**
 * Adds business days.
 * - '24-open-hours': a business day is 24 hours of open time (for calendars open all day, e.g. a 24x5
 *   support week); fractional days are allowed.
 * - 'same-time-next-working-day' (default): counting starts at the next opening when `from` is closed; the
 *   result is the same local wall-clock time on the Nth following working day (a local date with any open
 *   time), clamped into that day's open hours: before its first opening → the opening; in a break between
 *   intervals → the end of the break; at or after its last closing → that closing. `days` must be a whole
 *   number. A wall time inside a DST gap means the first instant after the gap.
 */
export function addBusinessDays(
  cal: Calendar,
  from: Instant,
  days: number,
  mode: BusinessDayMode = 'same-time-next-working-day',
): Date {
  const t = instantOf(cal, from, 'from');
  if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
    throw new RulesError(`days: expected a number of business days ≥ 0, got ${showValue(days)}`, 'days');
  }
  if (mode === '24-open-hours') return new Date(addOpenMs(cal, t, durationMs(days * 1440, 'days')));
  if (mode !== 'same-time-next-working-day') {
    throw new RulesError(
      `mode: expected '24-open-hours' or 'same-time-next-working-day', got ${showValue(mode)}`,
      'mode',
    );
  }
  if (!Number.isInteger(days)) {
    throw new RulesError(
      `days: 'same-time-next-working-day' counts whole working days, got ${days}; use '24-open-hours' for fractions`,
      'days',
    );
  }
  const start = nextOpenMs(cal, t);
  if (days === 0) return new Date(start);
  const wall = start + cal.clock.offsetAt(start);
  let day = Math.floor(wall / DAY_MS);
  const timeOfDay = wall - day * DAY_MS;
  let found = 0;
  let lastWorking = day;
  while (found < days) {
    day++;
    const info = cal.dayInfo(day);
    if (info.count > 0) {
      found++;
      lastWorking = day;
    } else if (day - lastWorking > SEARCH_SPAN_YEARS * 366) throw noOpening(cal, info.start);
  }
  const info = cal.dayInfo(day);
  const chunk = cal.chunkOfYear(new Date(day * DAY_MS).getUTCFullYear());
  const target = cal.wallInstant(day * DAY_MS + timeOfDay);
  for (let k = info.first; k < info.first + info.count; k++) {
    const open = chunk.opens[k] as number;
    const close = chunk.closes[k] as number;
    if (target < open) return new Date(open);
    if (target < close) return new Date(target);
  }
  return new Date(chunk.closes[info.first + info.count - 1] as number);
}
