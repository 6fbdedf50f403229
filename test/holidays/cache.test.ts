/**
 * The disk cache of public-holiday years (src/holidays) as people meet it: deadlines answered from it are the
 * ones computed without it; a damaged file, or one from another date-holidays version, changes no answer; once
 * a contract's years are warmed (in a worker thread), a question computes no holiday year; the disk stays bounded.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationDeps } from '../../src/conversation/types.js';
import { type HolidayDiskCache, openHolidayCache } from '../../src/holidays/cache.js';
import { holidayRegionsOf, vendorHolidayRegions } from '../../src/holidays/regions.js';
import { holidayWarmer, horizonYears } from '../../src/holidays/warm.js';
import { computeLibraryHolidays, useHolidaySource } from '../../src/rules/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { knowledge } from '../support/cases.js';
import { tempDir } from '../support/store.js';

const NOW = new Date('2026-12-02T10:00:00Z');
let temp: ReturnType<typeof tempDir>;
let store: Store;
let deps: ConversationDeps;

beforeEach(async () => {
  temp = tempDir();
  store = await openStore(':memory:', { now: () => NOW.getTime() });
  deps = { store, knowledge, search: undefined, clock: { now: () => new Date(NOW) } };
});
afterEach(async () => {
  useHolidaySource(undefined);
  await store.close();
  temp.cleanup();
});

const say = (text: string) =>
  handleText(deps, { workspaceId: 'T1', channelId: 'C1', userId: 'U1', now: new Date(NOW), via: 'console' }, text);

const CONTRACTS = [
  'contract add autodesk enterprise region=apac',
  'contract add jamf gold zone=Europe/Berlin holidays=DE-BY',
  'contract add microsoft unified zone=Asia/Taipei holidays=TW',
];
/** deadlines across the horizon, over New Year, Chinese New Year and Christmas, in both languages */
const QUESTIONS = [
  'due p1 at 2036-11-28 16:00',
  'due p1 at 2017-01-26 16:00',
  'due p2 at 2026-12-24 16:00',
  'due p3 at 2027-02-05 09:00',
  'due p1 at 2031-12-31 17:00',
  'p1 在 2030-02-01 16:00 的期限',
];

async function answers(): Promise<string[]> {
  const out: string[] = [];
  for (const q of QUESTIONS) out.push(JSON.stringify((await say(q)).answer));
  return out;
}

async function withContracts(): Promise<void> {
  for (const c of CONTRACTS) expect((await say(c)).answer.kind).toBe('contract');
}

/** Every year file under the cache's directory. */
function yearFiles(cache: HolidayDiskCache): string[] {
  return readdirSync(cache.dir).flatMap((region) =>
    readdirSync(join(cache.dir, region)).map((f) => join(cache.dir, region, f)),
  );
}

/** The cache as the rules core's source, counting the years the core had to compute. */
function install(cache: HolidayDiskCache): { computed: string[] } {
  const seen = { computed: [] as string[] };
  useHolidaySource({
    ...cache,
    computed: (c, s, y, list) => {
      seen.computed.push(`${c}${s ? `-${s}` : ''} ${y}`);
      cache.write(c, s, y, list);
    },
  });
  return seen;
}

