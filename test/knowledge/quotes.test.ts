import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuote, normalizeForQuote, quoteOccurrences, quoteOccursIn } from '../../src/knowledge/quotes.js';
import { sourceText } from '../support/knowledge.js';

describe('normalizeForQuote', () => {
  it('drops every kind of whitespace the PDF extraction left, including full-width spaces and tabs', () => {
    expect(normalizeForQuote('每 2  \n\n個工作小時')).toBe('每2個工作小時');
    expect(normalizeForQuote('當地上班 \n時間\tx\u30005')).toBe('當地上班時間x5');
    expect(normalizeForQuote('a\u00a0b\u200bc')).toBe('abc');
  });

  it('applies NFKC, so full-width punctuation matches its ASCII form', () => {
    expect(normalizeForQuote('緊急（Priority 1）')).toBe(normalizeForQuote('緊急(Priority 1)'));
    expect(normalizeForQuote('ＡＢＣ：１')).toBe('ABC:1');
  });
});

describe('quoteOccursIn', () => {
  const jamf = sourceText('jamf-support.zh-TW.txt');

  it('finds a quote across the line breaks of the source', () => {
    expect(quoteOccursIn('白金級 1h 24x7 每 2 個工作小時', jamf)).toBe(true);
  });

  it('does not find text that is not there, nor an empty quote', () => {
    expect(quoteOccursIn('白金級 1h 24x7 每 3 個工作小時', jamf)).toBe(false);
    expect(quoteOccursIn(' \n ', jamf)).toBe(false);
  });

  it('counts occurrences', () => {
    expect(quoteOccurrences('每個工作日一次', jamf)).toBe(4);
    expect(quoteOccurrences('not there', jamf)).toBe(0);
  });

  it('finds any stretch of a document, however its whitespace is rewritten (property)', () => {
    const doc = sourceText('microsoft-unified-enterprise-support.zh-TW.txt');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: doc.length - 200 }),
        fc.integer({ min: 5, max: 120 }),
        fc.array(fc.constantFrom(' ', '\n', '\t', '\u3000', ''), { minLength: 1, maxLength: 10 }),
        (start, length, spaces) => {
          const slice = doc.slice(start, start + length);
          fc.pre(normalizeForQuote(slice).length > 0);
          // re-space the slice: remove its whitespace, insert other whitespace at arbitrary points
          const chars = [...slice.replace(/\s/g, '')];
          const respaced = chars.map((c, i) => c + (spaces[i % spaces.length] ?? '')).join('');
          expect(quoteOccursIn(respaced, doc)).toBe(true);
          const at = findQuote(respaced, doc);
          expect(at).not.toBeNull();
          if (at) expect(normalizeForQuote(doc.slice(at.start, at.end))).toBe(normalizeForQuote(respaced));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findQuote', () => {
  it('returns offsets into the original text, so the passage can be shown as printed', () => {
    const text = 'xx 每 2  \n\n個工作小時 yy';
    const at = findQuote('每2個工作小時', text);
    expect(at).not.toBeNull();
    expect(text.slice(at?.start, at?.end)).toBe('每 2  \n\n個工作小時');
  });

  it('is null when the quote is absent', () => {
    expect(findQuote('zz', 'abc')).toBeNull();
  });
});
