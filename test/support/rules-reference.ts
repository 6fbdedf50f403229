/**
 * A deliberately simple reference for business time: it walks minute by minute and asks, for every
 * minute, "is the calendar open now?" straight from the spec. It shares no code with src/rules: offsets
 * come from luxon, wall times are found by scanning minutes, and nothing is precomputed except caches.
 *
 * Semantics it encodes (the same as the module doc of src/rules/index.ts):
 * - a wall time on a date is the first instant at which the local clock reads that time or later;
 * - an interval [a, b) of a date is open from the instant of a to the instant of b; a break removes
 *   [c, d) the same way;
 * - a date's hours: its shift, else closed (closed date or holiday), else its weekday's hours.
 * Only whole minutes are supported (inputs must be minute-aligned).
 */
import { DateTime } from 'luxon';
import type { CalendarSpec } from '../../src/rules/index.js';

const MIN = 60_000;
const DAY = 86_400_000;
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

type Pair = [number, number];

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export class ReferenceCalendar {
  private readonly offsets = new Map<number, number>();
  private readonly instants = new Map<number, number>();
  private readonly days = new Map<number, { open: Pair[]; cut: Pair[] }>();

  constructor(
    private readonly spec: CalendarSpec,
    /** extra closed dates standing in for holidays */
    private readonly holidays: ReadonlySet<string> = new Set(),
  ) {}

  /** UTC offset in ms at instant t, from luxon. */
  private offset(t: number): number {
    const hour = Math.floor(t / 3_600_000);
    let known = this.offsets.get(hour);
    if (known === undefined) {
      const a = DateTime.fromMillis(hour * 3_600_000, { zone: this.spec.zone }).offset;
      const b = DateTime.fromMillis(hour * 3_600_000 + 3_599_999, { zone: this.spec.zone }).offset;
      known = a === b ? a * MIN : Number.NaN; // NaN: the offset changes within this hour
      this.offsets.set(hour, known);
    }
    if (!Number.isNaN(known)) return known;
    return DateTime.fromMillis(t, { zone: this.spec.zone }).offset * MIN;
  }

  private clock(t: number): number {
    return t + this.offset(t);
  }

  /** First instant whose local clock reads `wall` or later, by scanning minute after minute. */
  private instant(wall: number): number {
    let cached = this.instants.get(wall);
    if (cached === undefined) {
      let t = wall - 15 * 3_600_000;
      while (this.clock(t) < wall) t += MIN;
      cached = t;
      this.instants.set(wall, cached);
    }
    return cached;
  }

  private wallHours(day: number): { hours: Pair[]; cuts: Pair[] } {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const list = (pairs: [string, string][] | undefined): Pair[] =>
      (pairs ?? []).map(([a, b]) => [minutes(a), minutes(b)]);
    const cuts = list(this.spec.breaks?.[date]);
    const shift = this.spec.shifts?.[date];
    if (shift) return { hours: list(shift), cuts };
    if (this.spec.closedDates?.includes(date) || this.holidays.has(date)) return { hours: [], cuts };
    if (this.spec.hours === '24x7') return { hours: [[0, 1440]], cuts };
    const weekday = KEYS[new Date(day * DAY).getUTCDay()] as (typeof KEYS)[number];
    return { hours: list(this.spec.hours[weekday]), cuts };
  }

  /** The instants of a date's hours and breaks (cached per date). */
  private day(day: number): { open: Pair[]; cut: Pair[] } {
    let known = this.days.get(day);
    if (!known) {
      const { hours, cuts } = this.wallHours(day);
      const at = ([a, b]: Pair): Pair => [this.instant(day * DAY + a * MIN), this.instant(day * DAY + b * MIN)];
      known = { open: hours.map(at), cut: cuts.map(at) };
      this.days.set(day, known);
    }
    return known;
  }

  /** Is the minute starting at t open? (checked against the intervals of the surrounding dates) */
  isOpenMinute(t: number): boolean {
    const today = Math.floor(this.clock(t) / DAY);
    for (const day of [today - 1, today, today + 1]) {
      const { open, cut } = this.day(day);
      const inside = (pairs: Pair[]) => pairs.some(([a, b]) => a <= t && t < b);
      if (inside(open) && !inside(cut)) return true;
    }
    return false;
  }

  /** The deadline `count` business minutes after `from` (minute-aligned ms), by walking. */
  add(from: number, count: number): number {
    let t = from;
    if (count === 0) {
      while (!this.isOpenMinute(t)) t += MIN;
      return t;
    }
    let left = count;
    for (;;) {
      if (this.isOpenMinute(t)) left--;
      t += MIN;
      if (left === 0) return t;
    }
  }

  /**
   * Business minutes from `from` until the end of the `runs`-th open run (so adding them ends exactly at a
   * closing); null when that many runs do not end within 30 days.
   */
  minutesToClose(from: number, runs: number): number | null {
    let t = from;
    let n = 0;
    let ended = 0;
    let inRun = false;
    for (let steps = 0; steps < 30 * 24 * 60; steps++, t += MIN) {
      const open = this.isOpenMinute(t);
      if (open) n++;
      if (inRun && !open && ++ended === runs) return n;
      inRun = open;
    }
    return null;
  }

  /** Open minutes in [from, to). */
  between(from: number, to: number): number {
    let n = 0;
    for (let t = from; t < to; t += MIN) if (this.isOpenMinute(t)) n++;
    return n;
  }

  /** Open minutes in one week of wall time (a rough size, used to keep generated cases short). */
  static weeklyMinutes(spec: CalendarSpec): number {
    if (spec.hours === '24x7') return 7 * 1440;
    let sum = 0;
    for (const key of KEYS) for (const [a, b] of spec.hours[key] ?? []) sum += minutes(b) - minutes(a);
    return sum;
  }
}
