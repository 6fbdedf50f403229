/**
 * Every fact is an answer: walks the whole knowledge base and asks, for every record (fact, target, quota,
 * price, fee step), one English and one Chinese question made from its own words. The record must come back
 * first, as the answer engine ranks them (the record index, then the question's entities).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/answers/parse/question.js';
import { rankRecords } from '../../src/answers/rank-records.js';
import { type AnswerRecord, recordsOf } from '../../src/knowledge/records.js';
import { context, knowledge, search } from '../support/answers.js';

const records = recordsOf(knowledge);

/** Whose the record is, as a person would say it: the plan's name (or the vendor's). */
function owner(r: AnswerRecord, lang: 'en' | 'zh'): string {
  const file = knowledge.plans.find((f) => f.vendor === r.vendor);
  const plan = r.plans.length === 1 ? file?.plans.find((p) => p.id === r.plans[0]) : undefined;
  return plan ? plan.name[lang] : (file?.vendorName[lang] ?? r.vendor);
}

/** "Gold: 8 professional services hours." → "Gold: 8 professional services hours?" with its owner named. */
function englishQuestion(r: AnswerRecord): string {
  const words = r.text.en
    .replace(/[.!]+$/u, '')
    .split(/\s+/)
    .slice(0, 16)
    .join(' ');
  return `${owner(r, 'en')}: ${words}?`;
}

function chineseQuestion(r: AnswerRecord): string {
  const clause = r.text.zh.replace(/[。！]+$/u, '').slice(0, 40);
  return `${owner(r, 'zh')}：${clause}？`;
}

describe('record walk', () => {
  beforeAll(() => {
    search();
  });

  it('indexes every fact, target, quota, price and fee step', () => {
    const k = knowledge.plans;
    const expected =
      k.reduce((n, f) => n + f.facts.length + f.targets.length + f.quotas.length + f.prices.length, 0) +
      k.reduce(
        (n, f) => n + (f.fees.cancellation ? 1 + f.fees.cancellation.steps.length : 0) + (f.fees.flexCap ? 1 : 0),
        0,
      );
    expect(records.length).toBe(expected);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it.each([
    ['English', englishQuestion],
    ['Chinese', chineseQuestion],
  ] as const)('a %s question from each record’s own words finds that record first', (_, make) => {
    const ctx = context({ search: search() });
    const misses: string[] = [];
    for (const r of records) {
      const text = make(r);
      const ranked = rankRecords(understand(text, knowledge), ctx);
      const first = ranked[0]?.record;
      // two records that say exactly the same thing in the same words are the same answer
      // (or quote the same passage: a quota and the fact stating it)
      const same =
        first &&
        first.vendor === r.vendor &&
        ((first.text.en === r.text.en && first.text.zh === r.text.zh) || first.source.quote === r.source.quote);
      if (first?.id !== r.id && !same) misses.push(`${r.id}: ${JSON.stringify(text)} → ${first?.id}`);
    }
    expect(misses).toEqual([]);
  });
});
