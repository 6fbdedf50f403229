/**
 * Deadline benchmark: operations per second of the rules core against moment-business-time and
 * dayjs-business-time, in the same process and run, on a Mon–Fri 09:00–17:30 Europe/Berlin calendar with
 * German public holidays:
 *   (a) +1 business hour from instants spread over 2026,
 *   (b) +4 business hours from a Friday afternoon across a weekend and a holiday (Whit Monday),
 *   (c) business minutes between two instants six months apart.
 * The peers know no time zones, so this process runs with TZ=Europe/Berlin. Every operation starts from a
 * Date (ours returns a Date; the peers' objects are created from the Date). Run: `npx tsx bench/deadlines.ts`.
 */
process.env.TZ = 'Europe/Berlin';

import { availableParallelism, cpus, loadavg } from 'node:os';
import Holidays from 'date-holidays';
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment';
import 'moment-business-time';
import { addBusinessTime, businessMinutesBetween, compileCalendar } from '../src/rules/index.js';

const DAY = 86_400_000;

// ---- the calendar, three times ----
const cal = compileCalendar({
  zone: 'Europe/Berlin',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:30']]])),
  holidays: { country: 'DE' },
});

const holidayDates = [2026, 2027].flatMap((year) =>
  new Holidays('DE')
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10)),
);

const week = ['09:00:00', '17:30:00'];
// biome-ignore lint/suspicious/noExplicitAny: moment-business-time ships no types for its locale options
(moment as any).updateLocale('en', {
  workinghours: { 0: null, 1: week, 2: week, 3: week, 4: week, 5: week, 6: null },
  holidays: holidayDates,
});
type WorkingMoment = moment.Moment & {
  addWorkingTime(amount: number, unit: string): WorkingMoment;
  workingDiff(other: moment.Moment, unit: string): number;
};
const workingMoment = (d: Date) => moment(d) as WorkingMoment;

dayjs.extend(dayjsBusinessTime);
dayjs.setHolidays(holidayDates);
const segment = [{ start: '09:00:00', end: '17:30:00' }];
dayjs.setBusinessTime({
  sunday: null,
  monday: segment,
  tuesday: segment,
  wednesday: segment,
  thursday: segment,
  friday: segment,
  saturday: null,
});

// ---- inputs (a fixed pseudo-random sequence, the same for every library) ----
let seed = 20261122;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const N = 1024;
const yearStart = Date.parse('2026-01-01T00:00:00+01:00');
const spread = Array.from({ length: N }, () => new Date(yearStart + Math.floor(random() * 364 * 24 * 60) * 60_000));
const fridays = ['2026-05-22T14:00:00+02:00', '2027-05-14T14:00:00+02:00'];
const fridayAfternoons = Array.from(
  { length: N },
  (_, i) => new Date(Date.parse(fridays[i % 2] as string) + Math.floor(random() * 210) * 60_000),
);
const halfYearPairs = Array.from({ length: N }, () => {
  const from = new Date(yearStart + Math.floor(random() * 180 * 24 * 60) * 60_000);
  return [from, new Date(from.getTime() + 182 * DAY)] as const;
});

// ---- harness ----
const ROUNDS = 5;
const ROUND_SECONDS = 0.3;

function warmUp(op: (i: number) => number): number {
  let sink = 0;
  // warm up (and build the year tables): 2,000 operations or 0.2 s, whichever comes first
  const warmUntil = performance.now() + 200;
  for (let i = 0; i < 2000 && performance.now() < warmUntil; i++) sink += op(i % N);
  return sink;
}

/** Operations per second of `op` over the inputs in one timed round of `seconds`. */
function round(op: (i: number) => number, seconds: number, offset: number): { rate: number; sink: number } {
  let sink = 0;
  let done = 0;
  let batch = 16;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < batch; i++) sink += op((offset + done + i) % N);
    done += batch;
    elapsed = performance.now() - start;
    if (elapsed < 20) batch *= 2;
  }
  return { rate: (done / elapsed) * 1000, sink };
}

/**
 * Every contender gets the same number of rounds of the same length, interleaved (ours, moment, dayjs, ours, …)
 * so that a busy moment on the shared machine falls on all of them alike. Reported: the median round and the
 * slowest and fastest round.
 */
function measureAll(contenders: ((i: number) => number)[]): { median: number; min: number; max: number }[] {
  let sink = 0;
  for (const op of contenders) sink += warmUp(op);
  const rates = contenders.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    contenders.forEach((op, k) => {
      const result = round(op, ROUND_SECONDS, r * 7919);
      sink += result.sink;
      rates[k]?.push(result.rate);
    });
  }
  if (Number.isNaN(sink)) console.log('(a result was NaN)');
  return rates.map((xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
  });
}

