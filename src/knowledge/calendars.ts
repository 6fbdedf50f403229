/**
 * The calendar a target runs on, for one contract: the knowledge file names a calendar id; the contract
 * supplies what the document leaves to the customer (zone, public holidays, business hours, region).
 *
 * - `fixed` (24x7): the same for everyone; the contract's zone is used only to show times.
 * - `customer`: the contract's zone and holidays; its Monday-to-Friday hours, else the calendar's
 *   `defaultHours` (Microsoft's 09:00–17:30, Jamf's inferred 09:00–17:00).
 * - `vendor-region`: the vendor's support week in the contract's region (Autodesk: APAC in Singapore time,
 *   Americas in US Eastern, EMEA in Central European), with that region's holidays; the region comes from
 *   the contract, else the plan's default, else the first region listed.
 *
 * Without a contract, the zone falls back to the one given (the asker's or the workspace's), else UTC;
 * `assumed` lists each such choice so that answers can say what they assumed.
 */

import type { ContractInput } from '../model/records.js';
import { type Calendar, compileCalendar, type HolidayOverrides } from '../rules/index.js';
import type { CalendarSpec } from '../rules/spec.js';
import type { CalendarDef, PlanFile, WeekHours } from './schema.js';
import { knowledgeWords } from './words.js';

export type ContractCalendarFields = Pick<ContractInput, 'plan' | 'zone' | 'holidays' | 'hours' | 'region'>;

export interface ResolvedCalendar {
  def: CalendarDef;
  spec: CalendarSpec;
  /** the zone to show times in (the contract's zone, or for a vendor region, the region's zone) */
  zone: string;
  /** region key used, for vendor-region calendars */
  region?: string;
  /** what was not given and was assumed, in English, e.g. "no public holidays (the contract names none)" */
  assumed: string[];
  /** the same, in Chinese, one for one */
  assumedZh: string[];
}

const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Monday-to-Friday hours as a rules-core week. */
export function mondayToFriday(start: string, end: string): CalendarSpec['hours'] {
  return Object.fromEntries(WEEKDAYS_MON_FRI.map((d) => [d, [[start, end]]]));
}

function weekHours(hours: WeekHours): CalendarSpec['hours'] {
  if (hours === '24x7') return '24x7';
  const out: Record<string, [string, string][]> = {};
  for (const [day, list] of Object.entries(hours)) if (list) out[day] = list.map(([a, b]) => [a, b]);
  return out;
}

/** "09:00–17:30 Mon–Fri" for a week that is the same every weekday, else a per-day summary. */
export function describeWeekHours(hours: CalendarSpec['hours'], lang: 'en' | 'zh' = 'en'): string {
  if (hours === '24x7') return '24x7';
  const days = Object.entries(hours).filter(([, list]) => list && list.length > 0);
  const shapes = new Set(days.map(([, list]) => JSON.stringify(list)));
  const [firstDay] = days;
  const w = knowledgeWords(lang);
  const fmt = (list: [string, string][]) => list.map(([a, b]) => `${a}–${b}`).join(w.rangeSep);
  const names = days.map(([d]) => d).join(',');
  if (shapes.size === 1 && firstDay && names === 'mon,tue,wed,thu,fri') return w.monToFri(fmt(firstDay[1] ?? []));
  return days.map(([d, list]) => w.day(d, fmt(list ?? []))).join(w.daySep);
}

/** The region a contract's vendor-region calendar uses: the contract's, the plan's default, else the first. */
function regionFor(def: CalendarDef, file: PlanFile, contract: ContractCalendarFields | null | undefined) {
  const regions = def.regions ?? {};
  const keys = Object.keys(regions);
  const planDefault = file.plans.find((p) => p.id === contract?.plan)?.defaults?.region;
  const anyDefault = file.plans.map((p) => p.defaults?.region).find((r) => r !== undefined);
  if (contract?.region && regions[contract.region]) return { key: contract.region, assumed: null, assumedZh: null };
  const key = [planDefault, anyDefault, keys[0]].find((k) => k !== undefined && regions[k] !== undefined);
  if (!key) throw new Error(`calendar ${def.id} has no regions`);
  return {
    key,
    assumed: `region ${key} (${contract ? 'the contract names none' : 'no contract on file'})`,
    assumedZh: `地區 ${regions[key]?.label.zh ?? key}（${contract ? '合約未指定' : '尚無合約'}）`,
  };
}

