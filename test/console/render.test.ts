import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/console/render.js';
import { emptyAnswer } from '../../src/model/answer.js';
import { displayWidth, tableLines } from '../../src/text/format.js';
import { formatLeft } from '../../src/text/time.js';

describe('renderAnswer', () => {
  it('renders an answer as plain text: facts, both zones, time left, explanation, quote, suggestions', () => {
    const a = emptyAnswer('due', 'Microsoft Unified — Severity B', 'Microsoft must respond within 2 business hours.');
    a.facts.push({ label: 'First response', value: '2 business hours', cite: 0 });
    a.times.push({
      label: 'First response due',
      at: '2026-03-02T11:00:00.000+08:00',
      zone: 'Asia/Taipei',
      userAt: '2026-03-01T22:00:00.000-05:00',
      userZone: 'America/New_York',
      minutesLeft: -30,
      explanation: 'Opened 09:00 Monday; 2 business hours later.',
    });
    a.citations.push({
      doc: 'microsoft.txt',
      quote: '2 個 營業小時',
      gloss: '2 business hours',
      certainty: 'inferred',
      reason: 'the table lost a column',
    });
    a.notes.push('Business hours default to 09:00–17:30.');
    a.suggestions.push('sla b unified');
    const text = renderAnswer(a);
    expect(text.split('\n')[0]).toBe('Microsoft Unified — Severity B');
    expect(text).toContain('First response: 2 business hours [1]');
    expect(text).toContain('Mon 2 Mar 2026 11:00');
    expect(text).toContain('(Asia/Taipei)');
    expect(text).toContain('Sun 1 Mar 2026 22:00');
    expect(text).toContain('your time (America/New_York)');
    expect(text).toContain('late by 30 min of business time');
    expect(text).toContain('Why: Opened 09:00 Monday');
    expect(text).toContain('[1] 「2 個 營業小時」');
    expect(text).toContain('2 business hours\n');
    expect(text).toContain('microsoft.txt (inferred: the table lost a column)');
    expect(text).toContain('Note: Business hours default');
    expect(text).toContain('Try: sla b unified');
    expect(text).not.toMatch(/[*_`]{2}/);
  });

  it('does not repeat the user zone when it is the contract zone', () => {
    const a = emptyAnswer('due', 'T', 'S');
    a.times.push({ label: 'Due', at: '2026-03-02T11:00:00+01:00', zone: 'Europe/Berlin', userZone: 'Europe/Berlin' });
    expect(renderAnswer(a)).not.toContain('your time');
  });

  it('aligns table columns, counting Chinese characters as two columns wide', () => {
    const a = emptyAnswer('price', 'Prices', '');
    a.tables.push({
      columns: ['Plan', 'Price'],
      rows: [
        ['金級', '100'],
        ['Platinum', '200'],
      ],
    });
    const lines = renderAnswer(a).split('\n');
    const gold = lines.find((l) => l.includes('金級'))!;
    const platinum = lines.find((l) => l.includes('Platinum'))!;
    // "金級" is 4 columns wide, "Platinum" 8: both prices start in the same column
    expect(gold.indexOf('100') + 2).toBe(platinum.indexOf('200'));
  });
});

describe('tableLines', () => {
  // a deliberately plain reference: measure every cell by its characters, pad, join with two spaces
  const wide = (ch: string) =>
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
      ch,
    );
  const width = (s: string) => [...s].reduce((n, ch) => n + (wide(ch) ? 2 : 1), 0);
  const reference = (columns: string[], rows: string[][]) => {
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    const all = [columns.map(clean), ...rows.map((r) => r.map(clean))];
    const widths = columns.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
    const line = (r: string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
        .join('  ')
        .trimEnd();
    return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)];
  };

  it('pads every cell to its column’s display width, like a plain reference (property)', () => {
    const cell = fc.string({
      maxLength: 12,
      unit: fc.constantFrom('a', 'Z', '1', ' ', '\t', '金', '級', '😀', 'é', '-'),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(tableLines(['A', 'Bee', 'C'], rows)).toEqual(reference(['A', 'Bee', 'C'], rows));
      }),
      { numRuns: 300 },
    );
  });

  it('counts Chinese as two columns and ASCII as one', () => {
    expect(displayWidth('金級 Gold')).toBe(9);
    expect(displayWidth('Gold')).toBe(4);
  });
});

describe('business time left', () => {
  it('is told in hours, never in 24-hour days (a business day is not 24 hours of business time)', () => {
    expect(formatLeft(163 * 60)).toBe('in 163 h of business time');
    expect(formatLeft(9 * 60 + 5)).toBe('in 9 h 5 min of business time');
    expect(formatLeft(-(9 * 60 + 5))).toBe('late by 9 h 5 min of business time');
    expect(formatLeft(30)).toBe('in 30 min of business time');
    expect(formatLeft(-30, 'zh')).toBe('已逾期 30 分鐘 營業時間');
  });
});
