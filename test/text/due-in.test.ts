import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDueIn, formatWallSpan } from '../../src/text/time.js';

const H = 3_600_000;

describe('durations rolled up for reading', () => {
  it('rolls wall time into days and hours, and says the business time beside it', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(formatDueIn(now + 52 * H, now, 11 * 60)).toBe('in 2 d 4 h, 11 h of business time');
    expect(formatDueIn(now - 3 * H - 10 * 60_000, now, -125)).toBe(
      '3 h 10 min ago, late by 2 h 5 min of business time',
    );
    expect(formatDueIn(now + 45 * 60_000, now, undefined)).toBe('in 45 min');
    expect(formatDueIn(now + 52 * H, now, 660, 'zh')).toBe('2 天 4 小時後，剩餘 11 小時 營業時間');
    expect(formatWallSpan(20_000)).toBe('under a minute');
  });

  it('never loses a day or an hour (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 60 }), (minutes) => {
        const text = formatWallSpan(minutes * 60_000);
        const d = Number(/(\d+) d/.exec(text)?.[1] ?? 0);
        const h = Number(/(\d+) h/.exec(text)?.[1] ?? 0);
        const m = Number(/(\d+) min/.exec(text)?.[1] ?? 0);
        const shown = d * 1440 + h * 60 + m;
        // minutes are dropped only once whole days are shown
        expect(minutes - shown).toBeGreaterThanOrEqual(0);
        expect(minutes - shown).toBeLessThan(d > 0 ? 60 : 1);
      }),
    );
  });
});
