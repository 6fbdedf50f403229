/** Helpers shared by the answer builders. */
import { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, SourceRef, Span } from '../knowledge/schema.js';
import type { Answer, AnswerTime } from '../model/answer.js';
import { zoneClock } from '../rules/zone.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';

/** Anything cited in the knowledge files. */
export interface Cited {
  source: SourceRef;
  certainty: 'stated' | 'inferred';
  reason?: string;
}

/**
 * Add a record's citation to the answer (once per doc and quote) and return its index. An inferred
 * reading also adds its reason to the notes, so that the answer says what the text leaves open.
 */
export function cite(answer: Answer, record: Cited): number {
  const { doc, quote, gloss } = record.source;
  // one citation per passage and certainty: a stated and an inferred use of the same quote stay apart
  // (each inferred reading's reason is in the notes)
  let index = answer.citations.findIndex((c) => c.doc === doc && c.quote === quote && c.certainty === record.certainty);
  if (index === -1) {
    index = answer.citations.length;
    answer.citations.push({
      doc,
      quote,
      ...(gloss ? { gloss } : {}),
      certainty: record.certainty,
      ...(record.reason ? { reason: record.reason } : {}),
    });
  }
  if (record.certainty === 'inferred' && record.reason) note(answer, `Inferred: ${record.reason}`);
  return index;
}

const TOPICS: Record<string, { en: string; zh: string }> = {
  definition: { en: 'Definition', zh: '定義' },
  exclusions: { en: 'Exclusions', zh: '排除項目' },
  languages: { en: 'Languages', zh: '語言' },
  eligibility: { en: 'Eligibility', zh: '資格' },
  feature: { en: 'Feature', zh: '功能' },
  condition: { en: 'Condition', zh: '條件' },
  conditions: { en: 'Conditions', zh: '條件' },
  limit: { en: 'Limit', zh: '限制' },
};

/** A fact's topic as a label: "definition" → "Definition" / "定義". */
export function topicLabel(topic: string, lang: Language): string {
  const known = TOPICS[topic];
  if (known) return known[lang];
  const words = topic.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function note(answer: Answer, text: string): void {
  if (!answer.notes.includes(text)) answer.notes.push(text);
}

export function suggest(answer: Answer, text: string): void {
  if (!answer.suggestions.includes(text)) answer.suggestions.push(text);
}

/** "15 min", "1 h", "2 h 30 min", "10 business days" (or Chinese). */
export function formatSpan(span: Span, lang: Language): string {
  const s = strings(lang);
  if ('businessDays' in span) return s.businessDays(span.businessDays);
  return formatMinutes(span.minutes, lang);
}

export function formatMinutes(minutes: number, lang: Language): string {
  const s = strings(lang);
  const m = Math.round(minutes);
  if (m < 60) return s.minutes(m);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? s.hoursN(h) : `${s.hoursN(h)} ${s.minutes(rest)}`;
}

/** A zone's wall clock at an instant, read with the rules core's cached Intl formatter. */
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

/** Per zone name: whether luxon reads it as an IANA zone (the only kind the fast path below handles). */
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

/**
 * The wall clock in an IANA zone, or null where luxon should decide (fixed offsets and "UTC", which luxon
 * writes as Z; invalid zones; years outside 1900–2500; offsets that are not whole minutes). Building a luxon
 * DateTime per time was a large part of an answer's cost.
 */
function wallClock(at: Date, zone: string): WallClock | null {
  const t = Math.floor(at.getTime() / 1000) * 1000;
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

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (w: WallClock) => `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
const hhmm = (w: WallClock) => `${pad2(w.hour)}:${pad2(w.minute)}`;

/** ISO 8601 with offset, in a zone, without milliseconds. */
export function isoIn(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  if (w) {
    const sign = w.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(w.offsetMinutes);
    return `${isoDate(w)}T${hhmm(w)}:${pad2(w.second)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  }
  // to the second: a deadline is never stated more precisely than that
  return DateTime.fromJSDate(at, { zone }).startOf('second').toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon 2026-12-07 09:30 (Europe/Berlin)" / "2026-12-07（週一）09:30（Europe/Berlin）": for summaries. */
export function humanTime(at: Date, zone: string, lang: Language): string {
  const w = wallClock(at, zone);
  if (w) {
    if (lang === 'zh') return `${isoDate(w)}（週${'一二三四五六日'[w.weekday - 1]}）${hhmm(w)}（${zone}）`;
    return `${WEEKDAYS_EN[w.weekday - 1]} ${isoDate(w)} ${hhmm(w)} (${zone})`;
  }
  const dt = DateTime.fromJSDate(at, { zone });
  if (lang === 'zh') {
    const wd = '一二三四五六日'[dt.weekday - 1];
    return `${dt.toFormat('yyyy-MM-dd')}（週${wd}）${dt.toFormat('HH:mm')}（${zone}）`;
  }
  return `${dt.setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm')} (${zone})`;
}

/** An AnswerTime in the contract's zone, and in the asker's zone when it differs. */
export function answerTime(
  label: string,
  at: Date,
  zone: string,
  userZone: string | undefined,
  extra: Partial<AnswerTime> = {},
): AnswerTime {
  const t: AnswerTime = { label, at: isoIn(at, zone), zone, ...extra };
  if (userZone && userZone !== zone) {
    t.userAt = isoIn(at, userZone);
    t.userZone = userZone;
  }
  return t;
}

export function planName(knowledge: Knowledge, id: string, lang: Language): string {
  return knowledge.plan(id)?.plan.name[lang] ?? id;
}

export function vendorName(file: PlanFile, lang: Language): string {
  return file.vendorName[lang];
}

/** "<vendor> <name>", unless the name already starts with the vendor's (as "Microsoft Azure 事件管理" does). */
export function withVendor(file: PlanFile, name: string, lang: Language): string {
  const vendor = file.vendorName[lang];
  return name.startsWith(`${vendor} `) || name === vendor ? name : `${vendor} ${name}`;
}

export function severityName(file: PlanFile, id: string, lang: Language): string {
  return file.severities.find((s) => s.id === id)?.name[lang] ?? id;
}

/** The file of a vendor, or undefined (never throws). */
export function fileOf(knowledge: Knowledge, vendor: string): PlanFile | undefined {
  return knowledge.plans.find((f) => f.vendor === vendor);
}

/** Built once: toLocaleString would build a formatter on every call. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function fmtNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** Turns `answer` into a "not understood" reply that says what to type, with examples to try. */
export function asUsage(
  answer: Answer,
  lang: Language,
  summary: { en: string; zh: string },
  examples: string[],
): Answer {
  answer.kind = 'not-understood';
  answer.title = strings(lang).notUnderstoodTitle;
  answer.summary = summary[lang];
  answer.suggestions.push(...examples);
  return answer;
}
