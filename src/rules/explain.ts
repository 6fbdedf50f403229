/** explainDeadline: the work behind a deadline, so the app can say why something is due when it is. */
import { addOpenMs, nextOpenMs } from './business.js';
import type { Calendar, ClosedReason } from './calendar.js';
import { durationMs, type Instant, instantOf } from './input.js';
import { WEEKDAYS, type WeekdayKey } from './spec.js';
import { DAY_MS, formatLocal, formatOffset, MINUTE_MS } from './zone.js';

export interface CountedSegment {
  /** local date the interval belongs to, YYYY-MM-DD */
  date: string;
  weekday: WeekdayKey;
  /** local ISO 8601 with offset */
  start: string;
  end: string;
  minutes: number;
}

export interface SkippedDay {
  date: string;
  weekday: WeekdayKey;
  /** weekend: the weekly hours leave this weekday closed; dst-gap: all its hours fell into a DST gap */
  reason: ClosedReason;
  /** the holiday's name (English where known) when reason is 'holiday' */
  holiday?: string;
  /** the holiday's name in the country's language */
  holidayLocal?: string;
  /** the holiday's name in Chinese, where known */
  holidayZh?: string;
}

export interface DstChange {
  /** the instant the clocks changed, local ISO 8601 with the new offset */
  at: string;
  offsetBefore: string;
  offsetAfter: string;
}

export interface DeadlineExplanation {
  zone: string;
  /** the instant asked about, local ISO 8601 */
  from: string;
  /** where counting started: `from` itself when open, else the next opening */
  countingFrom: string;
  /** the deadline, local ISO 8601, and as a Date */
  due: string;
  dueDate: Date;
  minutes: number;
  /** the open intervals counted, in order (the last one may be partial) */
  segments: CountedSegment[];
  /** whole local days from `from`'s date to the due date that had no open time, and why */
  skipped: SkippedDay[];
  /** clock changes between `from` and the deadline */
  dstChanges: DstChange[];
}

/** Finds the instant in (a, b] where the zone's offset changes from its value at a. */
function transitionBetween(cal: Calendar, a: number, b: number): number {
  const before = cal.clock.offsetAt(a);
  let lo = a;
  let hi = b;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (mid <= lo) break;
    if (cal.clock.offsetAt(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The deadline for `minutes` of business time from `from`, with the reasoning behind it. */
export function explainDeadline(cal: Calendar, from: Instant, minutes: number): DeadlineExplanation {
  const t = instantOf(cal, from, 'from');
  const ms = durationMs(minutes);
  const start = nextOpenMs(cal, t);
  const due = addOpenMs(cal, t, ms);
  const segments: CountedSegment[] = [];
  const skipped: SkippedDay[] = [];
  const dstChanges: DstChange[] = [];

  const firstDay = Math.floor((t + cal.clock.offsetAt(t)) / DAY_MS);
  const lastDay = Math.floor((due + cal.clock.offsetAt(due)) / DAY_MS);
  for (let day = firstDay; day <= lastDay; day++) {
    const info = cal.dayInfo(day);
    const weekday = WEEKDAYS[info.weekday] as WeekdayKey;
    if (info.closed) {
      const entry: SkippedDay = { date: info.date, weekday, reason: info.closed.reason };
      if (info.closed.holiday) {
        entry.holiday = info.closed.holiday.name;
        entry.holidayLocal = info.closed.holiday.localName;
        if (info.closed.holiday.zhName) entry.holidayZh = info.closed.holiday.zhName;
      }
      skipped.push(entry);
    }
    const chunk = cal.chunkOfYear(new Date(day * DAY_MS).getUTCFullYear());
    for (let k = info.first; k < info.first + info.count; k++) {
      const a = Math.max(chunk.opens[k] as number, start);
      const b = Math.min(chunk.closes[k] as number, due);
      if (b > a) {
        segments.push({
          date: info.date,
          weekday,
          start: formatLocal(cal.clock, a),
          end: formatLocal(cal.clock, b),
          minutes: (b - a) / MINUTE_MS,
        });
      }
    }
    const dayEnd = day === lastDay ? due : cal.dayInfo(day + 1).start;
    const dayBegin = day === firstDay ? t : info.start;
    const before = cal.clock.offsetAt(dayBegin);
    const after = cal.clock.offsetAt(dayEnd);
    if (before !== after && dayEnd > dayBegin) {
      const at = transitionBetween(cal, dayBegin, dayEnd);
      dstChanges.push({
        at: formatLocal(cal.clock, at),
        offsetBefore: formatOffset(before),
        offsetAfter: formatOffset(after),
      });
    }
  }
  return {
    zone: cal.zone,
    from: formatLocal(cal.clock, t),
    countingFrom: formatLocal(cal.clock, start),
    due: formatLocal(cal.clock, due),
    dueDate: new Date(due),
    minutes: ms / MINUTE_MS,
    segments,
    skipped,
    dstChanges,
  };
}

const EN_DAYS: Record<WeekdayKey, string> = {
  sun: 'Sun',
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
};
/** weekday names in Chinese (Traditional), by key: the rules' explanations and the knowledge's hours use them */
export const ZH_DAYS: Record<WeekdayKey, string> = {
  sun: '週日',
  mon: '週一',
  tue: '週二',
  wed: '週三',
  thu: '週四',
  fri: '週五',
  sat: '週六',
};
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function weekdayOfIso(iso: string): WeekdayKey {
  const day = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] as WeekdayKey;
}

function enDate(date: string): string {
  return `${EN_DAYS[weekdayOfIso(date)]} ${Number(date.slice(8, 10))} ${EN_MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

function zhDate(date: string): string {
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}（${ZH_DAYS[weekdayOfIso(date)]}）`;
}

function enDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round((minutes - h * 60) * 100) / 100;
  if (h && m) return `${h} h ${m} min`;
  return h ? `${h} h` : `${m} min`;
}

function zhDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round((minutes - h * 60) * 100) / 100;
  if (h && m) return `${h} 小時 ${m} 分鐘`;
  return h ? `${h} 小時` : `${m} 分鐘`;
}

