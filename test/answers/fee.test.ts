import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseContractArgs } from '../../src/answers/index.js';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import { problemsText } from '../../src/text/problem-words.js';
import { answer, context, contract, knowledge } from '../support/answers.js';

const schedule = knowledge.plans.find((f) => f.fees.cancellation)?.fees.cancellation;
const flex = knowledge.plans.find((f) => f.fees.flexCap)?.fees.flexCap;
const minus = (date: string, days: number) => DateTime.fromISO(date).minus({ days }).toISODate();

describe('fee cancel', () => {
  it('fee cancel 2026-12-20 notice 2026-12-07 → 13 days → 50 %, with the quote and every step', () => {
    const a = answer('fee cancel 2026-12-20 notice 2026-12-07', context());
    expect(a.kind).toBe('fee');
    expect(a.summary).toMatch(/^13 days of notice.*50 %/);
    expect(a.tables[0]?.rows).toHaveLength(schedule?.steps.length ?? -1);
    expect(a.tables[0]?.rows.find((r) => r[3])?.[1]).toBe('50 %');
    for (const c of a.citations) expect(quoteOccursIn(c.quote, knowledge.sourceText(c.doc))).toBe(true);
    expect(a.notes.some((n) => /on or before 2026-12-06/.test(n))).toBe(true);
  });

  it('every boundary of every step charges that step’s percentage', () => {
    for (const step of schedule?.steps ?? []) {
      for (const days of [step.minDays, step.maxDays ?? step.minDays + 30]) {
        const a = answer(`fee cancel 2027-03-01 notice ${minus('2027-03-01', days)} amount 1000`, context());
        expect(a.summary, `${days} days`).toContain(`${days} days of notice`);
        expect(a.facts.find((f) => f.label === 'Charge')?.value).toBe(`${step.chargePercent} %`);
        expect(a.facts.find((f) => f.label === 'Fee')?.value).toMatch(
          new RegExp(`^${(step.chargePercent * 10).toLocaleString('en-US')}`),
        );
      }
    }
  });

  it('notice as a number of days, and no notice date (today)', () => {
    const days = answer('fee cancel 2026-12-20 notice 14 days', context());
    expect(days.summary).toMatch(/^14 days of notice/);
    const today = answer('fee cancel 2026-12-20', context({ now: new Date('2026-12-10T12:00:00Z') }));
    expect(today.summary).toMatch(/^10 days of notice/);
    expect(today.notes.some((n) => n.startsWith('No notice date given'))).toBe(true);
  });

  it('a notice after the service date is explained, not thrown', () => {
    const a = answer('fee cancel 2026-12-01 notice 2026-12-07', context());
    expect(a.kind).toBe('not-understood');
    expect(a.summary).toMatch(/after the service date 2026-12-01/);
    expect(a.suggestions).toContain('fee cancel 2026-12-07 notice 2026-12-01');
  });

  it('without a date it says what to type', () => {
    const a = answer('fee cancel', context());
    expect(a.kind).toBe('not-understood');
    expect(a.suggestions[0]).toMatch(/^fee cancel \d{4}-\d{2}-\d{2} notice/);
  });

  it('in Chinese', () => {
    const a = answer('取消費 2026-12-20 通知 2026-12-07', context());
    expect(a.summary).toMatch(/^提前 13 天取消/);
  });
});

describe('fee flex', () => {
  it('the cap is the greater of the percentage and the floor (never above the allowance)', () => {
    if (!flex) throw new Error('no flex rule in the knowledge files');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (allowance) => {
        const a = answer(`fee flex ${allowance}`, context());
        const cap = Number((a.facts.find((f) => f.label === 'Cap')?.value ?? '').replace(/[^\d.]/g, ''));
        const expected = Math.min(allowance, Math.max((allowance * flex.percent) / 100, flex.floor));
        expect(cap).toBeCloseTo(expected, 2);
      }),
      { numRuns: 50 },
    );
  });

  it('explains where the percentage takes over, and cites the rule', () => {
    const a = answer('fee flex 100000', context());
    const breakEven = ((flex?.floor ?? 0) * 100) / (flex?.percent ?? 1);
    expect(a.notes.some((n) => n.includes(breakEven.toLocaleString('en-US')))).toBe(true);
    expect(a.citations[0]?.quote).toContain('以價高者為準');
  });

  it('takes the allowance from the workspace contract when none is typed', () => {
    const ms = contract({ vendor: 'microsoft', plan: 'unified', amounts: { flexAllowance: 400000 } });
    const a = answer('fee flex', context({ contracts: [ms] }));
    expect(a.facts.find((f) => f.label === 'Allowance')?.value).toBe('USD 400,000');
  });
});

