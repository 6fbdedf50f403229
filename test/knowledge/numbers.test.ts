import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberOf } from '../../src/knowledge/numbers.js';

const ZH_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 written as a Chinese numeral: 十二, 二十, 二十五, 九 */
const chinese = (n: number) =>
  n < 10 ? ZH_DIGITS[n]! : `${n >= 20 ? ZH_DIGITS[Math.floor(n / 10)] : ''}十${ZH_DIGITS[n % 10]}`;

describe('numberOf', () => {
  it('reads digits, decimals, thousands and full-width digits', () => {
    expect([numberOf('4'), numberOf('4.5'), numberOf('60,000'), numberOf('１２')]).toEqual([4, 4.5, 60000, 12]);
  });

  it('reads English number words in any case', () => {
    expect([numberOf('three'), numberOf('Twelve'), numberOf('thirty')]).toEqual([3, 12, 30]);
  });

  it('reads every Chinese numeral from 1 to 99, and 兩/两 as 2', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), (n) => numberOf(chinese(n)) === n));
    expect([numberOf('兩'), numberOf('两')]).toEqual([2, 2]);
  });

  it('refuses what is not a number', () => {
    for (const w of ['', 'a', 'several', '十十', '一二三四', '1e3', '-5', 'x4']) expect(numberOf(w)).toBeUndefined();
  });
});
