/**
 * Years of public holidays computed by date-holidays, kept on disk (data/holidays/), so that no request computes
 * one: a country whose holidays follow the Chinese calendar takes 25–35 ms a year, and loading the library
 * 100 ms more. The rules core reads them through the HolidaySource this module gives it (it does no I/O itself).
 *
 * Layout: `<root>/<fingerprint>/<country>[-<subdivision>]/<year>.json`, each file holding the year as the core
 * computes it, with its fingerprint, country, subdivision and year (a file is used only when all four match what
 * was asked). The fingerprint covers date-holidays' and its parser's versions and the code of the core's holiday
 * module, so copies from another library version, or from code that read the library differently, are never
 * mixed in: they sit under another fingerprint (and are the first pruned). A file that is missing, unreadable,
 * half-written or not of the expected shape is ignored and the year computed (and written again). Files are
 * written beside their place and renamed over it, so that no reader sees half a file. At most MAX_CACHED_YEARS
 * files are kept (the oldest written go first), about 2 KB each.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleText } from '../fingerprint/module-text.js';
import type { HolidaySource, LibraryHoliday } from '../rules/index.js';

/** Bump when the file layout changes. */
const FORMAT = 1;
/** data/ is the app's own, untracked directory (the saved knowledge and search index live there too). */
export const HOLIDAY_CACHE_DIR = fileURLToPath(new URL('../../data/holidays/', import.meta.url));
/** Year files kept: 4,096 × about 2 KB; a region's 23 horizon years each, for about 170 regions. */
export const MAX_CACHED_YEARS = 4096;
/** Writes between two prunings by one process (the warmer also prunes after each batch). */
const PRUNE_EVERY = 256;