describe('price', () => {
  it('lists every Jamf price, says the period is not stated and Standard has no listed price', () => {
    const a = answer('price', context());
    const prices = knowledge.vendor('jamf').prices;
    const cells = a.tables[0]?.rows.flat().join(' ') ?? '';
    for (const p of prices) expect(cells).toContain(p.amount.toLocaleString('en-US'));
    expect(a.notes.some((n) => /does not state the period/.test(n))).toBe(true);
    expect(a.notes.some((n) => /Standard.*no listed price/.test(n))).toBe(true);
    expect(a.citations).toHaveLength(prices.length);
  });

  it('one tier and customer type', () => {
    const a = answer('price gold education', context());
    const gold = knowledge.vendor('jamf').prices.find((p) => p.plan === 'gold' && p.customerType === 'education');
    expect(a.tables[0]?.rows).toEqual([
      [expect.stringContaining('Gold'), `USD ${gold?.amount.toLocaleString('en-US')}`],
    ]);
  });

  it('a plan without prices says so', () => {
    const a = answer('price unified', context());
    expect(a.kind).toBe('not-covered');
  });
});

describe('a cancellation asked in words', () => {
  it('"can I cancel a workshop 3 days before?" answers with the step for 3 days of notice', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const a = answer('can I cancel a workshop 3 days before?', context({ now }));
    expect(a.kind).toBe('fee');
    expect(a.summary).toMatch(/^3 days of notice/);
    expect(a.facts.find((f) => /Charge/.test(f.label))?.value).toBe('100 %');
    expect(a.notes[0]).toMatch(/service 3 days later \(2026-12-04\)/);
    const early = answer('what if I cancel 20 days ahead', context({ now }));
    expect(early.facts.find((f) => /Charge/.test(f.label))?.value).toBe('0 %');
  });

  it('in Chinese: 提前 10 天取消', () => {
    const a = answer('提前 10 天取消要付多少', context({ now: new Date('2026-12-01T10:00:00Z') }));
    expect(a.kind).toBe('fee');
    expect(a.facts.some((f) => f.value === '50 %')).toBe(true);
  });
});

describe('numbers are decimal, positive and finite', () => {
  it('refuses 1e309, -5 and 0x10 as a flex allowance instead of reading 309, 5 or 10', () => {
    for (const typed of ['1e309', '-5', '0x10', 'Infinity']) {
      const parsed = parseContractArgs(knowledge, `microsoft unified flex=${typed}`);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.answer.summary).toMatch(/flex: ".*" is not an amount: write a positive decimal/);
      const asked = answer(`fee flex ${typed}`, context());
      expect(asked.summary).toContain('is not an amount');
      expect(asked.facts).toEqual([]);
    }
    const good = parseContractArgs(knowledge, 'microsoft unified flex=250,000');
    expect(good.ok && good.input.amounts.flexAllowance).toBe(250_000);
    const k = parseContractArgs(knowledge, 'microsoft unified flex=1.5m');
    expect(k.ok && k.input.amounts.flexAllowance).toBe(1_500_000);
  });

  it('refuses a negative number of quota uses instead of counting it as positive', () => {
    const cmd = parseCommand('quota use coaching -5', knowledge);
    expect(cmd.kind).toBe('quota-use');
    if (cmd.kind === 'quota-use') expect(problemsText(cmd.problems, 'en')).toMatch(/"-5" is not a number of uses/);
  });
});