interface Spread {
  median: number;
  min: number;
  max: number;
}
interface Row {
  name: string;
  ours: number;
  moment: number;
  dayjs: number;
  spread: [Spread, Spread, Spread];
  agree: string;
}

function agreement(ours: (i: number) => number, peer: (i: number) => number, samples = 200): number {
  let same = 0;
  for (let i = 0; i < samples; i++) if (ours(i) === peer(i)) same++;
  return same;
}

const ops = {
  a: {
    name: '(a) +1 business hour',
    ours: (i: number) => addBusinessTime(cal, spread[i] as Date, 60).getTime(),
    moment: (i: number) =>
      workingMoment(spread[i] as Date)
        .addWorkingTime(1, 'hours')
        .valueOf(),
    dayjs: (i: number) =>
      dayjs(spread[i] as Date)
        .addBusinessHours(1)
        .valueOf(),
  },
  b: {
    name: '(b) +4 business hours, Fri pm → weekend + holiday',
    ours: (i: number) => addBusinessTime(cal, fridayAfternoons[i] as Date, 240).getTime(),
    moment: (i: number) =>
      workingMoment(fridayAfternoons[i] as Date)
        .addWorkingTime(4, 'hours')
        .valueOf(),
    dayjs: (i: number) =>
      dayjs(fridayAfternoons[i] as Date)
        .addBusinessHours(4)
        .valueOf(),
  },
  c: {
    name: '(c) business minutes between, 6 months apart',
    ours: (i: number) => {
      const [from, to] = halfYearPairs[i] as readonly [Date, Date];
      return businessMinutesBetween(cal, from, to);
    },
    moment: (i: number) => {
      const [from, to] = halfYearPairs[i] as readonly [Date, Date];
      return workingMoment(to).workingDiff(moment(from), 'minutes');
    },
    dayjs: (i: number) => {
      const [from, to] = halfYearPairs[i] as readonly [Date, Date];
      return dayjs(from).businessMinutesDiff(dayjs(to)); // dayjs counts from the receiver to the argument
    },
  },
};

const rows: Row[] = [];
for (const op of Object.values(ops)) {
  const [ours, momentRate, dayjsRate] = measureAll([op.ours, op.moment, op.dayjs]) as [Spread, Spread, Spread];
  rows.push({
    name: op.name,
    ours: ours.median,
    moment: momentRate.median,
    dayjs: dayjsRate.median,
    spread: [ours, momentRate, dayjsRate],
    agree: `${agreement(op.ours, op.moment, 50)}/50, ${agreement(op.ours, op.dayjs, 50)}/50`,
  });
}

// ---- report ----
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number) => `${Math.round(a / b).toLocaleString('en-US')}×`;
const table = [
  [
    'operation',
    'entitlebot ops/s',
    'moment-business-time',
    'dayjs-business-time',
    'vs moment',
    'vs dayjs',
    'same result (moment, dayjs)',
  ],
  ...rows.map((r) => [
    r.name,
    fmt(r.ours),
    fmt(r.moment),
    fmt(r.dayjs),
    ratio(r.ours, r.moment),
    ratio(r.ours, r.dayjs),
    r.agree,
  ]),
];
const widths = (table[0] as string[]).map((_, c) => Math.max(...table.map((row) => (row[c] as string).length)));
const line = (row: string[]) =>
  `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join(' | ')} |`;
console.log('## Deadlines: Mon–Fri 09:00–17:30 Europe/Berlin, German public holidays');
console.log(
  `node ${process.version}, ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}, ${new Date().toISOString().slice(0, 10)}; median of ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s each, for every contender`,
);
console.log(line(table[0] as string[]));
console.log(`|${widths.map((w, c) => (c === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log('spread (slowest–fastest round, ops/s):');
for (const r of rows) {
  const [o, m, d] = r.spread;
  console.log(
    `  ${r.name}: ours ${fmt(o.min)}–${fmt(o.max)}; moment ${fmt(m.min)}–${fmt(m.max)}; dayjs ${fmt(d.min)}–${fmt(d.max)}`,
  );
}

const targets = [
  ['(a) ≥ 1,000,000 ops/s', (rows[0]?.ours ?? 0) >= 1_000_000],
  ['(b) ≥ 1,000,000 ops/s', (rows[1]?.ours ?? 0) >= 1_000_000],
  ['(c) ≥ 100,000 ops/s', (rows[2]?.ours ?? 0) >= 100_000],
  ['≥ 100× both peers on every operation', rows.every((r) => r.ours >= 100 * r.moment && r.ours >= 100 * r.dayjs)],
] as const;
console.log(`targets: ${targets.map(([name, ok]) => `${name} ${ok ? 'met' : 'MISSED'}`).join('; ')}`);
