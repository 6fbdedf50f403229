/**
 * The rules core: business-time deadlines, fees and quotas. Pure: no I/O, no clock (every "now" is an
 * argument), no Slack, no SQL. Import it as `entitlebot/rules`.
 *
 * ## Calendars
 * `compileCalendar(spec, { holidayOverrides })` validates a spec (zod; a bad spec throws a RulesError whose
 * message names the field and the value) and returns a Calendar:
 * ```
 * { zone: 'Europe/Berlin',                          // IANA name; weekday, date and holidays are judged here
 *   hours: '24x7' | { mon: [['09:00', '17:30']], … }, // several intervals a day, '24:00' allowed as an end,
 *                                                     // a weekday left out is closed
 *   holidays: { country: 'DE', subdivision: 'BY' },  // optional: public holidays
 *   closedDates: ['2026-12-24'],                      // optional: extra whole-day closures
 *   breaks: { '2026-12-31': [['12:00', '17:30']] },  // optional: time removed from that date's hours
 *   shifts: { '2026-12-27': [['10:00', '14:00']] } } // optional: hours replacing that date's weekday hours
 * ```
 * A date's hours are decided in this order: a closed date (closed; a date that is both closed and given
 * shift hours is closed, as zendesk/biz decides, and the shift is ignored), else a shift (it wins even over
 * a holiday), else a public holiday (closed), else the weekday's hours; then the date's breaks are cut out. A make-up working day from the holiday overrides (China's 调休)
 * whose weekday has no hours opens with the hours of the first of Monday–Friday that has some. Intervals
 * of one day that overlap or touch are merged. A spec with no open time at all is an error.
 *
 * ## Semantics of business time
 * - Open intervals are half-open `[open, close)`: the opening instant is open, the closing instant closed.
 * - `addBusinessTime` from a closed instant starts counting at the next opening. Adding 0 at a closed
 *   instant gives the next opening; at an open instant, the instant itself.
 * - When the time runs out exactly at a closing instant, the deadline is that closing instant (Fri 15:30 +
 *   2 business hours with a 17:30 close is Fri 17:30, not Monday's opening).
 * - Weekday, date and holidays are judged in the calendar's zone, whatever offset the input carries; a
 *   holiday closes the whole local day.
 * - Business time is real elapsed time. A 24x7 hour across a DST change is 60 real minutes
 *   (Europe/Berlin 2027-03-28 01:30 + 60 min = 03:30 CEST); a 00:00–24:00 day lasts 23 or 25 hours on a
 *   change day.
 * - A configured wall time (an interval bound, or ISO text without an offset) means the FIRST INSTANT AT
 *   WHICH THE LOCAL CLOCK READS THAT TIME OR LATER. So a time inside a spring-forward gap means the instant
 *   the clocks jump (Berlin 02:30 on 2027-03-28 → 03:00 CEST), and a time that occurs twice at a fall-back
 *   means its first (earlier, summer-time) occurrence (Berlin 02:30 on 2026-10-25 → 02:30 CEST). An
 *   interval is the real time between its two bounds, so it never closes and reopens within itself; one
 *   that falls wholly inside a gap is empty.
 * - Minutes may be fractional (kept to the second); negative minutes are an error. `businessMinutesBetween`
 *   is 0 when `to` is not after `from`.
 * - The calendar covers the years 1900–2500. `nextOpen`, and counting, give up with a RulesError after
 *   3 years without open time; `nextClose` returns null when the calendar stays open that long.
 * - Memory is bounded: a Calendar keeps its per-year interval tables in a small least-recently-used cache
 *   (`YEAR_CACHE_SIZE` years; a dropped year is rebuilt, with the same result, when asked again) and one
 *   number per year (its open time), so counting across many years keeps only their totals. Public holidays
 *   from date-holidays are likewise kept for the `HOLIDAY_CACHE_SIZE` most recently used country-years; a
 *   `HolidaySource` set with `useHolidaySource` may keep computed years elsewhere (the app: on disk), read
 *   before a year is computed (the core does no I/O itself; the source must give what it would compute).
 *   Results never depend on what is cached. The work of one call still grows with the span it counts: callers
 *   that take instants from people bound them (the app answers within 10 years of now).
 * - Inputs are a Date (the fast path) or ISO 8601 text; text without an offset is a wall time in the
 *   calendar's zone.
 *
 * ## Public holidays
 * Holidays are date-holidays' type 'public' only (bank holidays such as 24 and 31 December in Germany stay
 * working days unless a contract adds them), whole-day entries only (a half-day group holiday such as
 * China's Women's Day afternoon does not close the day), corrected by the overrides passed in
 * `holidayOverrides` (load them with `loadHolidayOverrides()` from src/knowledge/holidays.ts): per country
 * and year, dates to add, dates to remove, and make-up working days. Without overrides only date-holidays
 * is used. An unknown country or subdivision is an error naming it.
 *
 * ## Business days
 * `addBusinessDays(cal, from, days, mode)`: '24-open-hours' counts a day as 24 hours of open time;
 * 'same-time-next-working-day' (default) gives the same local time on the Nth next working day, clamped
 * into that day's open hours (see business.ts).
 *
 * ## Fees and quotas
 * See fees.ts (`cancellationFee`, `flexCreditCap`, `listPrice`) and quotas.ts (`quotaWindow`,
 * `quotaStatus`). Their numbers come from the knowledge files, passed in as arguments.
 *
 * All functions throw `RulesError` (with a message for a person) on bad input.
 */

export {
  addBusinessDays,
  addBusinessTime,
  type BusinessDayMode,
  businessMinutesBetween,
  isOpen,
  nextClose,
  nextOpen,
} from './business.js';
export {
  Calendar,
  type ClosedReason,
  type CompileOptions,
  compileCalendar,
  MAX_YEAR,
  MIN_YEAR,
  SEARCH_SPAN_YEARS,
  YEAR_CACHE_SIZE,
} from './calendar.js';
export { RulesError } from './errors.js';
export {
  type CountedSegment,
  type DeadlineExplanation,
  type DstChange,
  describeExplanation,
  explainDeadline,
  type SkippedDay,
  ZH_DAYS,
} from './explain.js';
export {
  type CancellationFee,
  type CancellationFeeInput,
  type CancellationStep,
  cancellationFee,
  type FlexCreditCap,
  type FlexCreditCapInput,
  flexCreditCap,
  type ListPrice,
  listPrice,
} from './fees.js';
export {
  checkHolidayRegion,
  computeLibraryHolidays,
  HOLIDAY_CACHE_SIZE,
  type Holiday,
  type HolidayAddition,
  type HolidayDateNote,
  type HolidayOverrides,
  type HolidaySource,
  type HolidayYearOverrides,
  type LibraryHoliday,
  useHolidaySource,
} from './holidays.js';
export type { Instant } from './input.js';
export {
  type QuotaPeriod,
  type QuotaRuleInput,
  type QuotaStatus,
  type QuotaStatusInput,
  type QuotaUseDay,
  type QuotaWindowInput,
  type QuotaWindowKind,
  quotaStatus,
  quotaWindow,
} from './quotas.js';
export {
  type CalendarSpec,
  calendarSpecSchema,
  isWellFormedSpec,
  type WallInterval,
  type WeekdayKey,
} from './spec.js';
export { isValidZoneName } from './zone.js';