describe('the holiday disk cache', () => {
  it('gives the same answers as computing, when it is filled and when it is read back', async () => {
    await withContracts();
    useHolidaySource(undefined);
    const computed = await answers();
    expect(computed.some((a) => a.includes('Chinese New Year'))).toBe(true);

    const cache = openHolidayCache(temp.dir);
    const filling = install(cache);
    expect(await answers()).toEqual(computed);
    expect(filling.computed.length).toBeGreaterThan(5);
    expect(yearFiles(cache).length).toBe(filling.computed.length);

    const reading = install(cache); // memory forgotten: every year from the files
    expect(await answers()).toEqual(computed);
    expect(reading.computed).toEqual([]);
  });

  it('ignores damaged files: the same answers, and the years written again whole', async () => {
    await withContracts();
    useHolidaySource(undefined);
    const computed = await answers();
    const cache = openHolidayCache(temp.dir);
    install(cache);
    await answers();
    const files = yearFiles(cache);
    const damage = [
      (text: string) => text.slice(0, text.length / 2), // half written
      () => '', // empty
      () => '\u0000\u0001garbage', // not JSON
      () => 'null',
      (text: string) => text.replace(/"holidays":\[/, '"holidays":[42,'), // not a holiday
      (text: string) => text.replace(/"year":(\d+)/, (_, y) => `"year":${Number(y) + 1}`), // another year's
      (text: string) => text.replace(/"date":"(\d{4})/, (_, y) => `"date":"${Number(y) + 1}`), // a date of another year
    ];
    files.forEach((file, i) => {
      writeFileSync(file, (damage[i % damage.length] as (t: string) => string)(readFileSync(file, 'utf8')));
    });
    const after = install(cache);
    expect(await answers()).toEqual(computed);
    expect(after.computed.length).toBe(files.length); // each damaged year computed again …
    const again = install(cache);
    expect(await answers()).toEqual(computed);
    expect(again.computed).toEqual([]); // … and written whole
  });

  it('never mixes years of another date-holidays version (or another reading of it)', async () => {
    await withContracts();
    useHolidaySource(undefined);
    const computed = await answers();
    // another version's cache, whose years all have a made-up holiday on every date asked about
    const other = openHolidayCache(temp.dir, { fingerprint: 'dh0.0.1-0000000000000000' });
    const current = openHolidayCache(temp.dir);
    expect(other.dir).not.toBe(current.dir);
    const madeUp = (year: number) =>
      ['01-26', '02-05', '02-01', '11-28', '12-24', '12-31'].map((d) => ({
        date: `${year}-${d}`,
        name: 'Made-up',
        localName: 'Made-up',
      }));
    for (const [c, s] of [['SG'], ['TW'], ['DE', 'BY']] as [string, string?][]) {
      for (const year of horizonYears(NOW)) {
        other.write(c, s, year, madeUp(year));
        // the same made-up year in the current folder, but stamped with the other version: ignored as well
        const path = join(current.dir, s ? `${c}-${s}` : c, `${year}.json`);
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, readFileSync(join(other.dir, s ? `${c}-${s}` : c, `${year}.json`)));
      }
    }
    install(current);
    expect(await answers()).toEqual(computed);
    expect(current.read('SG', undefined, 2030)).toEqual(computeLibraryHolidays('SG', undefined, 2030));
  });

  it('stays bounded: the oldest files go first, another version’s before its own', () => {
    const current = openHolidayCache(temp.dir);
    const other = openHolidayCache(temp.dir, { fingerprint: 'dh0.0.1-0000000000000000' });
    const year = (y: number) => [{ date: `${y}-01-01`, name: 'New Year', localName: 'New Year' }];
    for (let y = 2000; y < 2010; y++) other.write('US', undefined, y, year(y));
    for (let y = 2000; y < 2010; y++) current.write('US', undefined, y, year(y));
    current.prune(12);
    expect(readdirSync(join(other.dir, 'US')).length + readdirSync(join(current.dir, 'US')).length).toBe(12);
    expect(readdirSync(join(current.dir, 'US')).length).toBe(10);
    current.prune(5);
    expect(readdirSync(join(current.dir, 'US')).length).toBe(5);
    expect(current.read('US', undefined, 2009)).toEqual(year(2009));
  });

  it('refuses region names that could leave its folder', () => {
    const cache = openHolidayCache(temp.dir);
    cache.write('../..', undefined, 2026, []);
    cache.write('US', '../../x', 2026, []);
    expect(readdirSync(temp.dir)).toEqual([]);
    expect(cache.read('US', '../../x', 2026)).toBeUndefined();
  });
});

describe('warming ahead', () => {
  it('computes the horizon’s years in a worker, so that no question computes one', async () => {
    const cache = openHolidayCache(temp.dir);
    const warmer = holidayWarmer(cache);
    const warmed: string[] = [];
    deps.warmHolidays = (_, contract) => {
      warmed.push(contract.vendor);
      void warmer.warm(holidayRegionsOf(knowledge, [contract]), NOW);
    };
    await withContracts();
    expect(warmed).toEqual(['autodesk', 'jamf', 'microsoft']);
    await warmer.idle();
    expect(readdirSync(cache.dir).sort()).toEqual(['DE-BY', 'SG', 'TW']);
    // at start-up, every vendor region too (Autodesk's three: asked without a contract, or with another region)
    await warmer.warm(vendorHolidayRegions(knowledge), NOW);
    const regions = readdirSync(cache.dir).sort();
    expect(regions.length).toBeGreaterThan(3);
    for (const region of regions) expect(readdirSync(join(cache.dir, region))).toHaveLength(horizonYears(NOW).length);

    const seen = install(cache);
    const first = await answers();
    expect(seen.computed).toEqual([]);
    useHolidaySource(undefined);
    expect(await answers()).toEqual(first);

    // nothing left to do: no worker starts
    expect(await warmer.warm(vendorHolidayRegions(knowledge), NOW)).toMatchObject({ computed: 0, present: 0 });
    await warmer.stop();
  });

  it('reports a region date-holidays does not know, and writes nothing for it', async () => {
    const cache = openHolidayCache(temp.dir);
    const result = await holidayWarmer(cache).warm([{ country: 'XX' }, { country: 'NZ' }], NOW);
    expect(result.failed).toEqual([expect.stringMatching(/^XX: .*unknown country code "XX"/)]);
    expect(result.computed).toBe(horizonYears(NOW).length);
    expect(readdirSync(cache.dir)).toEqual(['NZ']);
    expect(cache.knows?.('XX', undefined)).toBe(false);
    expect(cache.knows?.('NZ', undefined)).toBe(true);
  });
});
