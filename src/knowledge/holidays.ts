/**
 * Loads knowledge/holidays/*.yml: versioned corrections to date-holidays per country and year (dates to
 * add or remove, make-up working days), each entry with a one-line source note. Read and validated once;
 * the rules core receives the result as plain data: `compileCalendar(spec, { holidayOverrides })`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkHolidayRegion } from '../rules/holidays.js';
import { type HolidayOverrides, RulesError } from '../rules/index.js';
import { parseYamlText } from './yaml.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date 'YYYY-MM-DD' (quote it in YAML)")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real calendar date');
const note = z.string().min(3, 'each entry needs a one-line source note');

const Addition = z.strictObject({
  date: isoDate,
  name: z.string().min(1),
  localName: z.string().min(1).optional(),
  /** the name in Chinese, where the local name is not Chinese */
  zhName: z.string().min(1).optional(),
  note,
});
const DateNote = z.strictObject({ date: isoDate, note });
const YearOverrides = z.strictObject({
  add: z.array(Addition).default([]),
  remove: z.array(DateNote).default([]),
  work: z.array(DateNote).default([]),
});

export const HolidayOverrideFile = z
  .strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an upper-case two-letter country code such as TW'),
    /** when the file was last checked against its sources */
    revised: isoDate,
    source: z.string().min(3),
    years: z.record(z.string().regex(/^\d{4}$/, 'expected a year such as 2026'), YearOverrides),
  })
  .superRefine((file, ctx) => {
    for (const [year, lists] of Object.entries(file.years)) {
      const seen = new Map<string, string>();
      for (const listName of ['add', 'remove', 'work'] as const) {
        lists[listName].forEach((entry, i) => {
          const path = ['years', year, listName, i, 'date'];
          if (!entry.date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path, message: `${entry.date} is not in ${year}` });
          }
          const earlier = seen.get(entry.date);
          if (earlier)
            ctx.addIssue({ code: 'custom', path, message: `${entry.date} is already listed under ${earlier}` });
          seen.set(entry.date, listName);
        });
      }
    }
  });
export type HolidayOverrideFile = z.infer<typeof HolidayOverrideFile>;

export class HolidayFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayFileError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return (
    path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
      .join('')
      .replace(/^\./, '') || '(file)'
  );
}

/** Parses and validates one override file's text; `name` is used in error messages. */
export function parseHolidayOverrideFile(text: string, name: string): HolidayOverrideFile {
  let raw: unknown;
  try {
    raw = parseYamlText(text);
  } catch (error) {
    throw new HolidayFileError(`${name}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const result = HolidayOverrideFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${pathText(i.path)}: ${i.message}`);
    throw new HolidayFileError(`${name}: ${issues.join('; ')}`);
  }
  try {
    checkHolidayRegion(result.data.country);
  } catch (error) {
    if (error instanceof RulesError) throw new HolidayFileError(`${name}: country: ${error.message}`);
    throw error;
  }
  return result.data;
}

/** Turns validated files into the plain data the rules core takes; one file per country. */
export function toHolidayOverrides(files: readonly { name: string; file: HolidayOverrideFile }[]): HolidayOverrides {
  const overrides: HolidayOverrides = {};
  const owner = new Map<string, string>();
  for (const { name, file } of files) {
    const other = owner.get(file.country);
    if (other) throw new HolidayFileError(`${name}: country ${file.country} is already covered by ${other}`);
    owner.set(file.country, name);
    overrides[file.country] = file.years;
  }
  return overrides;
}

const DEFAULT_DIR = new URL('../../knowledge/holidays/', import.meta.url);
let cached: HolidayOverrides | undefined;

/**
 * The overrides in knowledge/holidays (or in `dir`), read and validated; the default directory is read
 * once per process. Throws HolidayFileError naming the file, field and problem.
 */
export function loadHolidayOverrides(dir?: URL | string): HolidayOverrides {
  if (!dir && cached) return cached;
  const folder = dir ? (typeof dir === 'string' ? dir : fileURLToPath(dir)) : fileURLToPath(DEFAULT_DIR);
  const names = readdirSync(folder)
    .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'))
    .sort();
  const files = names.map((name) => ({
    name,
    file: parseHolidayOverrideFile(readFileSync(`${folder.replace(/\/$/, '')}/${name}`, 'utf8'), name),
  }));
  const overrides = toHolidayOverrides(files);
  if (!dir) cached = overrides;
  return overrides;
}
