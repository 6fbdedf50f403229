/**
 * Quotas: how much of a limited entitlement (coaching sessions, onsite days…) is used and left, and when the
 * current window ends. Dates are local calendar dates (YYYY-MM-DD) in the contract's zone.
 */
import { RulesError, showValue } from './errors.js';
import {
  DAY_MS,
  dateOfDayNumber,
  dayNumberOf,
  firstInstantAtOrAfter,
  isIsoDate,
  isValidZoneName,
  zoneClock,
} from './zone.js';

export type QuotaWindowKind =
  | 'calendar-quarter'
  | 'calendar-year'
  | 'rolling-12-months'
  | 'contract-term'
  | 'per-event';
const KINDS: readonly QuotaWindowKind[] = [
  'calendar-quarter',
  'calendar-year',
  'rolling-12-months',
  'contract-term',
  'per-event',
];

export interface QuotaWindowInput {
  window: QuotaWindowKind;
  /** the moment asked about (a Date or ISO 8601 text); its local date in `zone` is "today" */
  now: Date | string;
  zone: string;
  /** contract term, YYYY-MM-DD, both inclusive; contract-term windows need both */
  contractStart?: string | null;
  contractEnd?: string | null;
}

export interface QuotaPeriod {
  /** first day counted, YYYY-MM-DD (null for per-event) */
  windowStart: string | null;
  /** last day counted: the expiry of what is left (for rolling windows, today; null for per-event) */
  windowEnd: string | null;
  /** the instant the window ends (start of the day after windowEnd); null when rolling or per-event */
  expiresAt: Date | null;
  /** today's date in the zone */
  today: string;
}

export interface QuotaRuleInput {
  limit: number;
  window: QuotaWindowKind;
  /** unused allowance of the previous window carries into the current one (calendar windows only) */
  carryOver?: boolean;
}

export interface QuotaUseDay {
  date: string;
  /** how much was used that day; 1 when left out */
  count?: number;
}

export interface QuotaStatusInput extends Omit<QuotaWindowInput, 'window'> {
  rule: QuotaRuleInput;
  /** uses recorded or booked (all uses dated inside the window count, later ones too; for per-event: that one event's uses) */
  uses: readonly QuotaUseDay[];
}

export interface QuotaStatus extends QuotaPeriod {
  /** the rule's limit plus what was carried over */
  limit: number;
  used: number;
  remaining: number;
  /** unused allowance brought in from the previous window (0 unless the rule allows carry-over) */
  carriedOver: number;
  /** how far use went past the limit, 0 when within it */
  overBy: number;
  /** rolling windows: the date the oldest counted use leaves the window (null when none) */
  nextRelease: string | null;
}

function checkDate(value: unknown, field: string): number {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new RulesError(`${field}: expected a date 'YYYY-MM-DD', got ${showValue(value)}`, field);
  }
  return dayNumberOf(value);
}

function ymd(day: number): [number, number, number] {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Day number of year-month-day, the day clamped to the month's length (29 Feb → 28 Feb). */
function clampedDay(year: number, month: number, day: number): number {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Date.UTC(year, month - 1, Math.min(day, length)) / DAY_MS;
}

/** The same date `months` later (negative: earlier), clamped to the month's end. */
function addMonths(day: number, months: number): number {
  const [y, m, d] = ymd(day);
  const index = y * 12 + (m - 1) + months;
  return clampedDay(Math.floor(index / 12), (index % 12) + 1, d);
}

/** The first day whose rolling 12-month window no longer holds a use made on `day`. */
function releaseDay(day: number): number {
  let candidate = addMonths(day, 12) - 3;
  while (addMonths(candidate, -12) + 1 <= day) candidate++;
  return candidate;
}

interface Bounds {
  start: number | null;
  end: number | null;
  today: number;
  contractStart: number | null;
  contractEnd: number | null;
}

function todayIn(now: unknown, zone: unknown): number {
  if (typeof zone !== 'string' || !isValidZoneName(zone)) {
    throw new RulesError(`zone: expected an IANA time zone such as Asia/Taipei, got ${showValue(zone)}`, 'zone');
  }
  let t: number;
  if (now instanceof Date) t = now.getTime();
  else if (typeof now === 'string') t = Date.parse(now);
  else t = Number.NaN;
  if (Number.isNaN(t)) {
    throw new RulesError(`now: expected a Date or ISO 8601 text with an offset, got ${showValue(now)}`, 'now');
  }
  return Math.floor((t + zoneClock(zone).offsetAt(t)) / DAY_MS);
}

function windowBounds(input: QuotaWindowInput): Bounds {
  if (!KINDS.includes(input?.window)) {
    throw new RulesError(`window: expected one of ${KINDS.join(', ')}, got ${showValue(input?.window)}`, 'window');
  }
  const today = todayIn(input.now, input.zone);
  const contractStart = input.contractStart == null ? null : checkDate(input.contractStart, 'contractStart');
  const contractEnd = input.contractEnd == null ? null : checkDate(input.contractEnd, 'contractEnd');
  if (contractStart !== null && contractEnd !== null && contractEnd < contractStart) {
    throw new RulesError(
      `contractEnd: ${input.contractEnd} is before contractStart ${input.contractStart}`,
      'contractEnd',
    );
  }
  if (contractStart !== null && today < contractStart) {
    throw new RulesError(`now: the contract starts on ${input.contractStart}, after ${dateOfDayNumber(today)}`, 'now');
  }
  if (contractEnd !== null && today > contractEnd) {
    throw new RulesError(`now: the contract ended on ${input.contractEnd}, before ${dateOfDayNumber(today)}`, 'now');
  }
  const [y, m] = ymd(today);
  let start: number | null;
  let end: number | null;
  switch (input.window) {
    case 'calendar-quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      start = Date.UTC(y, first - 1, 1) / DAY_MS;
      end = Date.UTC(y, first + 2, 1) / DAY_MS - 1;
      break;
    }
    case 'calendar-year':
      start = Date.UTC(y, 0, 1) / DAY_MS;
      end = Date.UTC(y + 1, 0, 1) / DAY_MS - 1;
      break;
    case 'rolling-12-months':
      start = addMonths(today, -12) + 1;
      end = today;
      break;
    case 'contract-term':
      if (contractStart === null || contractEnd === null) {
        throw new RulesError(
          'contractStart/contractEnd: a contract-term quota needs the contract start and end dates',
          contractStart === null ? 'contractStart' : 'contractEnd',
        );
      }
      start = contractStart;
      end = contractEnd;
      break;
    default:
      start = null;
      end = null;
  }
  if (start !== null && contractStart !== null && start < contractStart) start = contractStart;
  if (end !== null && contractEnd !== null && end > contractEnd) end = contractEnd;
  return { start, end, today, contractStart, contractEnd };
}