const COUNTRY = /^[A-Z]{2}$/;
const SUBDIVISION = /^[A-Za-z0-9]{1,8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function packageVersion(require: NodeJS.Require, name: string): { version: string; require: NodeJS.Require } {
  const file = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return { version, require: createRequire(file) };
}

let fingerprintOfThisCode: string | undefined;
/**
 * What a cached year depends on: date-holidays' version (its data), date-holidays-parser's (which computes the
 * dates) and the core's holiday module (which picks and names the entries). Read once per process (about 1 ms).
 */
export function holidayFingerprint(): string {
  if (!fingerprintOfThisCode) {
    const library = packageVersion(createRequire(import.meta.url), 'date-holidays');
    let parser = 'unknown';
    try {
      parser = packageVersion(library.require, 'date-holidays-parser').version;
    } catch {
      // a future date-holidays without a separate parser: its own version covers it
    }
    const hash = createHash('sha256');
    hash.update(`format ${FORMAT}\u0000date-holidays ${library.version}\u0000parser ${parser}\u0000`);
    hash.update(moduleText('../rules/holidays', import.meta.url));
    fingerprintOfThisCode = `dh${library.version}-${hash.digest('hex').slice(0, 16)}`;
  }
  return fingerprintOfThisCode;
}

interface YearFile {
  format: number;
  fingerprint: string;
  country: string;
  subdivision: string | null;
  year: number;
  holidays: LibraryHoliday[];
}

/** A holiday as the core computes it: dates of the year, names as text; anything else makes the file unusable. */
function isHoliday(value: unknown, year: number): value is LibraryHoliday {
  if (!value || typeof value !== 'object') return false;
  const h = value as Record<string, unknown>;
  return (
    typeof h.date === 'string' &&
    DATE.test(h.date) &&
    h.date.startsWith(`${year}-`) &&
    typeof h.name === 'string' &&
    typeof h.localName === 'string' &&
    (h.zhName === undefined || typeof h.zhName === 'string') &&
    Object.keys(h).every((k) => k === 'date' || k === 'name' || k === 'localName' || k === 'zhName')
  );
}

export interface HolidayDiskCache extends HolidaySource {
  readonly root: string;
  /** `<root>/<fingerprint>` */
  readonly dir: string;
  readonly fingerprint: string;
  /** the year, when a usable file holds it */
  read(country: string, subdivision: string | undefined, year: number): LibraryHoliday[] | undefined;
  /** true when a file for the year exists (whether usable is for `read` to say) */
  has(country: string, subdivision: string | undefined, year: number): boolean;
  /** keeps a computed year (errors, such as a read-only disk, are ignored: the cache is only a cache) */
  write(country: string, subdivision: string | undefined, year: number, holidays: LibraryHoliday[]): void;
  /** keeps at most `max` year files under the root (other fingerprints' first to go), drops stale temporary files */
  prune(max?: number): void;
}

/**
 * The disk cache under `root` (default data/holidays). `fingerprint` is for tests that play another library
 * version; the app uses `holidayFingerprint()`.
 */
export function openHolidayCache(root = HOLIDAY_CACHE_DIR, options: { fingerprint?: string } = {}): HolidayDiskCache {
  // read on first use: a one-shot command that asks about no holidays reads no package files
  let known: { fingerprint: string; dir: string } | undefined;
  const where = () => {
    if (!known) {
      const fingerprint = options.fingerprint ?? holidayFingerprint();
      known = { fingerprint, dir: join(root, fingerprint) };
    }
    return known;
  };
  let writes = 0;

  // a region whose name could reach outside its folder, or differ only in case, is not cached at all
  const regionDir = (country: string, subdivision: string | undefined) =>
    COUNTRY.test(country) && (subdivision === undefined || SUBDIVISION.test(subdivision))
      ? join(where().dir, subdivision === undefined ? country : `${country}-${subdivision}`)
      : undefined;
  const yearPath = (country: string, subdivision: string | undefined, year: number) => {
    const region = regionDir(country, subdivision);
    return region && Number.isInteger(year) && year >= 1000 && year <= 9999 ? join(region, `${year}.json`) : undefined;
  };

  const read = (country: string, subdivision: string | undefined, year: number): LibraryHoliday[] | undefined => {
    const path = yearPath(country, subdivision, year);
    if (!path) return undefined;
    let file: Partial<YearFile>;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as Partial<YearFile>;
    } catch {
      return undefined; // missing, unreadable or half a file: computed again
    }
    if (
      !file ||
      file.format !== FORMAT ||
      file.fingerprint !== where().fingerprint ||
      file.country !== country ||
      file.subdivision !== (subdivision ?? null) ||
      file.year !== year ||
      !Array.isArray(file.holidays) ||
      !file.holidays.every((h) => isHoliday(h, year))
    ) {
      return undefined;
    }
    return file.holidays;
  };

  const prune = (max = MAX_CACHED_YEARS) => {
    try {
      pruneTree(root, where().fingerprint, max);
    } catch {
      // another process pruning at the same time, or a read-only disk: next time
    }
  };

  const write = (country: string, subdivision: string | undefined, year: number, holidays: LibraryHoliday[]) => {
    const path = yearPath(country, subdivision, year);
    if (!path) return;
    const { fingerprint } = where();
    const file: YearFile = { format: FORMAT, fingerprint, country, subdivision: subdivision ?? null, year, holidays };
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeAtomically(path, JSON.stringify(file));
    } catch {
      return; // a read-only checkout still answers: it computes instead
    }
    if (++writes % PRUNE_EVERY === 0) prune();
  };

  return {
    root,
    get dir() {
      return where().dir;
    },
    get fingerprint() {
      return where().fingerprint;
    },
    read,
    write,
    prune,
    has: (country, subdivision, year) => {
      const path = yearPath(country, subdivision, year);
      return path !== undefined && existsSync(path);
    },
    // a year file exists only for a region that was checked before its first year was computed
    knows: (country, subdivision) => {
      const region = regionDir(country, subdivision);
      if (!region) return false;
      try {
        return readdirSync(region).some(
          (name) => name.endsWith('.json') && read(country, subdivision, Number.parseInt(name, 10)) !== undefined,
        );
      } catch {
        return false;
      }
    },
    computed: write,
  };
}

/** Written beside the target (a name no other process or thread uses) and renamed over it. */
function writeAtomically(path: string, data: string): void {
  // the process and 64 random bits: unique across processes and the worker threads of one
  const temporary = `${path}.${process.pid}-${randomBytes(8).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // it was never written
    }
    throw error;
  }
}

/** Temporary files older than this are left over from a process that died while writing. */
const STALE_TEMPORARY_MS = 60_000;

/**
 * Removes temporary files left by a process that died while writing, then, beyond `max` year files in all, the
 * oldest written, other fingerprints' first (another library version's, or the other build's: src under tsx and
 * dist compile to different module text, so each keeps its own; neither ever reads the other's).
 */
function pruneTree(root: string, fingerprint: string, max: number): void {
  const years: { path: string; ours: boolean; mtime: number }[] = [];
  const now = Date.now();
  for (const print of safeList(root)) {
    for (const region of safeList(join(root, print))) {
      for (const name of safeList(join(root, print, region))) {
        const path = join(root, print, region, name);
        let mtime: number;
        try {
          mtime = statSync(path).mtimeMs;
        } catch {
          continue; // removed meanwhile
        }
        if (!name.endsWith('.tmp')) years.push({ path, ours: print === fingerprint, mtime });
        else if (now - mtime > STALE_TEMPORARY_MS) rmSync(path, { force: true });
      }
    }
  }
  if (years.length <= max) return;
  years.sort((a, b) => Number(a.ours) - Number(b.ours) || a.mtime - b.mtime);
  for (const { path } of years.slice(0, years.length - max)) rmSync(path, { force: true });
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