/**
 * The rules-core CalendarSpec for `calendarId` of `file`, on `contract` (or the plan defaults when there is
 * none). `fallbackZone` is the zone to assume without a contract (the asker's or the workspace's zone).
 */
export function resolveCalendar(
  file: PlanFile,
  calendarId: string,
  contract?: ContractCalendarFields | null,
  fallbackZone?: string,
): ResolvedCalendar {
  const def = file.calendars.find((c) => c.id === calendarId);
  if (!def) throw new Error(`${file.vendor}: unknown calendar "${calendarId}"`);
  const assumed: string[] = [];
  const assumedZh: string[] = [];
  const zoneOf = () => {
    if (contract?.zone) return contract.zone;
    const zone = fallbackZone ?? 'UTC';
    assumed.push(`zone ${zone} (no contract on file)`);
    assumedZh.push(`時區 ${zone}（尚無合約）`);
    return zone;
  };

  if (def.kind === 'fixed') {
    const zone = contract?.zone ?? fallbackZone ?? 'UTC';
    return { def, spec: { zone, hours: weekHours(def.hours ?? '24x7') }, zone, assumed, assumedZh };
  }

  if (def.kind === 'customer') {
    const zone = zoneOf();
    let hours: CalendarSpec['hours'];
    if (contract?.hours) {
      hours = mondayToFriday(contract.hours.start, contract.hours.end);
    } else {
      hours = weekHours(def.defaultHours ?? def.hours ?? '24x7');
      assumed.push(`business hours ${describeWeekHours(hours)} (the plan's default)`);
      assumedZh.push(`上班時間 ${describeWeekHours(hours, 'zh')}（方案預設）`);
    }
    const holidays = contract?.holidays ?? null;
    if (!holidays) {
      assumed.push(`no public holidays (${contract ? 'the contract names none' : 'no contract on file'})`);
      assumedZh.push(`不計國定假日（${contract ? '合約未指定' : '尚無合約'}）`);
    }
    return { def, spec: { zone, hours, holidays }, zone, assumed, assumedZh };
  }

  const { key, assumed: regionAssumed, assumedZh: regionAssumedZh } = regionFor(def, file, contract);
  if (regionAssumed) assumed.push(regionAssumed);
  if (regionAssumedZh) assumedZh.push(regionAssumedZh);
  const region = def.regions?.[key];
  if (!region) throw new Error(`calendar ${def.id} has no region ${key}`);
  const hours = weekHours(region.hours ?? def.hours ?? '24x7');
  return {
    def,
    spec: { zone: region.zone, hours, holidays: region.holidays },
    zone: region.zone,
    region: key,
    assumed,
    assumedZh,
  };
}

const compiled = new WeakMap<object, Map<string, Calendar>>();
const NO_OVERRIDES = {};
const MAX_CACHED_PER_OVERRIDES = 256;

/**
 * The rules core's calendar for a spec, compiled once and shared by the answers and the case clocks:
 * a compiled calendar caches its per-year interval tables, so reusing it is what keeps deadlines cheap.
 */
export function compiledCalendar(spec: CalendarSpec, overrides: HolidayOverrides | undefined): Calendar {
  const key = overrides ?? NO_OVERRIDES;
  let byKey = compiled.get(key);
  if (!byKey) {
    byKey = new Map();
    compiled.set(key, byKey);
  }
  const id = JSON.stringify(spec);
  let cal = byKey.get(id);
  if (!cal) {
    cal = compileCalendar(spec, overrides ? { holidayOverrides: overrides } : {});
    if (byKey.size >= MAX_CACHED_PER_OVERRIDES) byKey.clear();
    byKey.set(id, cal);
  }
  return cal;
}