function toWindow(input: QuotaWindowInput, b: Bounds): QuotaPeriod {
  const fixedEnd = b.end !== null && input.window !== 'rolling-12-months';
  return {
    windowStart: b.start === null ? null : dateOfDayNumber(b.start),
    windowEnd: b.end === null ? null : dateOfDayNumber(b.end),
    expiresAt:
      fixedEnd && b.end !== null ? new Date(firstInstantAtOrAfter(zoneClock(input.zone), (b.end + 1) * DAY_MS)) : null,
    today: dateOfDayNumber(b.today),
  };
}

/**
 * The window a quota is counted in on `now`'s local date: the calendar quarter (quarters end 31 Mar, 30 Jun,
 * 30 Sep, 31 Dec), the calendar year, the last 12 months up to today, the contract term, or (per-event) no
 * time window. Calendar and rolling windows are clipped to the contract term when it is given; `now` outside
 * the term is an error.
 */
export function quotaWindow(input: QuotaWindowInput): QuotaPeriod {
  return toWindow(input, windowBounds(input));
}

/**
 * Used and remaining allowance in the current window. No carry-over unless the rule says so; with
 * `carryOver`, the unused part of the immediately preceding quarter or year (within the contract term) is
 * added to this window's limit and expires with it; it does not roll on further.
 */
export function quotaStatus(input: QuotaStatusInput): QuotaStatus {
  const rule = input?.rule;
  if (typeof rule?.limit !== 'number' || !Number.isFinite(rule.limit) || rule.limit < 0) {
    throw new RulesError(`rule.limit: expected a number ≥ 0, got ${showValue(rule?.limit)}`, 'rule.limit');
  }
  const carries = rule.carryOver === true;
  if (carries && rule.window !== 'calendar-quarter' && rule.window !== 'calendar-year') {
    throw new RulesError(
      `rule.carryOver: carry-over applies to calendar-quarter and calendar-year windows, not ${showValue(rule.window)}`,
      'rule.carryOver',
    );
  }
  const windowInput = { ...input, window: rule.window };
  const b = windowBounds(windowInput);
  if (!Array.isArray(input.uses))
    throw new RulesError(`uses: expected a list of { date, count }, got ${showValue(input.uses)}`, 'uses');
  const uses = input.uses.map((use, i) => {
    const day = checkDate(use?.date, `uses[${i}].date`);
    const count = use.count ?? 1;
    if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) {
      throw new RulesError(`uses[${i}].count: expected a number > 0, got ${showValue(use.count)}`, `uses[${i}].count`);
    }
    return { day, count };
  });
  const usedIn = (start: number | null, end: number | null) =>
    uses
      .filter((u) => (start === null || u.day >= start) && (end === null || u.day <= end))
      .reduce((s, u) => s + u.count, 0);
  const used = usedIn(b.start, b.end);

  let carriedOver = 0;
  if (carries && b.start !== null) {
    const months = rule.window === 'calendar-quarter' ? 3 : 12;
    const [y, m] = ymd(b.today);
    const periodStart = Date.UTC(y, months === 3 ? Math.floor((m - 1) / 3) * 3 : 0, 1) / DAY_MS;
    let prevStart = addMonths(periodStart, -months);
    const prevEnd = periodStart - 1;
    if (b.contractStart !== null && prevStart < b.contractStart) prevStart = b.contractStart;
    if (prevStart <= prevEnd) carriedOver = Math.max(0, rule.limit - usedIn(prevStart, prevEnd));
  }

  let nextRelease: string | null = null;
  if (rule.window === 'rolling-12-months') {
    const counted = uses.filter((u) => b.start !== null && u.day >= b.start && u.day <= b.today);
    if (counted.length) nextRelease = dateOfDayNumber(releaseDay(Math.min(...counted.map((u) => u.day))));
  }
  const limit = rule.limit + carriedOver;
  return {
    ...toWindow(windowInput, b),
    limit,
    used,
    remaining: Math.max(0, limit - used),
    carriedOver,
    overBy: Math.max(0, used - limit),
    nextRelease,
  };
}
