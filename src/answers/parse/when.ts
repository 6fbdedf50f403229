/**
 * Dates and times as people type them. Extraction is pure text work; resolving a spec to an instant
 * needs `now` and the zone it is read in (the contract's zone), which only the answer builders know.
 */

import { DateTime, IANAZone } from 'luxon';
import type { ParseProblem } from '../../text/problem-words.js';

/** A moment as written: every part optional; missing parts come from `now` in the zone it is read in. */
export interface WhenSpec {
  /** YYYY-MM-DD */
  date?: string;
  /** days after today (0 today, 1 tomorrow, -1 yesterday) */
  relativeDays?: number;
  /** ISO weekday 1 (Monday) … 7 (Sunday): the next such day, today included */
  weekday?: number;
  /** HH:MM, 24-hour */
  time?: string;
  /** an IANA zone written with the time, e.g. "16:00 Europe/Berlin" */
  zone?: string;
  /** a UTC offset written with the time (+01:00 or Z) */
  offset?: string;
  /** the words as typed */
  text: string;
}

const WEEKDAYS: [RegExp, number][] = [
  [/^(mon|monday|週一|周一|星期一|禮拜一|礼拜一)$/, 1],
  [/^(tue|tues|tuesday|週二|周二|星期二|禮拜二|礼拜二)$/, 2],
  [/^(wed|wednesday|週三|周三|星期三|禮拜三|礼拜三)$/, 3],
  [/^(thu|thur|thurs|thursday|週四|周四|星期四|禮拜四|礼拜四)$/, 4],
  [/^(fri|friday|週五|周五|星期五|禮拜五|礼拜五)$/, 5],
  [/^(sat|saturday|週六|周六|星期六|禮拜六|礼拜六)$/, 6],
  [/^(sun|sunday|週日|周日|星期日|星期天|禮拜日|禮拜天|礼拜天)$/, 7],
];

const RELATIVE: [RegExp, number][] = [
  [/^(today|今天|今日)$/, 0],
  [/^(tomorrow|tmr|明天|明日)$/, 1],
  [/^(yesterday|昨天|昨日)$/, -1],
];

const ISO_FULL = /(\d{4}-\d{2}-\d{2})t(\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?/;
const DATE = /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?!\d)/;
const TIME_COLON = /(?<![\d:])(上午|下午|晚上|早上|中午)?\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?(?![\d:])/;
const TIME_AMPM = /(?<![\d:])(\d{1,2})\s*(am|pm)(?![a-z])/;
const TIME_ZH = /(上午|下午|晚上|早上|中午)?\s*(\d{1,2})\s*[點点時时](?:\s*(\d{1,2})\s*分|(半))?/;
const WEEKDAY_WORDS =
  /(?<![a-z])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)(?![a-z])|(週[一二三四五六日]|周[一二三四五六日]|星期[一二三四五六日天]|禮拜[一二三四五六日天]|礼拜[一二三四五六天])/;
const RELATIVE_WORDS = /(?<![a-z])(today|tomorrow|tmr|yesterday)(?![a-z])|(今天|今日|明天|明日|昨天|昨日)/;
const ZONE_WORD = /(?<![a-z])(utc|gmt|[a-z]+\/[a-z_]+(?:\/[a-z_]+)?)(?![a-z/])/;

