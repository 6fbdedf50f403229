/**
 * Numbers as people write them in questions and contracts (pure): digits ("4", "4.5", "60,000", full width),
 * English words ("four", "twelve", "thirty") and Chinese numerals up to 99 ("四", "兩", "十二", "二十五").
 */

const EN: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

const ZH: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The English number words, longest first (for building patterns). */
export const ENGLISH_NUMBER_WORDS: readonly string[] = Object.keys(EN).sort((a, b) => b.length - a.length);

/** '4', '4.5', '60,000', '十二', '兩', 'four' → a number; undefined for anything else. */
export function numberOf(word: string): number | undefined {
  const w = word.normalize('NFKC').replace(/,/gu, '').trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/u.test(w)) return Number(w);
  if (w in EN) return EN[w];
  if (!/^[零一二兩两三四五六七八九十]{1,3}$/u.test(w)) return undefined;
  const ten = w.indexOf('十');
  if (ten === -1) return w.length === 1 ? ZH[w] : undefined;
  if (w.indexOf('十', ten + 1) !== -1) return undefined;
  const tens = ten === 0 ? 1 : ZH[w.slice(0, ten)];
  const ones = ten === w.length - 1 ? 0 : ZH[w.slice(ten + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}
