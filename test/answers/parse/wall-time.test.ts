/**
 * Local times the clocks skip (spring forward) or show twice (fall back): the answer says which instant it
 * took and why, instead of moving the time silently.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveWhen } from '../../../src/answers/parse/when.js';
import { answer, context, contract } from '../../support/answers.js';

const berlin = context({
  contracts: [contract({ vendor: 'jamf', plan: 'gold', zone: 'Europe/Berlin', holidays: { country: 'DE' } })],
});

describe('due at a local time the clocks skip or repeat', () => {
  it('a time in the spring-forward gap: says it does not exist and which instant was taken', () => {
    const a = answer('due p1 gold at 2026-03-29 02:30', berlin);
    expect(a.notes[0]).toBe(
      '2026-03-29 02:30 does not exist in Europe/Berlin: the clocks jumped forward over it. Taken as 2026-03-29T03:30+02:00, the same time after the change.',
    );
    expect(a.times[0]!.at).toBe('2026-03-29T03:30:00+02:00');
  });

  it('a time in the fall-back overlap: takes the first and says how to ask for the second', () => {
    const a = answer('due p1 gold at 2026-10-25 02:30', berlin);
    expect(a.notes[0]).toContain('2026-10-25 02:30 happens twice in Europe/Berlin');
    expect(a.notes[0]).toContain('Taken as the first, 2026-10-25T02:30+02:00');
    expect(a.notes[0]).toContain('write 2026-10-25T02:30+01:00');
    expect(a.times[0]!.at).toBe('2026-10-25T02:30:00+02:00');
    // and asking for the second gets the second
    const second = answer('due p1 gold at 2026-10-25T02:30+01:00', berlin);
    expect(second.times[0]!.at).toBe('2026-10-25T02:30:00+01:00');
    expect(second.notes.join(' ')).not.toContain('happens twice');
  });

  it('in Chinese', () => {
    const a = answer('期限 P1 金級 2026-03-29 02:30', berlin);
    expect(a.notes[0]).toContain('Europe/Berlin 沒有 2026-03-29 02:30 這個時間');
    expect(a.notes[0]).toContain('2026-03-29T03:30+02:00');
  });

  it('an ordinary time says nothing about clock changes', () => {
    const a = answer('due p1 gold at 2026-10-25 04:30', berlin);
    expect(a.notes.join(' ')).not.toMatch(/does not exist|happens twice/);
  });
});

describe('resolveWhen (property)', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Asia/Taipei'];
  /** the days of 2026–2027 on which a zone changes its clocks, and an ordinary day for contrast */
  const days = zones.flatMap((zone) => {
    const out: { zone: string; date: string }[] = [{ zone, date: '2026-07-15' }];
    for (let d = DateTime.fromISO('2026-01-01', { zone }); d.year < 2028; d = d.plus({ days: 1 })) {
      if (d.offset !== d.endOf('day').offset) out.push({ zone, date: d.toISODate()! });
    }
    return out;
  });

  it('has clock-change days to try', () => {
    expect(days.length).toBeGreaterThan(10);
  });

  it('keeps the typed wall time unless it says it could not, and an overlap names two instants with that time', () => {
    let shifted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...days),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        ({ zone, date }, hour, minute) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const r = resolveWhen({ text: `${date} ${time}`, date, time }, new Date('2026-01-01T00:00:00Z'), zone);
          if ('error' in r) return false;
          const local = DateTime.fromJSDate(r.at, { zone });
          const same = local.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;
          if (!r.shift) return same;
          shifted++;
          if (r.shift.kind === 'gap') return !same && r.at.getTime() === Date.parse(r.shift.taken);
          const other = DateTime.fromISO(r.shift.other!, { zone });
          return (
            same &&
            other.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}` &&
            Date.parse(r.shift.taken) < other.toMillis() &&
            r.at.getTime() === Date.parse(r.shift.taken)
          );
        },
      ),
      { numRuns: 3000 },
    );
    // the runs did reach skipped and repeated times
    expect(shifted).toBeGreaterThan(20);
  });
});