/** The canonical IANA name of a zone typed in any case, or null. */
export function canonicalZone(zone: string): string | null {
  if (zone === 'utc' || zone === 'gmt' || zone === 'z') return 'UTC';
  if (!IANAZone.isValidZone(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function hhmm(h: number, m: number): string | null {
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function withMeridiem(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  if (meridiem === 'am' || meridiem === '上午' || meridiem === '早上') return h === 12 ? 0 : h;
  if (meridiem === '中午') return h < 11 ? h + 12 : h;
  return h < 12 ? h + 12 : h; // pm, 下午, 晚上
}

function cut(text: string, m: RegExpExecArray): string {
  return `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
}

/**
 * Take a date and/or time out of normalised text. Returns the spec (undefined when there is none) and the
 * text without it, so that the remaining words can be parsed for other things.
 */
export function extractWhen(text: string): { when?: WhenSpec; rest: string; problems: ParseProblem[] } {
  let rest = text;
  const spec: WhenSpec = { text: '' };
  const parts: string[] = [];
  const problems: ParseProblem[] = [];

  const iso = ISO_FULL.exec(rest);
  if (iso?.[1] && iso[2]) {
    parts.push(iso[0]);
    spec.date = iso[1];
    spec.time = iso[2].padStart(5, '0');
    if (iso[3]) spec.offset = iso[3] === 'z' ? 'Z' : iso[3];
    rest = cut(rest, iso);
  } else {
    const d = DATE.exec(rest);
    if (d?.[1] && d[2] && d[3]) {
      parts.push(d[0]);
      spec.date = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
      rest = cut(rest, d);
    }
    const t = TIME_COLON.exec(rest) ?? null;
    if (t?.[2] && t[3]) {
      const time = hhmm(withMeridiem(Number(t[2]), t[4] ?? t[1]), Number(t[3]));
      if (time) spec.time = time;
      else problems.push({ code: 'not-time-of-day', value: t[0].trim() });
      parts.push(t[0].trim());
      rest = cut(rest, t);
    } else {
      const a = TIME_AMPM.exec(rest);
      const z = a ? null : TIME_ZH.exec(rest);
      if (a?.[1] && a[2]) {
        const time = hhmm(withMeridiem(Number(a[1]), a[2]), 0);
        if (time) spec.time = time;
        else problems.push({ code: 'not-time-of-day', value: a[0].trim() });
        parts.push(a[0].trim());
        rest = cut(rest, a);
      } else if (z?.[2]) {
        const minutes = z[4] ? 30 : Number(z[3] ?? 0);
        const time = hhmm(withMeridiem(Number(z[2]), z[1]), minutes);
        if (time) spec.time = time;
        else problems.push({ code: 'not-time-of-day', value: z[0].trim() });
        parts.push(z[0].trim());
        rest = cut(rest, z);
      }
    }
  }
  if (!spec.date) {
    const r = RELATIVE_WORDS.exec(rest);
    const word = r?.[1] ?? r?.[2];
    if (r && word) {
      spec.relativeDays = RELATIVE.find(([re]) => re.test(word))?.[1] ?? 0;
      parts.push(word);
      rest = cut(rest, r);
    } else {
      const w = WEEKDAY_WORDS.exec(rest);
      const wd = w?.[1] ?? w?.[2];
      if (w && wd) {
        const n = WEEKDAYS.find(([re]) => re.test(wd))?.[1];
        if (n) spec.weekday = n;
        parts.push(wd);
        rest = cut(rest, w);
      }
    }
  }
  if (parts.length > 0) {
    const z = ZONE_WORD.exec(rest);
    if (z?.[1]) {
      const zone = canonicalZone(z[1]);
      if (zone) {
        spec.zone = zone;
        parts.push(zone);
        rest = cut(rest, z);
      }
    }
  }
  rest = rest.replace(/\s+/g, ' ').trim();
  if (parts.length === 0) return { rest, problems };
  spec.text = parts.join(' ');
  return { when: spec, rest, problems };
}

/**
 * The instant a spec names, read in `zone` (an explicit zone or offset in the spec wins), with the
 * missing parts taken from `now`: no date means today, no time means the current time of day.
 */
/**
 * A local time the clocks skipped (spring forward) or showed twice (fall back), and the instant taken for it:
 * a skipped time is moved on by the length of the gap (02:30 → 03:30), as calendars do; a repeated one is the
 * first of the two. The answer says so.
 */
export interface WallTimeShift {
  kind: 'gap' | 'overlap';
  /** the local time as typed, YYYY-MM-DD HH:mm */
  wall: string;
  zone: string;
  /** the instant taken, ISO 8601 with its offset */
  taken: string;
  /** for an overlap: the other instant with that local time */
  other?: string;
}

function isoWithOffset(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true }) ?? '';
}

/**
 * Whether the wall time `hour:minute` on `day` fell in a DST gap or overlap, given `at`, the instant luxon made
 * of it (for an overlap, callers take `taken`, the first of the two).
 */
export function wallTimeShift(
  day: DateTime,
  hour: number,
  minute: number,
  at: DateTime,
  zone: string,
): WallTimeShift | undefined {
  if (hour === 24) return undefined;
  const wall = `${day.toFormat('yyyy-MM-dd')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (at.hour !== hour || at.minute !== minute) {
    return { kind: 'gap', wall, zone, taken: isoWithOffset(at) };
  }
  // the same wall time under the offsets before and after a change nearby
  const before = at.minus({ hours: 3 }).offset;
  const after = at.plus({ hours: 3 }).offset;
  if (before === after) return undefined;
  const wallMs = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const candidates = [before, after]
    .map((offset) => DateTime.fromMillis(wallMs - offset * 60_000, { zone }))
    .filter((dt) => dt.hour === hour && dt.minute === minute);
  if (candidates.length < 2 || candidates[0]!.toMillis() === candidates[1]!.toMillis()) return undefined;
  const [first, second] = candidates.sort((a, b) => a.toMillis() - b.toMillis()) as [DateTime, DateTime];
  return { kind: 'overlap', wall, zone, taken: isoWithOffset(first), other: isoWithOffset(second) };
}

export function resolveWhen(
  spec: WhenSpec,
  now: Date,
  zone: string,
): { at: Date; shift?: WallTimeShift } | { error: ParseProblem } {
  const readZone = spec.offset ? `UTC${spec.offset === 'Z' ? '' : normalizeOffset(spec.offset)}` : (spec.zone ?? zone);
  const today = DateTime.fromJSDate(now, { zone: readZone });
  if (!today.isValid) return { error: { code: 'bad-zone', value: readZone } };
  let day = today.startOf('day');
  if (spec.date) {
    const d = DateTime.fromISO(spec.date, { zone: readZone });
    if (!d.isValid) return { error: { code: 'not-calendar-date', value: spec.date } };
    day = d;
  } else if (spec.relativeDays !== undefined) {
    day = day.plus({ days: spec.relativeDays });
  } else if (spec.weekday !== undefined) {
    day = day.plus({ days: (spec.weekday - day.weekday + 7) % 7 });
  }
  let hour: number = today.hour;
  let minute: number = today.minute;
  if (spec.time) {
    [hour, minute] = spec.time.split(':').map(Number) as [number, number];
  } else if (spec.date || spec.relativeDays || spec.weekday) {
    // a day without a time means the start of that day
    hour = 0;
    minute = 0;
  }
  const at =
    hour === 24
      ? day.plus({ days: 1 }).set({ hour: 0, minute: 0 })
      : day.set({ hour, minute, second: spec.time ? 0 : today.second, millisecond: 0 });
  if (!at.isValid) return { error: { code: 'no-such-time', value: spec.text, zone: readZone } };
  const shift = spec.offset ? undefined : wallTimeShift(day, hour, minute, at, readZone);
  if (shift?.kind === 'overlap') {
    // the first of the two instants, whichever luxon chose
    return { at: new Date(Date.parse(shift.taken)), shift };
  }
  return shift ? { at: at.toJSDate(), shift } : { at: at.toJSDate() };
}

function normalizeOffset(offset: string): string {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  return m ? `${m[1]}${m[2]}:${m[3]}` : offset;
}

/** YYYY-MM-DD dates only (fees, contract start/end): a valid calendar date or an explanation. */
export function parseDate(text: string): { date: string } | { error: ParseProblem } {
  const m = DATE.exec(normalizeDateText(text));
  if (!m?.[1] || !m[2] || !m[3]) return { error: { code: 'not-date-format', value: text } };
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (!DateTime.fromISO(date).isValid) return { error: { code: 'not-calendar-day', value: date } };
  return { date };
}

function normalizeDateText(text: string): string {
  return text.normalize('NFKC').trim();
}
