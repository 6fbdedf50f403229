/**
 * Public holidays: date-holidays (type 'public' only) corrected by the versioned override files in
 * knowledge/holidays (loaded by src/knowledge/holidays.ts and passed in as plain data).
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { RulesError, showValue } from './errors.js';
import { LruCache } from './lru.js';

/** A date to close: a holiday date-holidays misses. */
export interface HolidayAddition {
  date: string;
  /** English name */
  name: string;
  /** name in the country's language, e.g. 和平紀念日補假 */
  localName?: string;
  /** name in Chinese, where the local name is not Chinese (e.g. 衛塞節 for Vesak Day) */
  zhName?: string;
  /** one-line source note */
  note?: string;
}

export interface HolidayDateNote {
  date: string;
  note?: string;
}

export interface HolidayYearOverrides {
  /** holidays date-holidays misses (an added date replaces date-holidays' entry for that date) */
  add?: HolidayAddition[];
  /** date-holidays entries that are not days off, e.g. a holiday for one group only */
  remove?: HolidayDateNote[];
  /** make-up working days: weekend dates that are working days (China's 调休) */
  work?: HolidayDateNote[];
}

/** Country code (upper case) → year ('2026') → corrections for that year. */
export type HolidayOverrides = Record<string, Record<string, HolidayYearOverrides>>;

export interface Holiday {
  date: string;
  /** English name where date-holidays has one, else the local name */
  name: string;
  localName: string;
  /** the name in Chinese where one is known (date-holidays' Chinese names, a Chinese local name, an override) */
  zhName?: string;
  source: 'date-holidays' | 'override';
}

const CJK = /[\u3400-\u9fff]/u;

/**
 * A Chinese name for a holiday: the local name when it is Chinese (Taiwan, China), else date-holidays' Chinese
 * translation when it has one (it falls back to the local language otherwise; "(更换日)" marks a substitute day).
 */
function chineseName(localName: string, translated: string | undefined): string | undefined {
  if (CJK.test(localName)) return localName;
  if (!translated) return undefined;
  const name = translated.replace(/\s*\(更换日\)$/u, '（補假）');
  return CJK.test(name) && !/[A-Za-z]/.test(name) ? name : undefined;
}

export interface HolidayYear {
  holidays: Map<string, Holiday>;
  /** make-up working days */
  workDays: Set<string>;
}

let library: typeof Holidays | undefined;
/**
 * date-holidays, loaded on first use: with its data it takes about 150 ms to load, which start-up need not wait
 * for (only questions about deadlines and case clocks read holidays).
 */
function holidaysLibrary(): typeof Holidays {
  library ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return library;
}

let countries: Set<string> | undefined;
/** The country codes date-holidays knows, from its data alone (a third of what loading the library costs). */
function knownCountries(): Set<string> {
  if (!countries) {
    const { data } = createRequire(import.meta.url)('date-holidays/data') as { data: { holidays: object } };
    countries = new Set(Object.keys(data.holidays));
  }
  return countries;
}

let registry: Holidays | undefined;
function holidayRegistry(): Holidays {
  registry ??= new (holidaysLibrary())();
  return registry;
}

/** Throws a RulesError unless date-holidays knows the country (and the subdivision, when given). */
export function checkHolidayRegion(country: string, subdivision?: string): void {
  // a region the source saw checked before needs no library (loading even its data alone takes 30–40 ms)
  if (source?.knows?.(country, subdivision)) return;
  if (!knownCountries().has(country)) {
    throw new RulesError(
      `holidays.country: unknown country code ${showValue(country)}; use an ISO 3166-1 alpha-2 code that date-holidays knows, e.g. DE, TW, SG, CN, US`,
      'holidays.country',
    );
  }
  if (subdivision === undefined) return;
  const states = holidayRegistry().getStates(country, 'en') ?? {};
  if (!Object.hasOwn(states, subdivision)) {
    const known = Object.keys(states);
    const hint = known.length
      ? `; known subdivisions of ${country}: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`
      : `; date-holidays has no subdivisions for ${country}, leave subdivision out`;
    throw new RulesError(
      `holidays.subdivision: unknown subdivision ${showValue(subdivision)} for ${country}${hint}`,
      'holidays.subdivision',
    );
  }
}

/** Country-years of date-holidays' results kept (each a few dozen entries; computing one takes 5–35 ms). */
export const HOLIDAY_CACHE_SIZE = 256;
const libraryYears = new LruCache<string, Map<string, Holiday>>(HOLIDAY_CACHE_SIZE);
const instances = new Map<string, { hd: Holidays; languages: string[] }>();

/** One whole-day public holiday as date-holidays gives it, before the overrides: what a HolidaySource keeps. */
export type LibraryHoliday = Omit<Holiday, 'source'>;

