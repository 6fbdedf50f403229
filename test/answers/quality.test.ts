/**
 * The answer quality set: natural questions, each labelled with the record it must rest on (and the words
 * its first line must say), or as one the contracts do not answer. The two held-out parts (one written
 * before the question model, one before the second round of tuning) are reported apart (docs/answers.md).
 */
import { describe, expect, it } from 'vitest';
import { DEV } from './quality/dev.js';
import { evaluate } from './quality/evaluate.js';
import { HELD_OUT } from './quality/held-out.js';
import { HELD_OUT_2 } from './quality/held-out-2.js';

const ALL = [...DEV, ...HELD_OUT, ...HELD_OUT_2];
const HAN = /\p{Script=Han}/u;
/**
 * The share of the whole set answered right that `npm test` holds the engine to: issue 10 asks for 0.95; the
 * engine measures 0.972 (development 0.980, held out 0.952, second held-out part 0.953: docs/answers.md), so
 * the floor is the measured figure, to catch a regression.
 */
const FLOOR = 0.97;
/** Issue 10 asks that every out-of-scope question says so: all 42 do. */
const OUT_OF_SCOPE_FLOOR = 1;

describe('answer quality set', () => {
  it('is large and varied enough to mean something', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(300);
    expect(ALL.filter((q) => HAN.test(q.q)).length / ALL.length).toBeGreaterThanOrEqual(0.4);
    // Traditional and Simplified both (a character only one script uses)
    expect(ALL.some((q) => /[們這個時間應誰語]/u.test(q.q))).toBe(true);
    expect(ALL.some((q) => /[们这个时间应谁语]/u.test(q.q))).toBe(true);
    expect(ALL.filter((q) => q.expect === 'not-covered').length).toBeGreaterThanOrEqual(30);
    expect((HELD_OUT.length + HELD_OUT_2.length) / ALL.length).toBeGreaterThanOrEqual(0.19);
    expect(new Set(ALL.map((q) => q.q)).size).toBe(ALL.length);
  });

  const dev = evaluate(DEV);
  const held = evaluate(HELD_OUT);
  const held2 = evaluate(HELD_OUT_2);
  const verdicts = [...dev.verdicts, ...held.verdicts, ...held2.verdicts];
  const wrong = verdicts.filter((v) => !v.right);
  const share = 1 - wrong.length / ALL.length;

  it(`answers at least ${FLOOR * 100} % of the whole set right`, () => {
    console.log(
      `answer quality: development ${(dev.share * 100).toFixed(1)} % of ${DEV.length}, held out ${(held.share * 100).toFixed(1)} % of ${HELD_OUT.length}, second held-out ${(held2.share * 100).toFixed(1)} % of ${HELD_OUT_2.length}, whole ${(share * 100).toFixed(1)} % of ${ALL.length}`,
    );
    if (share < FLOOR) console.log(wrong.map((v) => `${JSON.stringify(v.q.q)}: ${v.why}`).join('\n'));
    expect(share).toBeGreaterThanOrEqual(FLOOR);
    // the target the issue sets
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('says so for the questions the contracts do not answer', () => {
    const outOfScope = verdicts.filter((v) => v.q.expect === 'not-covered');
    const answered = outOfScope
      .filter((v) => v.answer.kind !== 'not-covered')
      .map((v) => `${v.q.q} → ${v.answer.kind}: ${v.answer.summary.slice(0, 80)}`);
    if (answered.length > 0) console.log(`out-of-scope questions answered anyway:\n${answered.join('\n')}`);
    expect(1 - answered.length / outOfScope.length).toBeGreaterThanOrEqual(OUT_OF_SCOPE_FLOOR);
    // and the held-out part's every one
    expect(held.verdicts.filter((v) => v.q.expect === 'not-covered' && v.answer.kind !== 'not-covered')).toEqual([]);
  });

  it('cites verbatim quotes and leads with the answer in every right answer', () => {
    for (const v of verdicts.filter((x) => x.right && x.q.expect !== 'not-covered')) {
      expect(v.answer.summary.length).toBeGreaterThan(0);
      expect(v.answer.citations.length).toBeGreaterThan(0);
    }
  });
});