const hasCjk = (text: string) => /[\u3400-\u9fff]/.test(text);

function enReason(day: SkippedDay): string {
  switch (day.reason) {
    case 'holiday':
      return day.holiday ?? 'holiday';
    case 'closed-date':
      return 'closed';
    case 'break':
      return 'closed all day';
    case 'dst-gap':
      return 'hours lost to the clock change';
    default:
      return 'weekend';
  }
}

function zhReason(day: SkippedDay): string {
  switch (day.reason) {
    case 'holiday': {
      // a holiday with no known Chinese name keeps its own (a proper name), in 「」
      const name = day.holidayZh ?? (day.holidayLocal && hasCjk(day.holidayLocal) ? day.holidayLocal : undefined);
      if (!name) return day.holiday ? `假日「${day.holiday}」` : '假日';
      return name ? `假日：${name}` : '假日';
    }
    case 'closed-date':
      return '停止服務日';
    case 'break':
      return '全日休息';
    case 'dst-gap':
      return '因日光節約時間調整而無營業時間';
    default:
      return '週末';
  }
}

/**
 * A one-line summary of an explanation, e.g.
 * "Due Mon 28 Dec 09:30 (Europe/Berlin): 4 h of business time from Thu 24 Dec 15:30; skipped Fri 25 Dec (Christmas Day), …".
 */
export function describeExplanation(expl: DeadlineExplanation, lang: 'en' | 'zh' = 'en'): string {
  const dueDate = expl.due.slice(0, 10);
  const dueTime = expl.due.slice(11, 16);
  const startDate = expl.countingFrom.slice(0, 10);
  const startTime = expl.countingFrom.slice(11, 16);
  const later = expl.countingFrom !== expl.from;
  if (lang === 'zh') {
    let text = `${expl.due.slice(0, 4)}/${zhDate(dueDate)}${dueTime} 到期（${expl.zone}）：自 ${zhDate(startDate)}${startTime}${later ? '（下一個營業時段開始）' : ' '}起計營業時間 ${zhDuration(expl.minutes)}`;
    if (expl.skipped.length) text += `；略過 ${expl.skipped.map((d) => `${zhDate(d.date)}${zhReason(d)}`).join('、')}`;
    if (expl.dstChanges.length) {
      text += `；期間時鐘調整 ${expl.dstChanges.map((c) => `${zhDate(c.at.slice(0, 10))} ${c.offsetBefore}→${c.offsetAfter}`).join('、')}`;
    }
    return `${text}。`;
  }
  let text = `Due ${enDate(dueDate)} ${expl.due.slice(0, 4)} ${dueTime} (${expl.zone}): ${enDuration(expl.minutes)} of business time from ${enDate(startDate)} ${startTime}${later ? ' (the next opening)' : ''}`;
  if (expl.skipped.length)
    text += `; skipped ${expl.skipped.map((d) => `${enDate(d.date)} (${enReason(d)})`).join(', ')}`;
  if (expl.dstChanges.length) {
    text += `; clocks changed ${expl.dstChanges.map((c) => `${enDate(c.at.slice(0, 10))} ${c.offsetBefore} → ${c.offsetAfter}`).join(', ')}`;
  }
  return `${text}.`;
}
