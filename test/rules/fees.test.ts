import { describe, expect, it } from 'vitest';
import { type CancellationStep, cancellationFee, flexCreditCap, listPrice } from '../../src/rules/index.js';

/** Microsoft's schedule as knowledge/plans states it: 14+ days free, 6–13 days 50 %, 0–5 days 100 %. */
const microsoft: CancellationStep[] = [
  { minDays: 14, maxDays: null, chargePercent: 0 },
  { minDays: 6, maxDays: 13, chargePercent: 50 },
  { minDays: 0, maxDays: 5, chargePercent: 100 },
];

const noticeBefore = (days: number) => {
  const d = new Date(Date.UTC(2026, 11, 18) - days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe('cancellationFee', () => {
  it.each([
    [30, 0],
    [14, 0],
    [13, 50],
    [6, 50],
    [5, 100],
    [1, 100],
    [0, 100],
  ])('charges for %i days of notice %i %%', (days, percent) => {
    const result = cancellationFee({ serviceDate: '2026-12-18', noticeDate: noticeBefore(days), steps: microsoft });
    expect(result.daysOfNotice).toBe(days);
    expect(result.percent).toBe(percent);
    expect(result.fee).toBeUndefined();
  });

  it('counts whole calendar days across months and years, and gives the fee and the step', () => {
    const result = cancellationFee({
      serviceDate: '2027-01-05',
      noticeDate: '2026-12-23',
      amount: 12_345.67,
      steps: microsoft,
    });
    expect(result.daysOfNotice).toBe(13);
    expect(result.fee).toBe(6172.84);
    expect(result.step).toEqual(microsoft[1]);
    expect(result.stepIndex).toBe(1);
  });

  it('refuses a notice after the service date', () => {
    expect(() => cancellationFee({ serviceDate: '2026-12-18', noticeDate: '2026-12-19', steps: microsoft })).toThrow(
      /noticeDate: 2026-12-19 is after the service date 2026-12-18/,
    );
  });

  it('refuses bad dates, amounts and schedules with a clear message', () => {
    expect(() => cancellationFee({ serviceDate: '18.12.2026', noticeDate: '2026-12-01', steps: microsoft })).toThrow(
      /serviceDate: expected a date 'YYYY-MM-DD', got "18.12.2026"/,
    );
    expect(() =>
      cancellationFee({ serviceDate: '2026-12-18', noticeDate: '2026-12-01', amount: -5, steps: microsoft }),
    ).toThrow(/amount/);
    expect(() =>
      cancellationFee({
        serviceDate: '2026-12-18',
        noticeDate: '2026-12-16',
        steps: [microsoft[0] as CancellationStep],
      }),
    ).toThrow(/no step covers 2 days of notice \(the steps cover 14\+ days\)/);
    expect(() =>
      cancellationFee({
        serviceDate: '2026-12-18',
        noticeDate: '2026-12-01',
        steps: [
          { minDays: 0, maxDays: 6, chargePercent: 100 },
          { minDays: 6, maxDays: null, chargePercent: 0 },
        ],
      }),
    ).toThrow(/overlap/);
    expect(() => cancellationFee({ serviceDate: '2026-12-18', noticeDate: '2026-12-01', steps: [] })).toThrow(/steps/);
  });
});

describe('flexCreditCap', () => {
  it('is the greater of the percentage or the floor', () => {
    expect(flexCreditCap({ allowance: 1_000_000, percent: 20, floor: 50_000 })).toEqual({
      cap: 200_000,
      by: 'percent',
      percentAmount: 200_000,
    });
    expect(flexCreditCap({ allowance: 100_000, percent: 20, floor: 50_000 })).toEqual({
      cap: 50_000,
      by: 'floor',
      percentAmount: 20_000,
    });
    expect(flexCreditCap({ allowance: 250_000, percent: 20, floor: 50_000 }).cap).toBe(50_000);
  });

  it('never exceeds the allowance itself', () => {
    expect(flexCreditCap({ allowance: 30_000, percent: 20, floor: 50_000 })).toEqual({
      cap: 30_000,
      by: 'allowance',
      percentAmount: 6_000,
    });
  });

  it('refuses negative or out-of-range numbers', () => {
    expect(() => flexCreditCap({ allowance: -1, percent: 20, floor: 50_000 })).toThrow(/allowance.*-1/);
    expect(() => flexCreditCap({ allowance: 1, percent: 120, floor: 50_000 })).toThrow(/percent.*from 0 to 100/);
  });
});

describe('listPrice', () => {
  const prices = [
    { plan: 'gold', customerType: 'commercial', amount: 1200, currency: 'USD', period: null },
    { plan: 'gold', customerType: 'education', amount: 800, currency: 'USD', period: null },
  ];

  it('picks the tier for the customer type', () => {
    expect(listPrice(prices, 'gold', 'education').amount).toBe(800);
  });

  it('names what is known when nothing matches', () => {
    expect(() => listPrice(prices, 'platinum', 'commercial')).toThrow(/gold\/commercial, gold\/education/);
  });
});
