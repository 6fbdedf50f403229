/** `plan check` on a plan's values: quotes against the source document (src/plans/check-values.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText as check, exampleDocText, examplePlanText } from './helpers.js';

describe('quotes match whitespace- and width-insensitively, nothing else', () => {
  const doc = exampleDocText();
  const quote = 'Premier Support includes 4 architecture reviews per calendar year';
  const withQuote = (q: string) => examplePlanText().replace(`quote: ${quote}`, `quote: ${JSON.stringify(q)}`);

  it('full-width letters and digits, and any whitespace between words, still match', () => {
    const fullWidth = quote.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(check(withQuote(fullWidth)).problems).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '\u3000', '\t', ''), { minLength: 0, maxLength: 3 }), (gaps) => {
        const q = quote
          .split(' ')
          .map((w, i) => (i === 0 ? w : `${gaps[i % gaps.length] ?? ' '}${w}`))
          .join('');
        return check(withQuote(q), doc).problems.length === 0;
      }),
      { numRuns: 20 },
    );
  });

  it('a changed word, digit or letter case does not', () => {
    for (const q of [quote.replace('4', '5'), quote.replace('reviews', 'review'), quote.toUpperCase()]) {
      const problems = check(withQuote(q)).problems;
      expect(problems.map((p) => p.path)).toEqual(['quotas[0].source.quote']);
    }
  });
});
