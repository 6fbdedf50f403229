/** `plan check` gives every problem a place in the file and a hint (src/plans/check-hints.ts). */
import { describe, expect, it } from 'vitest';
import { checkText as check, examplePlanText } from './helpers.js';

describe('every problem has a place and a hint', () => {
  it('for any of a set of typical mistakes', () => {
    const mistakes: [string, string][] = [
      ['kind: addon', 'kind: base'], // not present: no change
      ['    kind: base\n    name: { en: Larkspur Premier', '    kind: addon\n    name: { en: Larkspur Premier'],
      [
        "severities: ['1']\n    kind: response\n    span: { minutes: 240 }",
        "severities: ['9']\n    kind: response\n    span: { minutes: 240 }",
      ],
      ['cadence: daily', 'cadence: weekly'],
      ['window: calendar-year', 'window: fiscal-year'],
      ['level: critical', 'level: urgent'],
      ['related: [larkspur-severity-downgrade]', 'related: [nothing-like-it]'],
      ['  - id: larkspur-tam', '  - id: larkspur-severity-change'],
      ['{ minDays: 3, maxDays: 9, chargePercent: 50 }', '{ minDays: 9, maxDays: 3, chargePercent: 50 }'],
      [
        'currency: USD\n    period: year\n    source:\n      doc: larkspur-support-policy.txt\n      quote: USD 12,000',
        'currency: USD\n    period: year\n    plan_: x\n    source:\n      doc: larkspur-support-policy.txt\n      quote: USD 12,000',
      ],
    ];
    let changed = 0;
    for (const [from, to] of mistakes) {
      const plan = examplePlanText().replace(from, to);
      if (plan !== examplePlanText()) changed++;
      const problems = check(plan).problems;
      if (plan === examplePlanText()) {
        expect(problems).toEqual([]);
        continue;
      }
      expect(problems.length, to).toBeGreaterThan(0);
      for (const p of problems) {
        expect(p.line, `${to}: ${p.message}`).toBeGreaterThan(0);
        expect(p.column, `${to}: ${p.message}`).toBeGreaterThan(0);
        expect(p.hint, `${to}: ${p.message}`).toBeTruthy();
      }
    }
    expect(changed).toBe(mistakes.length - 1);
  });
});
