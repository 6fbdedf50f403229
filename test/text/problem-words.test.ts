/**
 * The parser's problems are keyed: each is said in either language from its code, so a Chinese reader sees
 * Chinese (before, a Chinese answer matched the parser's English sentences and showed any it missed in English).
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/answers/parse/parse.js';
import { type ParseProblem, problemText } from '../../src/text/problem-words.js';
import { knowledge } from '../support/answers.js';

const SAMPLES: ParseProblem[] = [
  { code: 'not-amount', value: 'abc', example: 'amount 12000' },
  { code: 'not-positive-amount', value: '-5' },
  { code: 'not-uses', value: '-5' },
  { code: 'not-whole-uses', value: '1.5' },
  { code: 'not-date', value: '2026-02-30' },
  { code: 'not-date-format', value: '2026/2' },
  { code: 'not-calendar-day', value: '2026-02-30' },
  { code: 'not-calendar-date', value: '2026-02-30' },
  { code: 'date-needs-year' },
  { code: 'not-time-of-day', value: '25:99' },
  { code: 'bad-zone', value: 'Mars/Base' },
  { code: 'no-such-time', value: '02:30', zone: 'Europe/Berlin' },
  { code: 'not-contract-id', value: 'x' },
  { code: 'which-contract' },
];

/** Latin words outside the values the problem repeats and the formats and commands it shows. */
function englishWords(text: string, p: ParseProblem): string[] {
  const own = Object.values(p).join(' ');
  const allowed = /^(YYYY|MM|DD|IANA|amount|contract|remove)$/;
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !own.includes(w) && !allowed.test(w));
}

describe('parser problems', () => {
  it.each(SAMPLES.map((p) => [p.code, p] as const))('%s is said in Chinese without English words', (_, p) => {
    const zh = problemText(p, 'zh');
    expect(englishWords(zh, p), zh).toEqual([]);
    expect(problemText(p, 'en')).not.toBe(zh);
  });

  it('are keyed by the parser, not sentences', () => {
    const cmd = parseCommand('fee cancel 2026-02-30 amount abc', knowledge);
    expect(cmd.kind).toBe('fee-cancel');
    if (cmd.kind !== 'fee-cancel') return;
    expect(cmd.problems.map((p) => p.code).sort()).toEqual(['not-amount', 'not-calendar-day']);
    expect(cmd.problems.map((p) => problemText(p, 'zh')).join('')).toMatch(
      /不是金額.*不是日曆上的日期|不是日曆上的日期.*不是金額/,
    );
  });
});
