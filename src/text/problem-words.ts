/**
 * What the command parser could not read, as keyed problems (the parser names the problem and the words it
 * concerns; this table says it in either language). Before, the parser wrote English sentences and a Chinese
 * answer matched them back by their wording.
 */
import type { Language } from '../model/language.js';
import { wordTable } from './word-table.js';

export type ParseProblem =
  | { code: 'not-amount'; value: string; example?: string }
  | { code: 'not-positive-amount'; value: string }
  | { code: 'not-uses'; value: string }
  | { code: 'not-whole-uses'; value: string }
  | { code: 'not-date'; value: string }
  | { code: 'not-date-format'; value: string }
  | { code: 'not-calendar-day'; value: string }
  | { code: 'not-calendar-date'; value: string }
  | { code: 'date-needs-year' }
  | { code: 'not-time-of-day'; value: string }
  | { code: 'bad-zone'; value: string }
  | { code: 'no-such-time'; value: string; zone: string }
  | { code: 'not-contract-id'; value: string }
  | { code: 'which-contract' };

type Say = { [C in ParseProblem['code']]: (p: Extract<ParseProblem, { code: C }>) => string };

const en: Say = {
  'not-amount': (p) => `"${p.value}" is not an amount${p.example ? ` (e.g. ${p.example})` : ''}`,
  'not-positive-amount': (p) => `"${p.value}" is not an amount: write a positive decimal number`,
  'not-uses': (p) => `"${p.value}" is not a number of uses: write a whole number such as 1 or 2`,
  'not-whole-uses': (p) => `${p.value} is not a whole number of uses`,
  'not-date': (p) => `${p.value} is not a date`,
  'not-date-format': (p) => `"${p.value}" is not a date (expected YYYY-MM-DD, e.g. 2026-12-20)`,
  'not-calendar-day': (p) => `${p.value} is not a day in the calendar`,
  'not-calendar-date': (p) => `${p.value} is not a date in the calendar (expected YYYY-MM-DD)`,
  'date-needs-year': () => 'dates need the year: write them as YYYY-MM-DD, e.g. 2026-12-20',
  'not-time-of-day': (p) => `"${p.value}" is not a time of day`,
  'bad-zone': (p) => `the zone ${p.value} is not a valid IANA time zone`,
  'no-such-time': (p) => `"${p.value}" is not a time that exists in ${p.zone}`,
  'not-contract-id': (p) => `"${p.value}" is not a contract id`,
  'which-contract': () => 'which contract? Give its id, e.g. `contract remove 3`',
};

const zh: Say = {
  'not-amount': (p) => `「${p.value}」不是金額${p.example ? `（例如 ${p.example}）` : ''}`,
  'not-positive-amount': (p) => `「${p.value}」不是金額：請寫正的十進位數字`,
  'not-uses': (p) => `「${p.value}」不是使用次數：請寫整數，例如 1 或 2`,
  'not-whole-uses': (p) => `${p.value} 不是整數的使用次數`,
  'not-date': (p) => `${p.value} 不是日期`,
  'not-date-format': (p) => `「${p.value}」不是日期（格式為 YYYY-MM-DD，例如 2026-12-20）`,
  'not-calendar-day': (p) => `${p.value} 不是日曆上的日期`,
  'not-calendar-date': (p) => `${p.value} 不是日曆上的日期（格式為 YYYY-MM-DD）`,
  'date-needs-year': () => '日期需要年份：請寫成 YYYY-MM-DD，例如 2026-12-20',
  'not-time-of-day': (p) => `「${p.value}」不是一天中的時間（例如 16:00）`,
  'bad-zone': (p) => `${p.value} 不是有效的 IANA 時區`,
  'no-such-time': (p) => `${p.zone} 沒有「${p.value}」這個時間`,
  'not-contract-id': (p) => `「${p.value}」不是合約編號`,
  'which-contract': () => '哪一份合約？請給合約編號，例如 `contract remove 3`',
};

const say = wordTable<Say>(en, zh);

/** The problem as a clause (no full stop: the caller ends the sentence in its language). */
export function problemText(problem: ParseProblem, lang: Language): string {
  const text = say(lang)[problem.code] as (p: ParseProblem) => string;
  return text(problem);
}

/** Several problems as sentences: "a. b." / 「a。b。」 */
export function problemsText(problems: readonly ParseProblem[], lang: Language): string {
  return problems.map((p) => `${problemText(p, lang)}${lang === 'zh' ? '。' : '.'}`).join(lang === 'zh' ? '' : ' ');
}
