/**
 * Instants and durations as people read them, in both languages (pure). One format for an instant wherever the
 * app writes one as text: "Tue 3 Mar 2026 14:00 (Asia/Taipei)" / "2026/03/03（週二）14:00（Asia/Taipei）", the
 * same shape the rules core's explanations use. Reading the wall clock goes through the rules core's cached
 * zone clock rather than a luxon DateTime per time (that was a large share of an answer's cost); luxon decides
 * where the fast path cannot (fixed offsets, "UTC", invalid zones, years outside 1900–2500).
 */
import { DateTime } from 'luxon';
import type { Span } from '../knowledge/schema.js';
import { zoneClock } from '../rules/zone.js';
import { strings } from './i18n.js';
import type { Language } from './normalize.js';

/** A zone's wall clock at an instant. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  offsetMinutes: number;
}

/** Per zone name: whether luxon reads it as an IANA zone (the only kind the fast path handles). */
const ianaZones = new Map<string, boolean>();

function isIanaZone(zone: string): boolean {
  let known = ianaZones.get(zone);
  if (known === undefined) {
    const dt = DateTime.fromMillis(0, { zone });
    known = dt.isValid && dt.zone.type === 'iana';
    ianaZones.set(zone, known);
  }
  return known;
}

function fastWallClock(ms: number, zone: string): WallClock | null {
  const t = Math.floor(ms / 1000) * 1000;
  if (!Number.isFinite(t) || !isIanaZone(zone)) return null;
  const offset = zoneClock(zone).offsetAt(t);
  if (offset % 60_000 !== 0) return null;
  const wall = new Date(t + offset);
  const year = wall.getUTCFullYear();
  if (year < 1900 || year > 2500) return null;
  return {
    year,
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    offsetMinutes: offset / 60_000,
  };
}

function wallClock(ms: number, zone: string): WallClock {
  const fast = fastWallClock(ms, zone);
  if (fast) return fast;
  let dt = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone });
  if (!dt.isValid) dt = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: 'utc' });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
    offsetMinutes: dt.offset,
  };
}

const msOf = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());
const pad2 = (n: number) => String(n).padStart(2, '0');
const hhmm = (w: WallClock) => `${pad2(w.hour)}:${pad2(w.minute)}`;
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_ZH = '一二三四五六日';

/** ISO 8601 with the zone's offset at that instant, to the second ("Z" where luxon writes it, as for "UTC"). */
export function isoIn(at: Date | number, zone: string): string {
  const ms = msOf(at);
  const w = fastWallClock(ms, zone);
  if (w) {
    const sign = w.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(w.offsetMinutes);
    const date = `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
    return `${date}T${hhmm(w)}:${pad2(w.second)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  }
  return (
    DateTime.fromMillis(ms, { zone }).startOf('second').toISO({ suppressMilliseconds: true }) ??
    new Date(ms).toISOString()
  );
}

/** The wall clock without the zone: "Tue 3 Mar 2026 14:00" / "2026/03/03（週二）14:00". */
export function formatClock(at: Date | number, zone: string, lang: Language = 'en'): string {
  const w = wallClock(msOf(at), zone);
  if (lang === 'zh') return `${w.year}/${pad2(w.month)}/${pad2(w.day)}（週${WEEKDAYS_ZH[w.weekday - 1]}）${hhmm(w)}`;
  return `${WEEKDAYS_EN[w.weekday - 1]} ${w.day} ${MONTHS_EN[w.month - 1]} ${w.year} ${hhmm(w)}`;
}

/** A calendar day (YYYY-MM-DD) in words: "Tue 31 Mar 2026" / "2026/03/31（週二）". */
export function formatDay(iso: string, lang: Language = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  if (lang === 'zh') return `${y}/${pad2(m)}/${pad2(d)}（週${WEEKDAYS_ZH[weekday]}）`;
  return `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** An instant with its zone: "Tue 3 Mar 2026 14:00 (Asia/Taipei)" / "2026/03/03（週二）14:00（Asia/Taipei）". */
export function formatTime(at: Date | number, zone: string, lang: Language = 'en'): string {
  return lang === 'zh' ? `${formatClock(at, zone, lang)}（${zone}）` : `${formatClock(at, zone, lang)} (${zone})`;
}

/**
 * "2 h 30 min", "163 h" from minutes (the sign is dropped: callers say "late by"): hours, never days, since a
 * business day is not 24 hours of business time; minutes are dropped past a day's worth of hours.
 */
export function formatMinutes(minutes: number, lang: Language = 'en'): string {
  const s = strings(lang);
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const mins = hours >= 24 ? 0 : total % 60;
  if (hours === 0) return s.minutes(mins);
  const h = s.hoursN(hours);
  return mins ? `${h} ${s.minutes(mins)}` : h;
}

/** "15 min", "1 h", "2 h 30 min", "10 business days" (or Chinese): a target's span as the contract states it. */
export function formatSpan(span: Span, lang: Language): string {
  if ('businessDays' in span) return strings(lang).businessDays(span.businessDays);
  return formatMinutes(span.minutes, lang);
}

/** "in 30 min of business time" / "late by 2 h of business time" (or Chinese). */
export function formatLeft(minutes: number, lang: Language = 'en'): string {
  const span = formatMinutes(minutes, lang);
  if (lang === 'zh') return minutes >= 0 ? `剩餘 ${span} 營業時間` : `已逾期 ${span} 營業時間`;
  return minutes >= 0 ? `in ${span} of business time` : `late by ${span} of business time`;
}

/**
 * A wall-clock span rolled up for reading: "2 d 4 h", "3 h 10 min", "45 min" (or Chinese). Days here are
 * calendar days (24 h), unlike business time, which formatMinutes never rolls into days.
 */
export function formatWallSpan(ms: number, lang: Language = 'en'): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (days > 0) parts.push(zh ? `${days} 天` : `${days} d`);
  if (hours > 0) parts.push(zh ? `${hours} 小時` : `${hours} h`);
  // minutes only while they still matter
  if (mins > 0 && days === 0) parts.push(zh ? `${mins} 分鐘` : `${mins} min`);
  if (parts.length === 0) return zh ? '不到 1 分鐘' : 'under a minute';
  return parts.join(' ');
}

/**
 * When an instant falls, from now, with the business time it leaves: "in 2 d 4 h, 11 h of business time",
 * "3 h ago, late by 2 h of business time" (or Chinese). Without business minutes, the wall span alone.
 */
export function formatDueIn(
  dueAt: number,
  now: number,
  minutesLeft: number | undefined,
  lang: Language = 'en',
): string {
  const zh = lang === 'zh';
  const span = formatWallSpan(dueAt - now, lang);
  const wall = dueAt >= now ? (zh ? `${span}後` : `in ${span}`) : zh ? `${span}前` : `${span} ago`;
  if (minutesLeft === undefined) return wall;
  const business = formatMinutes(minutesLeft, lang);
  if (zh) return minutesLeft >= 0 ? `${wall}，剩餘 ${business} 營業時間` : `${wall}，已逾期 ${business} 營業時間`;
  return minutesLeft >= 0 ? `${wall}, ${business} of business time` : `${wall}, late by ${business} of business time`;
}