/**
 * Where years date-holidays computed before may be found, outside this process's memory (the app keeps them on
 * disk: src/holidays). Computing a year takes 25–35 ms for a country whose holidays follow the Chinese calendar,
 * so a long-running process computes them ahead, off its request path, and the core reads them here. The core
 * itself stays pure: the source does the I/O. A source must give exactly what `computeLibraryHolidays` gives for
 * the same country, subdivision and year (the app's copies are fingerprinted by the library's version and this
 * module's code), or undefined, when the core computes the year itself.
 */
export interface HolidaySource {
  /** the year as computed before, or undefined */
  read(country: string, subdivision: string | undefined, year: number): LibraryHoliday[] | undefined;
  /** true when the region was checked before (checkHolidayRegion then needs no library); false when unsure */
  knows?(country: string, subdivision: string | undefined): boolean;
  /** given every year the core had to compute, to keep */
  computed?(country: string, subdivision: string | undefined, year: number, holidays: LibraryHoliday[]): void;
}

let source: HolidaySource | undefined;

/**
 * Sets (or with undefined removes) the process's HolidaySource, and forgets the years held in memory, so that
 * the next of each is read from the new source. Answers do not depend on it: only where the year comes from.
 */
export function useHolidaySource(next: HolidaySource | undefined): void {
  source = next;
  libraryYears.clear();
}

/**
 * date-holidays' public holidays for one year, in its order, one per local date. An entry that starts after
 * midnight (a half-day holiday such as China's Women's Day afternoon, which is for one group only) is left
 * out: the rules core closes whole days only. Computed every time (loading the library on first use); the
 * app's worker calls it to fill its disk cache.
 */
export function computeLibraryHolidays(
  country: string,
  subdivision: string | undefined,
  year: number,
): LibraryHoliday[] {
  const regionKey = `${country}/${subdivision ?? ''}`;
  let instance = instances.get(regionKey);
  if (!instance) {
    const Library = holidaysLibrary();
    const hd = subdivision
      ? new Library(country, subdivision, { types: ['public'] })
      : new Library(country, { types: ['public'] });
    instance = { hd, languages: [...hd.getLanguages()] };
    instances.set(regionKey, instance);
  }
  const { hd, languages } = instance;
  // getHolidays(year, lang) puts lang in front of the instance's own language list and leaves it there, so
  // without this reset the "local" names of a year would depend on which years were computed before it
  const inLanguage = (lang?: string) => {
    hd.setLanguages(languages);
    return lang ? hd.getHolidays(year, lang) : hd.getHolidays(year);
  };
  const local = inLanguage();
  const english = inLanguage('en');
  const chinese = inLanguage('zh');
  const seen = new Set<string>();
  const days: LibraryHoliday[] = [];
  local.forEach((entry, i) => {
    if (entry.type !== 'public') return;
    if (entry.date.slice(11, 19) !== '00:00:00') return;
    const date = entry.date.slice(0, 10);
    if (seen.has(date)) return;
    seen.add(date);
    const en = english[i];
    const zh = chinese[i];
    const name = en && en.date === entry.date ? en.name : entry.name;
    const zhName = chineseName(entry.name, zh && zh.date === entry.date ? zh.name : undefined);
    days.push({ date, name, localName: entry.name, ...(zhName ? { zhName } : {}) });
  });
  return days;
}

/** date-holidays' year keyed by local date: from memory, else the HolidaySource, else computed (and given to it). */
function libraryHolidays(country: string, subdivision: string | undefined, year: number): Map<string, Holiday> {
  const key = `${country}/${subdivision ?? ''}/${year}`;
  const cached = libraryYears.get(key);
  if (cached) return cached;
  let list = source?.read(country, subdivision, year);
  if (!list) {
    list = computeLibraryHolidays(country, subdivision, year);
    source?.computed?.(country, subdivision, year, list);
  }
  const days = new Map<string, Holiday>();
  for (const day of list) days.set(day.date, { ...day, source: 'date-holidays' });
  libraryYears.set(key, days);
  return days;
}

/** The holidays and make-up working days of one calendar year, overrides applied. */
export function holidayYear(
  country: string,
  subdivision: string | undefined,
  year: number,
  overrides: HolidayOverrides | undefined,
): HolidayYear {
  const holidays = new Map(libraryHolidays(country, subdivision, year));
  const workDays = new Set<string>();
  const own = overrides?.[country]?.[String(year)];
  if (own) {
    for (const { date } of own.remove ?? []) holidays.delete(date);
    for (const day of own.add ?? []) {
      const zhName = day.zhName ?? chineseName(day.localName ?? day.name, undefined);
      holidays.set(day.date, {
        date: day.date,
        name: day.name,
        localName: day.localName ?? day.name,
        ...(zhName ? { zhName } : {}),
        source: 'override',
      });
    }
    for (const { date } of own.work ?? []) {
      holidays.delete(date);
      workDays.add(date);
    }
  }
  return { holidays, workDays };
}
