import { describe, expect, it } from 'vitest';
import { quotaStatus, quotaWindow } from '../../src/rules/index.js';

const zone = 'Asia/Taipei';

describe('quotaWindow', () => {
  it('uses calendar quarters ending 31 Mar, 30 Jun, 30 Sep and 31 Dec', () => {
    const cases: [string, string, string][] = [
      ['2026-02-10T12:00:00+08:00', '2026-01-01', '2026-03-31'],
      ['2026-04-01T00:00:00+08:00', '2026-04-01', '2026-06-30'],
      ['2026-09-30T23:59:59+08:00', '2026-07-01', '2026-09-30'],
      ['2026-11-22T08:00:00+08:00', '2026-10-01', '2026-12-31'],
    ];
    for (const [now, start, end] of cases) {
      const w = quotaWindow({ window: 'calendar-quarter', now, zone });
      expect([w.windowStart, w.windowEnd]).toEqual([start, end]);
    }
  });

  it("takes today's date in the zone and expires at the zone's next midnight", () => {
    // 31 March 17:00 UTC is already 1 April in Taipei
    const w = quotaWindow({ window: 'calendar-quarter', now: new Date('2026-03-31T17:00:00Z'), zone });
    expect(w.today).toBe('2026-04-01');
    expect(w.windowStart).toBe('2026-04-01');
    expect(w.expiresAt?.toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('covers the calendar year, the contract term and per-event', () => {
    expect(quotaWindow({ window: 'calendar-year', now: '2026-11-22T10:00:00+08:00', zone })).toMatchObject({
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
    });
    const term = quotaWindow({
      window: 'contract-term',
      now: '2026-11-22T10:00:00+08:00',
      zone,
      contractStart: '2026-07-01',
      contractEnd: '2027-06-30',
    });
    expect(term).toMatchObject({ windowStart: '2026-07-01', windowEnd: '2027-06-30' });
    expect(term.expiresAt?.toISOString()).toBe('2027-06-30T16:00:00.000Z');
    expect(quotaWindow({ window: 'per-event', now: '2026-11-22T10:00:00+08:00', zone })).toMatchObject({
      windowStart: null,
      windowEnd: null,
      expiresAt: null,
    });
  });

  it('rolls 12 months back from today', () => {
    const w = quotaWindow({ window: 'rolling-12-months', now: '2026-11-22T10:00:00+08:00', zone });
    expect(w).toMatchObject({ windowStart: '2025-11-23', windowEnd: '2026-11-22', expiresAt: null });
  });

  it('clips calendar windows to the contract term', () => {
    const w = quotaWindow({
      window: 'calendar-quarter',
      now: '2026-02-20T10:00:00+08:00',
      zone,
      contractStart: '2026-02-15',
      contractEnd: '2026-03-15',
    });
    expect([w.windowStart, w.windowEnd]).toEqual(['2026-02-15', '2026-03-15']);
  });

  it('refuses a moment outside the contract, a term window without dates, and unknown windows', () => {
    const now = '2026-11-22T10:00:00+08:00';
    expect(() => quotaWindow({ window: 'calendar-year', now, zone, contractEnd: '2026-06-30' })).toThrow(
      /contract ended on 2026-06-30/,
    );
    expect(() => quotaWindow({ window: 'contract-term', now, zone })).toThrow(/contract start and end/);
    expect(() => quotaWindow({ window: 'monthly' as never, now, zone })).toThrow(/window: expected one of/);
    expect(() => quotaWindow({ window: 'calendar-year', now, zone: 'Taipei' })).toThrow(/zone.*Taipei/);
  });
});

describe('quotaStatus', () => {
  const uses = [
    { date: '2026-03-30', count: 2 },
    { date: '2026-04-02' },
    { date: '2026-05-20', count: 2 },
    { date: '2026-07-01' },
  ];

  it('counts only the uses inside the current window', () => {
    const s = quotaStatus({
      rule: { limit: 4, window: 'calendar-quarter' },
      uses,
      now: '2026-06-30T12:00:00+08:00',
      zone,
    });
    expect(s).toMatchObject({
      windowStart: '2026-04-01',
      windowEnd: '2026-06-30',
      used: 3,
      remaining: 1,
      carriedOver: 0,
    });
  });

  it('carries nothing over unless the rule says so', () => {
    const now = '2026-04-10T12:00:00+08:00';
    const without = quotaStatus({ rule: { limit: 4, window: 'calendar-quarter' }, uses, now, zone });
    // uses booked later in the quarter count too
    expect(without).toMatchObject({ limit: 4, used: 3, remaining: 1, carriedOver: 0 });
    const withCarry = quotaStatus({ rule: { limit: 4, window: 'calendar-quarter', carryOver: true }, uses, now, zone });
    // Q1 used 2 of 4: 2 carried into Q2
    expect(withCarry).toMatchObject({ limit: 6, used: 3, remaining: 3, carriedOver: 2 });
  });

  it('carries over only from within the contract term', () => {
    const s = quotaStatus({
      rule: { limit: 4, window: 'calendar-quarter', carryOver: true },
      uses: [],
      now: '2026-04-10T12:00:00+08:00',
      zone,
      contractStart: '2026-04-01',
    });
    expect(s.carriedOver).toBe(0);
  });

  it('reports overuse and when a rolling window releases its oldest use', () => {
    const s = quotaStatus({
      rule: { limit: 2, window: 'rolling-12-months' },
      uses: [{ date: '2025-11-22' }, { date: '2025-11-23' }, { date: '2026-01-15', count: 2 }],
      now: '2026-11-22T10:00:00+08:00',
      zone,
    });
    expect(s).toMatchObject({ used: 3, remaining: 0, overBy: 1, nextRelease: '2026-11-23' });
  });

  it('counts all the uses of one event for a per-event quota', () => {
    const s = quotaStatus({
      rule: { limit: 5, window: 'per-event' },
      uses: [{ date: '2026-01-01', count: 3 }, { date: '2026-11-01' }],
      now: '2026-11-22T10:00:00+08:00',
      zone,
    });
    expect(s).toMatchObject({ used: 4, remaining: 1, windowStart: null });
  });

  it('refuses bad uses and carry-over on windows that have no previous window', () => {
    const now = '2026-11-22T10:00:00+08:00';
    expect(() =>
      quotaStatus({ rule: { limit: 2, window: 'calendar-year' }, uses: [{ date: '2026-13-01' }], now, zone }),
    ).toThrow(/uses\[0\]\.date.*2026-13-01/);
    expect(() =>
      quotaStatus({ rule: { limit: 2, window: 'calendar-year' }, uses: [{ date: '2026-01-01', count: 0 }], now, zone }),
    ).toThrow(/uses\[0\]\.count/);
    expect(() =>
      quotaStatus({ rule: { limit: 2, window: 'per-event', carryOver: true }, uses: [], now, zone }),
    ).toThrow(/carry-over applies to calendar-quarter and calendar-year/);
  });
});
